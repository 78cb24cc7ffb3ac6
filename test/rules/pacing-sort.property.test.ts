import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByTime } from '../../src/rules/pacing.js';

describe('sortByTime (natural merge sort of timeline samples)', () => {
  it('orders samples exactly as a stable sort by time does, ties kept in arrival order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 300 }), (values) => {
        const times = Float64Array.from(values);
        const samples = Int32Array.from(values.keys());
        const expected = [...values.keys()].sort((a, b) => values[a]! - values[b]!);
        expect(Array.from(sortByTime(samples, times))).toEqual(expected);
      }),
    );
  });

  it('sorts a timeline made of several already-ordered runs, as files interleave', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 1e6 }), { maxLength: 50 }), { maxLength: 12 }), (runs) => {
        const values = runs.flatMap((r) => [...r].sort((a, b) => a - b));
        const times = Float64Array.from(values);
        const order = Array.from(sortByTime(Int32Array.from(values.keys()), times)).map((i) => values[i]);
        expect(order).toEqual([...values].sort((a, b) => a - b));
      }),
    );
  });
});
