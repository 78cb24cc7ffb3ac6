import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combinedLog } from '../../../src/input/combined-log/index.js';
import { isSkip } from '../../../src/input/format.js';
import { CTX } from '../map-helpers.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const clf = (ms: number) => {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
};

/** Values the readers treat as "nothing here" (see text() in src/input/fields.ts). */
const PLACEHOLDERS = new Set(['-', '', 'null', 'undefined', 'none', 'n/a', 'unknown', '(null)']);
const notPlaceholder = (v: string) => !PLACEHOLDERS.has(v.toLowerCase());

const request = fc.record({
  ip: fc.oneof(fc.ipV4(), fc.ipV6()),
  user: fc.oneof(fc.constant('-'), fc.stringMatching(/^[a-z][a-z0-9._@-]{0,15}$/).filter(notPlaceholder)),
  time: fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }).map((s) => s * 1000),
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'PROPFIND'),
  path: fc.array(fc.stringMatching(/^[A-Za-z0-9._~%-]{1,10}$/), { maxLength: 5 }).map((s) => `/${s.join('/')}`),
  query: fc.oneof(
    fc.constant(''),
    fc
      .string({ maxLength: 30 })
      .filter((q) => !/[\s"\\]/.test(q))
      .map((q) => `?${q}`),
  ),
  status: fc.integer({ min: 100, max: 599 }),
  agent: fc.oneof(
    fc.constant('-'),
    fc.string({ minLength: 1, maxLength: 60 }).filter((a) => !/["\\]/.test(a) && a.trim() === a && notPlaceholder(a)),
  ),
  layout: fc.constantFrom('combined', 'common', 'xff', 'vhost'),
});

type GeneratedRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

function writeLine(r: GeneratedRequest): string {
  const head = `${r.layout === 'vhost' ? 'www.example.com:443 ' : ''}${r.ip} - ${r.user} [${clf(r.time)}] "${r.method} ${r.path}${r.query} HTTP/1.1" ${r.status} 512`;
  if (r.layout === 'common') return head;
  return `${head} "-" "${r.agent}"${r.layout === 'xff' ? ' "198.51.100.1, 10.0.0.1"' : ''}`;
}

describe('combined-log map() on generated lines', () => {
  it('reads back what a generated line says, in every layout', () => {
    fc.assert(
      fc.property(request, (r) => {
        const result = combinedLog.map(writeLine(r), CTX);
        if (isSkip(result)) throw new Error(`${result.skip}: ${writeLine(r)}`);
        expect(result).toMatchObject({ time: r.time, method: r.method, path: r.path, status: r.status, ip: r.ip.replace(/^\[|\]$/g, '') });
        expect(result.user).toBe(r.user === '-' ? undefined : r.user);
        expect(result.userAgent).toBe(r.layout === 'common' || r.agent === '-' ? undefined : r.agent);
      }),
      { numRuns: 500 },
    );
  });
});
