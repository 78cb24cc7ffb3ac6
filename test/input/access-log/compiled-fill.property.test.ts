import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedNames, CONVENTIONS, type FieldName } from '../../../src/input/access-log/conventions.js';
import { COMPILE_AFTER, Resolver } from '../../../src/input/access-log/resolve.js';
import type { JsonObject } from '../../../src/input/fields.js';

const ALL_NAMES = (Object.keys(CONVENTIONS) as FieldName[]).flatMap(acceptedNames);
/** Keys a log might have: accepted names and paths, their parts (nested and mixed paths), other spellings, and junk. */
const key = fc.oneof(
  fc.constantFrom(...ALL_NAMES, 'attributes', 'http', 'url', 'user', 'session', 'client', 'source', 'date', 'time', 'claims'),
  fc.constantFrom(...ALL_NAMES).map((k) => k.toUpperCase().replace(/_/g, '-')),
  fc.constantFrom('request', 'response', 'method', 'path', 'address', 'original', 'id', 'status_code', 'headers'),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', '"', "'", '\\', '\u2028', '${x}', 'a`b'),
);
const scalar = fc.oneof(
  fc.constantFrom('GET', 'post', '/a?b=c', 'https://h/x?y#z', '200', 404, '-', '', ' x ', null, true),
  fc.constantFrom('2026-11-02T09:00:00Z', '2026-11-02', '09:00:01', 1793606400, '10.0.0.1:443', 'GET /p?q HTTP/1.1'),
  fc.string({ maxLength: 10 }),
  fc.integer(),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(scalar, { maxLength: 2 }), tie('object')),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
})).value;
const record = fc.dictionary(key, value, { maxKeys: 12 }) as fc.Arbitrary<JsonObject>;

describe('a plan compiled into a function of its own resolves what the general fill resolves', () => {
  it('on records of accepted names, paths, their parts and junk keys, with arbitrary values (property)', () => {
    fc.assert(
      fc.property(record, fc.array(record, { maxLength: 3 }), (shape, others) => {
        const general = new Resolver();
        const compiled = new Resolver();
        // The plan of `shape` is compiled once that many records had it; the records after it go through the compiled fill.
        for (let i = 0; i < COMPILE_AFTER; i++) compiled.resolve(shape);
        expect(compiled.resolve(shape)).toEqual(general.resolveGenerally(shape));
        // Other records of the same keys (other values) with the compiled plan, and records of other shapes.
        for (const other of others) {
          const sameKeys = Object.fromEntries(Object.keys(shape).map((k, i) => [k, Object.values(other)[i] ?? null])) as JsonObject;
          expect(compiled.resolve(sameKeys)).toEqual(general.resolveGenerally(sameKeys));
          expect(compiled.resolve(other)).toEqual(general.resolveGenerally(other));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('on an OpenTelemetry record with attributes, nested and flat', () => {
    const r = {
      timestamp: '2026-11-02T07:00:51.889Z',
      attributes: { 'http.request.method': 'GET', url: { path: '/api/me?x=1' }, 'client.address': '10.0.0.1:5000' },
      'user_agent.original': 'curl/8.5.0',
      'session.id': 's1',
    } as JsonObject;
    const compiled = new Resolver();
    for (let i = 0; i < COMPILE_AFTER; i++) compiled.resolve(r);
    const out = compiled.resolve(r);
    expect(out).toEqual(new Resolver().resolveGenerally(r));
    expect(out).toMatchObject({ method: 'GET', path: '/api/me', ip: '10.0.0.1', userAgent: 'curl/8.5.0', sessionId: 's1' });
  });
});
