import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMBINED_LINE } from '../../../src/input/combined-log/layout.js';
import { readCombinedLine } from '../../../src/input/combined-log/read-line.js';
import { CORPUS, corpusExists } from '../../helpers/corpus.js';

/** What the layout's regular expression reads from a line: the specification the one-pass reader implements. */
function byRegex(line: string) {
  const g = COMBINED_LINE.exec(line)?.groups;
  return g && { host: g.host, user: g.user, time: g.time, request: g.request, status: g.status, agent: g.agent };
}

function byReader(line: string) {
  const g = readCombinedLine(line);
  return g && { host: g.host, user: g.user, time: g.time, request: g.request, status: g.status, agent: g.agent };
}

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

function textLines(root: string, folders: readonly string[]): string[] {
  const lines: string[] = [];
  for (const folder of folders) {
    const dir = join(root, folder);
    let names: string[];
    try {
      names = readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[];
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (!statSync(path).isFile() || name.endsWith('.md') || name.endsWith('.gz')) continue;
      lines.push(...readFileSync(path, 'utf8').split('\n'));
    }
  }
  return lines;
}

const SAMPLES = [
  '203.0.113.9 - alice [02/Nov/2026:09:15:32 +0000] "GET /api/me?x=1 HTTP/1.1" 200 512 "-" "Mozilla/5.0 (X11) Firefox/140.0"',
  'www.example.com:443 203.0.113.9 - - [2/Nov/2026:09:15:32 +0100] "POST /a HTTP/2.0" 201 - "https://r/" "curl/8.7.1" "10.0.0.1"',
  '203.0.113.9 - - [02/Nov/2026:09:15:32 +0000] "GET / HTTP/1.0" 304 0',
  '203.0.113.9 - - [02/Nov/2026:09:15:32 +0000] "\\x16\\x03\\x01" 400 157 "-" "-"',
  '203.0.113.9 - - [02/Nov/2026:09:15:32 +0000] "GET /\\"quoted\\" HTTP/1.1" 200 1 "-" "agent \\"x\\""',
];

/** Characters that change how a line reads: separators, quotes, escapes, brackets, line terminators, other spaces. */
const TRICKY = [' ', '"', '\\', '[', ']', '-', '/', ':', '0', '7', 'a', 'Z', '\n', '\r', '\t', '\u2028', '\u00a0', '\ufeff'];

const damaged = fc
  .tuple(fc.constantFrom(...SAMPLES), fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(...TRICKY)), { minLength: 1, maxLength: 6 }))
  .map(([line, edits]) => {
    let s = line;
    for (const [at, op, ch] of edits) {
      const i = at % (s.length + 1);
      if (op === 0) s = s.slice(0, i) + ch + s.slice(i);
      else if (op === 1) s = s.slice(0, i) + s.slice(i + 1);
      else s = s.slice(0, i) + ch + s.slice(i + 1);
    }
    return s;
  });

describe('the one-pass combined-log reader reads exactly what the layout expression matches', () => {
  it('on every line of the text-log fixtures', () => {
    const lines = [...SAMPLES, ...textLines(FIXTURES, ['combined-log', 'log-format', 'aws-alb', 'envoy'])];
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) expect(byReader(line), line).toEqual(byRegex(line));
  });

  it.skipIf(!corpusExists)('on every line of the corpus text logs', () => {
    const lines = textLines(CORPUS, ['apache', 'nginx', 'envoy', 'aws-alb']);
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) expect(byReader(line), line).toEqual(byRegex(line));
  });

  it('on lines damaged anywhere with separators, quotes, escapes and line terminators', () => {
    fc.assert(
      fc.property(damaged, (line) => {
        expect(byReader(line)).toEqual(byRegex(line));
      }),
      { numRuns: 20_000 },
    );
  });

  it('on arbitrary text and arbitrary fields in the layout', () => {
    const field = fc.string({ unit: fc.constantFrom(...TRICKY, 'x', 'G', 'E', 'T'), maxLength: 12 });
    const line = fc
      .tuple(field, field, field, field, field, field, field, fc.boolean())
      .map(
        ([a, b, c, t, r, ref, ua, vhost]) =>
          `${vhost ? 'vh ' : ''}${a} ${b} ${c} [0${t}/Nov/2026:${t}] "${r}" 200 ${t} "${ref}" "${ua}"${t}`,
      );
    fc.assert(
      fc.property(fc.oneof(line, fc.string({ maxLength: 80 })), (text) => {
        expect(byReader(text)).toEqual(byRegex(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads a line of 15 million characters, under the default record limit', () => {
    // The expression overflows its backtracking stack on it (RangeError on Node 20 from about 12 million).
    const agent = 'a'.repeat(15_000_000);
    const line = `203.0.113.9 - - [02/Nov/2026:09:15:32 +0000] "GET / HTTP/1.1" 200 1 "-" "${agent}"`;
    expect(readCombinedLine(line)?.agent).toHaveLength(agent.length);
  });
});
