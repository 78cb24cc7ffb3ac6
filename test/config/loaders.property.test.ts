import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { agentsFileSchema, compileRegistry, loadAgentRegistry, allowedBy, tasksAt } from '../../src/config/agents.js';
import { loadBaseline } from '../../src/config/baseline.js';
import { loadSuppressions } from '../../src/config/suppressions.js';
import { parseConfig } from '../../src/config/yaml.js';
import { UsageError } from '../../src/shared/errors.js';
import { finding } from '../helpers/finding.js';
import { tempDir } from './config-files.js';

/**
 * No input makes a config loader throw anything but its own clear error: a UsageError of lines that each start with
 * the file's name (with a position for problems in the text), short enough to read, with no stack trace. And what a
 * loader accepts, the code that uses it can use: registry lookups and suppression matches never throw either.
 */

const RULES = ['agent-on-human-session', 'inhuman-cadence'];

function expectClearError(err: unknown, file: string): void {
  if (!(err instanceof UsageError)) throw err;
  const lines = err.message.split('\n');
  for (const line of lines) {
    expect(line.startsWith(file) || line.startsWith(`cannot read `) || line.startsWith('baseline '), line).toBe(true);
    expect(line.length, line).toBeLessThan(1_000);
    expect(line).not.toMatch(/^\s+at /);
  }
}

/** Runs a loader; returns its value, or undefined after checking that what it threw is a clear error. */
function settle<T>(file: string, load: () => T): T | undefined {
  try {
    return load();
  } catch (err) {
    expectClearError(err, file);
    return undefined;
  }
}

async function settleAsync<T>(file: string, load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (err) {
    expectClearError(err, file);
    return undefined;
  }
}

/** Pieces of YAML syntax, so that random texts reach the parser's corners, not just its first error. */
const YAML_PIECES = [
  'agents',
  'name',
  'owner',
  'tasks',
  'allow',
  'userAgents',
  'ignore',
  'breakGlass',
  'accounts',
  'version',
  'suppressions',
  'a',
  '1',
  '-1.5e999',
  '0x1F',
  '~',
  'null',
  'true',
  '2026-11-02T10:00:00Z',
  'GET /api/**',
  '*/**',
  ':',
  ': ',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '- ',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '\\',
  '#',
  '|',
  '>-',
  '&a ',
  '&b ',
  '*a',
  '*b',
  '<<: ',
  '!!str ',
  '!!binary ',
  '!!set ',
  '!x ',
  '%YAML 1.1\n',
  '%TAG ! tag:x:\n',
  '---\n',
  '...\n',
  '\u0000',
  '\u2028',
  '\ufeff',
  'é',
  '😀',
  '\ud800',
];
const yamlText = fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''));

const str = fc.oneof(fc.string(), fc.constantFrom('', ' ', '*', '?', 'a@example.com', 'A/*', '\u0000', 'x'.repeat(300)));
const date = fc.oneof(
  fc.constantFrom('2026-11-02T10:00:00Z', '2026-11-02', '2026-02-30', '2026-11-02T10:00:00+99:99', 'x'),
  fc.string(),
  fc.integer(),
);
const allow = fc.oneof(
  fc.constantFrom(
    'GET /api/**',
    '* /',
    'POST /a/*/b',
    'GET /**/x/**',
    'GET //',
    'GET /a?b',
    'GET /a**',
    'app:Sales force',
    's3.amazonaws.com:Get*',
    'x:',
    ':y',
    'app:',
    'mcp:',
    'mcp:a b',
    'mcp:search_*',
  ),
  fc.stringMatching(/^(GET|\*|put|FETCH) \/[a-z*/.]{0,12}$/),
  fc.string(),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.anything());
