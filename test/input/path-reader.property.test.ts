import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getLoose, getLoosePath, getPath, isObject, loosePathReaders } from '../../src/input/fields.js';

/** The readers as a loop over the path's keys, as they were before each path was compiled into a function of its own. */
function pathByLoop(record: unknown, path: string, loose: boolean): unknown {
  let current: unknown = record;
  path.split('.').forEach((key, i) => {
    if (!isObject(current)) {
      current = undefined;
      return;
    }
    current = i === 0 && loose ? getLoose(current, key) : current[key];
  });
  return current;
}

// Keys that a hostile record or an odd path may hold: inherited names, quotes, backslashes, line breaks, case variants.
const key = fc.oneof(
  fc.constantFrom('a', 'A', 'b', 'eventType', 'EVENTTYPE', 'eventtype', '__proto__', 'constructor', 'toString', 'length'),
  fc.constantFrom('"', '\\', "'", '`', '${x}', '\n', '\u2028', '*/', '</script>', ''),
  fc.string({ maxLength: 3 }),
);
const leaf = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string({ maxLength: 3 }), fc.integer(), fc.boolean());
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 2 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
})).node;
const path = fc
  .array(
    key.filter((k) => !k.includes('.')),
    { minLength: 1, maxLength: 4 },
  )
  .map((keys) => keys.join('.'));

describe('compiled path readers', () => {
  it('read every path of every record as the loop over its keys does, the first key of a loose path in any case', () => {
    fc.assert(
      fc.property(value, path, (record, p) => {
        expect(getPath(record, p)).toBe(pathByLoop(record, p, false));
        expect(getLoosePath(record, p)).toBe(pathByLoop(record, p, true));
        expect(loosePathReaders({ p }).p(record)).toBe(pathByLoop(record, p, true));
      }),
      { numRuns: 3000 },
    );
  });

  it('take a key that holds undefined as present, and look another case up only when the key is missing', () => {
    expect(getLoosePath({ eventtype: 'x', eventType: undefined }, 'eventType')).toBeUndefined();
    expect(getLoosePath({ eventtype: 'x' }, 'eventType')).toBe('x');
    expect(getLoosePath({ actor: { Type: 'User' } }, 'ACTOR.type')).toBeUndefined();
    expect(getLoosePath({ actor: { type: 'User' } }, 'ACTOR.type')).toBe('User');
  });

  it('treat a path as data: quotes, backslashes and code in a key are property names, nothing else', () => {
    const hostile = '"]; globalThis["pwned"] = 1; //';
    expect(getPath({ [hostile]: { '\\': 2 } }, `${hostile}.\\`)).toBe(2);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
