import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SetPool, SmallMap, SmallSet } from '../../src/shared/small-collections.js';

const op = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), value: fc.integer({ min: 0, max: 30 }).map(String) }),
  fc.record({ kind: fc.constant('delete' as const), value: fc.integer({ min: 0, max: 30 }).map(String) }),
);

describe('SmallSet and SmallMap behave as Set and Map', () => {
  it('SmallSet: same members, size and insertion order as a Set after any sequence of adds and deletes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const small = new SmallSet<string>();
        const real = new Set<string>();
        for (const o of ops) {
          if (o.kind === 'add') {
            small.add(o.value);
            real.add(o.value);
          } else expect(small.delete(o.value)).toBe(real.delete(o.value));
        }
        expect([...small]).toEqual([...real]);
        expect(small.size).toBe(real.size);
        for (let v = 0; v <= 30; v++) expect(small.has(String(v))).toBe(real.has(String(v)));
      }),
    );
  });

  it('SmallMap: same entries, size and insertion order as a Map, through the switch to a built-in Map', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer(), fc.boolean()), { maxLength: 60 }), (ops) => {
        const small = new SmallMap<number, number>();
        const real = new Map<number, number>();
        for (const [k, v, remove] of ops) {
          if (remove) expect(small.delete(k)).toBe(real.delete(k));
          else {
            small.set(k, v);
            real.set(k, v);
          }
        }
        expect([...small]).toEqual([...real]);
        expect(small.size).toBe(real.size);
        for (let k = 0; k <= 20; k++) expect(small.get(k)).toBe(real.get(k));
      }),
    );
  });
});

describe('SmallMap keeps values of any type apart from its own storage', () => {
  it('SmallMap: array and Map values come back as they went in, at every size', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.boolean()), { maxLength: 30 }), (ops) => {
        const small = new SmallMap<number, unknown>();
        const real = new Map<number, unknown>();
        for (const [k, asMap] of ops) {
          const value = asMap ? new Map([[k, k]]) : [k];
          small.set(k, value);
          real.set(k, value);
        }
        expect([...small]).toEqual([...real]);
        for (const [k, v] of real) expect(small.get(k)).toBe(v);
      }),
    );
  });
});

describe('SetPool', () => {
  it('hands every owner of the same one value the same frozen set, and a new set when one of them adds', () => {
    const pool = new SetPool();
    const a = pool.with(SetPool.EMPTY, 'okta');
    const b = pool.with(SetPool.EMPTY, 'okta');
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    const c = pool.with(a, 'access-log');
    expect([...c]).toEqual(['okta', 'access-log']);
    expect([...a]).toEqual(['okta']);
    expect(pool.with(c, 'access-log')).toBe(c);
  });

  it('hands the same ordered pair the same frozen set when asked to share pairs, and only then', () => {
    const pool = new SetPool();
    const okta = pool.with(SetPool.EMPTY, 'okta');
    const a = pool.with(okta, 'access-log', true);
    const b = pool.with(pool.with(SetPool.EMPTY, 'okta'), 'access-log', true);
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect([...a]).toEqual(['okta', 'access-log']);
    const reversed = pool.with(pool.with(SetPool.EMPTY, 'access-log'), 'okta', true);
    expect([...reversed]).toEqual(['access-log', 'okta']);
    expect(reversed).not.toBe(a);
    const third = pool.with(a, 'nginx', true);
    expect([...third]).toEqual(['okta', 'access-log', 'nginx']);
    expect([...a]).toEqual(['okta', 'access-log']);
    expect(pool.with(okta, 'access-log')).not.toBe(a);
  });
});
