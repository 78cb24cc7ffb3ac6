#!/usr/bin/env node
// Scaffolds an input format: src/input/<name>/ (index with metadata and docs, detect, map, fields), a fixture case
// fixtures/<name>/basic/ with its README, and the registry line. The conformance suite finds both by itself.
//   npm run new-format <name> [-- --title "Vendor log"] [--root <repository copy>]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function fail(message) {
  console.error(`new-format: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { root: fileURLToPath(new URL('..', import.meta.url)) };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--root' || arg === '--title') {
      if (argv[i + 1] === undefined) fail(`${arg} needs a value`);
      options[arg.slice(2)] = argv[++i];
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else rest.push(arg);
  }
  if (rest.length !== 1) fail('usage: npm run new-format <name> [-- --title "Vendor log"] [--root <dir>]');
  const [name] = rest;
  if (!NAME.test(name)) fail(`"${name}" is not a format id: lowercase words joined by "-" (e.g. acme-audit)`);
  return { name, title: options.title ?? `${name} log`, root: resolve(options.root) };
}

const camel = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

const files = ({ name, title }) => {
  const id = camel(name);
  const pascal = id[0].toUpperCase() + id.slice(1);
  return {
    [`src/input/${name}/fields.ts`]: `/** Where each part of the event model lives in a ${title} record. Replace with the vendor's own paths. */
export const FIELDS = {
  time: 'time',
  action: 'action',
  user: 'user',
  session: 'session_id',
  ip: 'ip',
  userAgent: 'user_agent',
  /** A key that only this vendor's records carry: what detection recognizes them by. */
  marker: '${name.replace(/-/g, '_')}_version',
} as const;
`,
    [`src/input/${name}/detect.ts`]: `import { getPath, isObject, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { FIELDS as F } from './fields.js';

export function looksLike${pascal}(record: JsonObject): boolean {
  return getPath(record, F.marker) !== undefined && getPath(record, F.time) !== undefined && typeof getPath(record, F.action) === 'string';
}

/** Most of the first records are ${title} records. */
export function detect${pascal}(probe: Probe): boolean {
  const objects = probe.records.filter(isObject);
  if (objects.length === 0) return false;
  return objects.filter(looksLike${pascal}).length * 2 > probe.records.length;
}
`,
    [`src/input/${name}/map.ts`]: `import { getPath, isObject, jsonKind, quoteValue, text } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { FIELDS as F } from './fields.js';

export const ${name.toUpperCase().replace(/-/g, '_')}_ID = '${name}';

export function map${pascal}(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: \`record is not a JSON object (\${jsonKind(record)})\` };
  const rawTime = getPath(record, F.time);
  const time = parseTime(rawTime);
  if (time === undefined) return { skip: \`no readable time (\${rawTime === undefined ? \`\${F.time} missing\` : \`\${F.time}: \${quoteValue(rawTime)}\`})\` };
  const action = text(getPath(record, F.action));
  if (action === undefined) return { skip: \`not a ${title} record (no \${F.action})\` };
  return {
    time,
    source: { file: ctx.file, line: ctx.line },
    format: ${name.toUpperCase().replace(/-/g, '_')}_ID,
    kind: 'other',
    action,
    outcome: 'unknown',
    user: text(getPath(record, F.user)),
    sessionId: text(getPath(record, F.session)),
    ip: text(getPath(record, F.ip)),
    userAgent: text(getPath(record, F.userAgent)),
  };
}
`,
    [`src/input/${name}/index.ts`]: `import type { LogFormat } from '../format.js';
import { detect${pascal} } from './detect.js';
import { FIELDS as F } from './fields.js';
import { ${name.toUpperCase().replace(/-/g, '_')}_ID, map${pascal} } from './map.js';

export const ${id}: LogFormat = {
  id: ${name.toUpperCase().replace(/-/g, '_')}_ID,
  title: ${JSON.stringify(title)},
  container: 'json',
  // A vendor's own shape. Name here any format of the same tier that could claim the same files, and why this one wins.
  detection: { tier: 'vendor' },
  detect: detect${pascal},
  map: map${pascal},
  docs: {
    summary: ${JSON.stringify(`${title} records, one JSON object per line or in an array. Every record is \`other\` until the mapping says which are sign-ins, tokens and requests.`)},
    detectedBy: \`records with \\\`\${F.marker}\\\`, a \\\`\${F.time}\\\` and a string \\\`\${F.action}\\\`\`,
    fields: { user: F.user, session: F.session, client: F.userAgent, time: F.time, ip: F.ip },
  },
};
`,
    [`fixtures/${name}/basic/${name}.ndjson`]: [
      {
        [`${name.replace(/-/g, '_')}_version`]: '1',
        time: '2026-03-03T09:00:05.112Z',
        action: 'session.start',
        user: 'alice@example.com',
        session_id: 'sess-1',
        ip: '198.51.100.23',
        user_agent: 'Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0',
      },
      {
        [`${name.replace(/-/g, '_')}_version`]: '1',
        time: '2026-03-03T09:14:33.871Z',
        action: 'api.call',
        user: 'alice@example.com',
        session_id: 'sess-1',
        ip: '203.0.113.50',
        user_agent: 'python-httpx/0.28.1',
      },
      { [`${name.replace(/-/g, '_')}_version`]: '1', time: 'soon', action: 'session.end', user: 'alice@example.com' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n')
      .concat('\n'),
    [`fixtures/${name}/basic/README.md`]: `# basic (synthetic)

\`${name}.ndjson\`: three ${title} records, one per line. Replace them with realistic synthetic records of the vendor's
shape (never copied from a real tenant), one case per folder, and say here what each line shows.

| line | content | result |
| --- | --- | --- |
| 1 | a session start from a browser | event \`session.start\`, user alice, session \`sess-1\` |
| 2 | a call on the same session from an HTTP library, from another network | event \`api.call\` |
| 3 | an unreadable time | \`no readable time (time: "soon")\` |
`,
  };
};

/** Adds the format to the registry: its import, and its entry before the generic access logs (listing order only). */
function register(registry, { name }) {
  const id = camel(name);
  const importLine = `import { ${id} } from './${name}/index.js';\n`;
  if (registry.includes(importLine)) fail(`the registry already imports ${name}`);
  const lastImport = registry.lastIndexOf('\nimport ');
  const afterImports = registry.indexOf('\n', lastImport + 1) + 1;
  let text = registry.slice(0, afterImports) + importLine + registry.slice(afterImports);
  const anchor = text.includes('\n  accessLog,\n') ? '\n  accessLog,\n' : '\n];';
  text = text.replace(anchor, `\n  ${id},${anchor}`);
  return text;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const registryPath = join(options.root, 'src/input/registry.ts');
  if (!existsSync(registryPath)) fail(`no src/input/registry.ts under ${options.root}`);
  for (const dir of [`src/input/${options.name}`, `fixtures/${options.name}`]) {
    if (existsSync(join(options.root, dir))) fail(`${dir} exists already`);
  }
  const registry = register(readFileSync(registryPath, 'utf8'), options);
  for (const [relative, content] of Object.entries(files(options))) {
    const path = join(options.root, relative);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    console.log(`created ${relative}`);
  }
  writeFileSync(registryPath, registry);
  console.log('registered it in src/input/registry.ts');
  console.log(
    [
      '',
      'Next:',
      `  1. fields.ts, detect.ts, map.ts: the vendor's fields, what only its records carry, which records are sign-ins,`,
      '     tokens and requests; index.ts: title, docs, and the detection tier (a preference over a same-tier format',
      '     that could claim the same files, if any).',
      `  2. fixtures/${options.name}/<case>/: realistic synthetic files, each case with a README. The conformance suite`,
      `     reads them, and every corpus file under ../shared/corpus/${options.name}/, with no test entry.`,
      `     Pin exact counts and sample events in test/input/conformance/expected/${options.name}.ts if you want them held.`,
      '  3. npm run formats:write (README table and docs/formats.md), then npm test.',
    ].join('\n'),
  );
}

main();