const task = fc.record(
  { name: maybe(str), start: maybe(date), end: maybe(date), onBehalfOf: maybe(str), allow: maybe(fc.array(allow, { maxLength: 4 })) },
  { requiredKeys: [] },
);
const agent = fc.record(
  {
    name: maybe(str),
    owner: maybe(str),
    identities: maybe(fc.array(str, { maxLength: 3 })),
    clients: maybe(fc.array(str, { maxLength: 3 })),
    userAgents: maybe(fc.array(str, { maxLength: 3 })),
    maxSessionMinutes: maybe(fc.oneof(fc.integer(), fc.double())),
    tasks: maybe(fc.array(task, { maxLength: 3 })),
  },
  { requiredKeys: [] },
);
const registry = fc.record(
  {
    version: fc.oneof(fc.constant(1), fc.anything()),
    agents: maybe(fc.array(agent, { maxLength: 4 })),
    breakGlass: maybe(
      fc.record(
        {
          accounts: maybe(fc.array(str, { maxLength: 2 })),
          approvals: maybe(fc.array(fc.record({ account: str, start: date, end: date }), { maxLength: 2 })),
        },
        { requiredKeys: [] },
      ),
    ),
    ignore: maybe(fc.record({ userAgents: maybe(fc.array(str, { maxLength: 3 })) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);
const suppressionFile = fc.record(
  {
    version: fc.oneof(fc.constant(1), fc.anything()),
    suppressions: maybe(
      fc.array(
        fc.record(
          {
            id: maybe(fc.oneof(fc.constant('bs-0123456789abcdef'), str)),
            rule: maybe(fc.constantFrom(...RULES, 'no-such-rule')),
            user: maybe(str),
            session: maybe(str),
            userAgent: maybe(str),
            reason: maybe(str),
            expires: maybe(date),
            owner: maybe(str),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
    ),
  },
  { requiredKeys: [] },
);

/** Registries written by the documented grammar only: every one of them must load. */
const word = fc.stringMatching(/^[A-Za-z0-9@._-]{1,10}$/);
const uaGlob = fc.stringMatching(/^[A-Za-z0-9/.*? -]{1,12}$/).filter((g) => g.trim() !== '' && !/^[*?]+$/.test(g));
const segment = fc.oneof(fc.constantFrom('**', '*'), fc.stringMatching(/^[a-z0-9.]{1,5}$/), fc.stringMatching(/^[a-z]{0,3}\*[a-z.]{0,3}$/));
const validAllow = fc.oneof(
  fc
    .tuple(fc.constantFrom('GET', 'post', '*', 'DELETE'), fc.array(segment, { maxLength: 5 }), fc.boolean())
    .map(([method, segments, slash]) => `${method} /${segments.join('/')}${slash && segments.length > 0 ? '/' : ''}`),
  fc.tuple(fc.stringMatching(/^[a-z0-9.*]{1,10}$/), fc.stringMatching(/^[A-Za-z0-9*]{1,8}$/)).map(([source, name]) => `${source}:${name}`),
  fc.stringMatching(/^[A-Za-z0-9*]([A-Za-z0-9* ]{0,8}[A-Za-z0-9*])?$/).map((name) => `app:${name}`),
  fc.stringMatching(/^[A-Za-z0-9_*/.:-]{1,12}$/).map((name) => `mcp:${name}`),
);
const window = fc
  .tuple(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 1e9 }))
  .map(([start, length]) => ({ start: start.toISOString(), end: new Date(start.getTime() + length).toISOString() }));
const validAgent = fc.record({
  identities: fc.integer({ min: 0, max: 2 }),
  clients: fc.integer({ min: 0, max: 2 }),
  userAgents: fc.array(uaGlob, { maxLength: 2 }),
  owner: word,
  maxSessionMinutes: fc.option(fc.integer({ min: 1, max: 525_600 }), { nil: undefined }),
  tasks: fc.array(fc.tuple(window, fc.option(word, { nil: undefined }), fc.array(validAllow, { minLength: 1, maxLength: 4 })), {
    maxLength: 3,
  }),
});
const validRegistry = fc
  .tuple(fc.array(validAgent, { maxLength: 4 }), fc.array(word, { maxLength: 2 }), fc.array(uaGlob, { maxLength: 2 }))
  .map(([agents, accounts, ignored]) => ({
    version: 1,
    agents: agents.map((a, i) => ({
      name: `agent-${i}`,
      owner: a.owner,
      identities: Array.from({ length: a.identities }, (_, j) => `svc-${i}-${j}@example.com`),
      // Something to recognize every agent by.
      clients: Array.from({ length: a.clients + (a.identities + a.userAgents.length === 0 ? 1 : 0) }, (_, j) => `client-${i}-${j}`),
      userAgents: a.userAgents,
      ...(a.maxSessionMinutes === undefined ? {} : { maxSessionMinutes: a.maxSessionMinutes }),
      tasks: a.tasks.map(([w, onBehalfOf, allow], j) => ({
        name: `task-${j}`,
        ...w,
        ...(onBehalfOf === undefined ? {} : { onBehalfOf }),
        allow,
      })),
    })),
    ...(accounts.length > 0
      ? {
          breakGlass: {
            accounts: accounts.map((a, i) => `bg-${i}-${a}`),
            approvals: [{ account: `bg-0-${accounts[0]}`, start: '2026-11-03T02:00:00Z', end: '2026-11-03T04:00:00Z' }],
          },
        }
      : {}),
    ignore: { userAgents: ignored },
  }));
/** Clues shaped like what the patterns match, so that lookups find agents and patterns allow, not only miss. */
const clue = fc.oneof(
  str,
  validAllow.map((p) => p.replace(/^[A-Za-z*]+ /, '').replaceAll('*', 'x')),
  uaGlob.map((g) => g.replaceAll('?', 'y').replaceAll('*', 'zz')),
);

/** A structure written as JSON, block YAML or flow YAML. */
const written = <T>(arb: fc.Arbitrary<T>) =>
  fc
    .tuple(arb, fc.constantFrom('json', 'yaml', 'flow'))
    .map(([value, style]) =>
      style === 'json'
        ? (JSON.stringify(value) ?? 'null')
        : (stringify(value, { collectionStyle: style === 'flow' ? 'flow' : 'any' }) ?? ''),
    );

/** Uses a compiled registry the way the rules do, with random clues. */
function exercise(registry: ReturnType<typeof compileRegistry>, clue: string): void {
  registry.matchAgent({ user: clue, clientId: clue, userAgent: clue });
  registry.isIgnored(clue);
  registry.isBreakGlass(clue);
  registry.approvalFor(clue, 0);
  for (const declared of registry.agents) {
    const tasks = [...declared.tasks, ...tasksAt(declared, Date.parse('2026-11-02T10:30:00Z'))];
    allowedBy(tasks, { kind: 'http', method: 'GET', path: clue });
    allowedBy(tasks, { kind: 'operation', name: clue });
    allowedBy(tasks, { kind: 'app', name: clue });
  }
}

describe('the agent registry loader throws only its own clear error', () => {
  const load = (text: string) =>
    settle('agents.yaml', () => compileRegistry('agents.yaml', parseConfig('agents.yaml', text, agentsFileSchema)));

  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void load(text)),
      { numRuns: 500 },
    );
  });

  it('on random YAML-like text (anchors, aliases, tags, directives, flow and block syntax)', () => {
    fc.assert(
      fc.property(yamlText, (text) => void load(text)),
      { numRuns: 1500 },
    );
  });

  it('on random structures in JSON and YAML, and what it accepts answers lookups without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(written(registry), written(fc.anything())), str, (text, clue) => {
        const loaded = load(text);
        if (loaded) exercise(loaded, clue);
      }),
      { numRuns: 400 },
    );
  });

  it('loads every registry written by the documented grammar, and its lookups never throw', () => {
    fc.assert(
      fc.property(written(validRegistry), fc.array(clue, { maxLength: 5 }), (text, clues) => {
        const loaded = compileRegistry('agents.yaml', parseConfig('agents.yaml', text, agentsFileSchema));
        for (const c of clues) exercise(loaded, c);
      }),
      { numRuns: 300 },
    );
  });

  it('on random bytes in a file', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const path = join(dir, 'agents.yaml');
        writeFileSync(path, bytes);
        await settleAsync(path, () => loadAgentRegistry(path));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the ignore-file loader throws only its own clear error', () => {
  const dir = tempDir();
  const loadText = async (text: string | Uint8Array, clue: string) => {
    const path = join(dir, '.borrowscan-ignore.yaml');
    writeFileSync(path, text);
    const loaded = await settleAsync(path, () => loadSuppressions(path, RULES));
    const target = finding({ user: clue, session: clue, client: { userAgent: clue, class: 'cli', ip: null } });
    for (const suppression of loaded ?? []) suppression.matches(target);
  };

  it('on random YAML-like text and random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(yamlText, fc.uint8Array({ maxLength: 200 })), str, loadText), { numRuns: 300 });
  });

  it('loads every ignore file written by the documented grammar, and its matches never throw', async () => {
    const hex = fc.stringMatching(/^[0-9a-f]{16}$/);
    const byRule = fc
      .record({
        rule: fc.constantFrom(...RULES),
        user: fc.option(
          str.filter((v) => v !== ''),
          { nil: undefined },
        ),
        session: uaGlob,
        userAgent: fc.option(uaGlob, { nil: undefined }),
      })
      .map(({ user, userAgent, ...rest }) => ({
        ...rest,
        ...(user === undefined ? {} : { user }),
        ...(userAgent === undefined ? {} : { userAgent }),
      }));
    const entry = fc
      .tuple(
        fc.oneof(
          hex.map((h) => ({ id: `bs-${h}` })),
          byRule,
        ),
        word,
        fc.option(window, { nil: undefined }),
      )
      .map(([what, reason, w]) => ({ ...what, reason, ...(w === undefined ? {} : { expires: w.end }) }));
    const path = join(dir, '.borrowscan-ignore.yaml');
    await fc.assert(
      fc.asyncProperty(
        written(fc.array(entry, { maxLength: 5 }).map((suppressions) => ({ version: 1, suppressions }))),
        fc.array(clue, { maxLength: 3 }),
        async (text, clues) => {
          writeFileSync(path, text);
          const loaded = await loadSuppressions(path, RULES);
          for (const c of clues)
            for (const s of loaded) s.matches(finding({ user: c, session: c, client: { userAgent: c, class: 'cli', ip: null } }));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('on random structures in JSON and YAML, and what it accepts matches findings without throwing', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(written(suppressionFile), written(fc.anything())), str, loadText), { numRuns: 300 });
  });
});

describe('the baseline loader throws only its own clear error', () => {
  const dir = tempDir();
  const report = fc.record(
    {
      tool: fc.oneof(fc.constant({ name: 'borrowscan' }), fc.anything()),
      findings: maybe(fc.array(maybe(fc.record({ id: maybe(str) })), { maxLength: 4 })),
    },
    { requiredKeys: [] },
  );

  it('on random bytes, JSON values and report-like structures', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.json(),
          report.map((r) => JSON.stringify(r)),
        ),
        async (content) => {
          const path = join(dir, 'baseline.json');
          writeFileSync(path, content);
          const loaded = await settleAsync(path, () => loadBaseline(path));
          if (loaded) expect(loaded.findings.every((f) => loaded.ids.has(f.id))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
