import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMapped, injectMapped, MAPPABLE_FIELDS, parseFieldMap, type FieldMap } from '../../src/input/field-map.js';
import { mappingSink } from '../../src/input/map-record.js';
import { FORMATS } from '../../src/input/registry.js';
import { UsageError } from '../../src/shared/errors.js';
import { FUZZ_SEED, propertyRuns } from '../helpers/seed.js';

/** Paths a `--map` might name: dotted, empty parts, names every object has, and anything else. */
const path = fc.oneof(
  fc.string({ minLength: 1, maxLength: 16 }),
  fc.array(fc.constantFrom('a', 'b', 'headers', 'x-session-id', '', '0', 'length'), { minLength: 1, maxLength: 4 }).map((p) => p.join('.')),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '__proto__.constructor', 'valueOf.name'),
);
const spec = fc.oneof(
  fc.tuple(fc.constantFrom(...MAPPABLE_FIELDS), path).map(([f, p]) => `${f}=${p}`),
  fc.string({ maxLength: 20 }),
  fc
    .tuple(
      fc.constantFrom(...MAPPABLE_FIELDS, 'Time', 'USER', ' user', 'sessionId', ''),
      fc.constantFrom('=', ' = ', '==', ':'),
      fc.string({ maxLength: 8 }),
    )
    .map((p) => p.join('')),
);

describe('--map values (property)', () => {
  it('parse to a field map or one UsageError that names the fields, never another throw', () => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 4 }), (specs) => {
        let map: FieldMap;
        try {
          map = parseFieldMap(specs);
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
          expect((err as Error).message).toMatch(/FIELD is one of time, user/);
          return;
        }
        for (const [field, p] of Object.entries(map)) {
          expect(MAPPABLE_FIELDS).toContain(field);
          expect(p.trim().length).toBeGreaterThan(0);
        }
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(250) },
    );
  });

  const record = fc.oneof(
    fc.anything({ withNullPrototype: true, withObjectString: true }),
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom('a', 'b', 'headers', 'headers.x-session-id', 'time', 'user', '__proto__'), fc.jsonValue({ maxDepth: 2 })),
  );
  const maps = fc
    .array(
      fc.tuple(
        fc.constantFrom(...MAPPABLE_FIELDS),
        path.filter((p) => p.trim().length > 0),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((pairs) => parseFieldMap(pairs.map(([f, p]) => `${f}=${p}`)));

  it('on any record and any paths: injecting and applying never throw, and a mapped record is an event or a skip', () => {
    const formats = FORMATS.filter((f) => f.container !== 'text');
    fc.assert(
      fc.property(record, maps, fc.constantFrom(...formats), (value, map, format) => {
        expect(() => injectMapped(value, map)).not.toThrow();
        const results: string[] = [];
        const sink = mappingSink(format, 'map.json', map, {
          event: (e) => results.push(applied(e, value, map)),
          error: (_l, reason) => results.push(`skip: ${reason}`),
        });
        sink.record(value, 1);
        expect(results.length).toBeGreaterThan(0);
        for (const r of results) expect(r).not.toMatch(/could not map record/);
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(250) },
    );
  });

  it("reads only a record's own keys: a path no record has maps nothing, whatever Object.prototype holds", () => {
    fc.assert(
      fc.property(
        fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__.constructor'),
        fc.constantFrom(...MAPPABLE_FIELDS),
        (p, field) => {
          const map = parseFieldMap([`${field}=${p}`]);
          const plain = { timestamp: '2026-11-02T09:00:00Z', path: '/a', method: 'GET', status: 200, user: 'u' };
          expect(injectMapped(plain, map)).toEqual(plain);
        },
      ),
      { seed: FUZZ_SEED, numRuns: propertyRuns(60) },
    );
  });
});

function applied(event: Parameters<typeof applyMapped>[0], value: unknown, map: FieldMap): string {
  const e = applyMapped(event, value, map);
  for (const v of [e.user, e.sessionId, e.ip, e.userAgent, e.path, e.method]) if (v !== undefined) expect(typeof v).toBe('string');
  expect(Number.isFinite(e.time)).toBe(true);
  return 'event';
}
