import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_BUCKETS,
  ACTIVITY_NETWORKS,
  addActivity,
  mergeActivity,
  networkIdOf,
  newActivityPool,
  newActivityRow,
  noteNetwork,
  readBuckets,
  readNetworks,
} from '../../src/engine/activity.js';

const T0 = Date.parse('2026-11-02T09:00:00Z');

/** One row fed with `times` in the order given; what it reads back. */
function rowOf(times: number[], ips: string[] = []) {
  const pool = newActivityPool(1);
  const row = newActivityRow(pool);
  times.forEach((t, k) => {
    addActivity(pool, row, t);
    if (ips[k]) noteNetwork(pool, row, networkIdOf(pool, ips[k]!), t);
  });
  return { buckets: readBuckets(pool, row), networks: readNetworks(pool, row) };
}

/** The smallest power-of-two width (in seconds) whose aligned buckets hold every time in ACTIVITY_BUCKETS. */
function smallestWidth(times: number[]): number {
  for (let level = 0; ; level++) {
    const w = 1000 * 2 ** level;
    const idx = times.map((t) => Math.floor(t / w));
    if (Math.max(...idx) - Math.min(...idx) < ACTIVITY_BUCKETS) return w;
  }
}

describe('activity buckets per client', () => {
  it('counts events of one minute in one-second buckets from the first event', () => {
    const { buckets } = rowOf([T0, T0 + 400, T0 + 1000, T0 + 5_500]);
    expect(buckets).toEqual({ start: T0, width: 1000, counts: [2, 1, 0, 0, 0, 1] });
  });

  it('doubles the width, merging pairs, until a whole day fits', () => {
    const day = 24 * 3600_000;
    const { buckets } = rowOf([T0, T0 + day]);
    // 2^12 s = 68 min: 24 h spans 21 such buckets; 2^11 s would need 43.
    expect(buckets!.width).toBe(4096_000);
    expect(buckets!.counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(buckets!.start).toBeLessThanOrEqual(T0);
    expect(buckets!.start + buckets!.width).toBeGreaterThan(T0);
  });

  it('ends with the smallest width that fits, exact counts, whatever the order of events (property)', () => {
    const times = fc.array(
      fc.integer({ min: 0, max: 40 * 24 * 3600_000 }).map((d) => T0 + d),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(times, fc.infiniteStream(fc.nat()), (ts, rnd) => {
        const shuffled = [...ts].sort(() => (rnd.next().value % 3) - 1);
        const a = rowOf(ts).buckets!;
        const b = rowOf(shuffled).buckets!;
        expect(b).toEqual(a);
        expect(a.width).toBe(smallestWidth(ts));
        expect(a.start).toBe(Math.floor(Math.min(...ts) / a.width) * a.width);
        for (const t of ts) expect(Math.floor((t - a.start) / a.width)).toBeLessThan(ACTIVITY_BUCKETS);
        expect(a.counts.reduce((x, y) => x + y, 0)).toBe(ts.length);
      }),
      { numRuns: 300 },
    );
  });

  it('merging two rows gives what one row fed with both sets gives (property)', () => {
    const times = fc.array(
      fc.integer({ min: 0, max: 90 * 24 * 3600_000 }).map((d) => T0 + d),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(times, times, (xs, ys) => {
        fc.pre(xs.length + ys.length > 0);
        const pool = newActivityPool(1);
        const a = newActivityRow(pool);
        const b = newActivityRow(pool);
        for (const t of xs) addActivity(pool, a, t);
        for (const t of ys) addActivity(pool, b, t);
        mergeActivity(pool, a, b);
        expect(readBuckets(pool, a)).toEqual(rowOf([...xs, ...ys]).buckets);
      }),
      { numRuns: 300 },
    );
  });
});

describe('16-bit counts that widen to 32 bits', () => {
  /** Counts `n` events at `time` in `row`, by whole buckets (merging a row holding them) to keep the test fast. */
  function countMany(pool: ReturnType<typeof newActivityPool>, row: number, time: number, n: number): void {
    const helper = newActivityRow(pool);
    addActivity(pool, helper, time);
    for (let k = 1; k < n; k++) addActivity(pool, helper, time);
    mergeActivity(pool, row, helper);
  }

  it('counts more than 65,535 events of one bucket exactly, and the other rows keep theirs', () => {
    const pool = newActivityPool(4);
    const quiet = newActivityRow(pool);
    addActivity(pool, quiet, T0);
    const busy = newActivityRow(pool);
    for (let k = 0; k < 70_000; k++) addActivity(pool, busy, T0 + (k % 2) * 1000);
    addActivity(pool, busy, T0 + 500);
    expect(pool.counts).toBeInstanceOf(Uint16Array);
    for (let k = 0; k < 70_000; k++) addActivity(pool, busy, T0);
    expect(pool.counts).toBeInstanceOf(Uint32Array);
    expect(readBuckets(pool, busy)!.counts).toEqual([105_001, 35_000]);
    expect(readBuckets(pool, quiet)!.counts).toEqual([1]);
  });

  it('widens when a merge of rows or of buckets passes 65,535, with exact counts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20_000, max: 40_000 }), fc.integer({ min: 20_000, max: 40_000 }), fc.boolean(), (x, y, sameSecond) => {
        const pool = newActivityPool(8);
        const a = newActivityRow(pool);
        countMany(pool, a, T0, x);
        countMany(pool, a, sameSecond ? T0 : T0 + 1000, y);
        // 40 s later: the row's buckets widen to 2 s, and the first two seconds become one bucket.
        addActivity(pool, a, T0 + 40_000);
        const buckets = readBuckets(pool, a)!;
        expect(buckets.width).toBe(2000);
        expect(buckets.counts[0]).toBe(x + y);
        expect(buckets.counts.reduce((p, q) => p + q, 0)).toBe(x + y + 1);
        expect(pool.counts instanceof Uint32Array).toBe(x + y > 0xffff);
      }),
      { numRuns: 20 },
    );
  });
});

describe('networks per client', () => {
  it('keeps the first time of each network, a /24 being one network', () => {
    const { networks } = rowOf([T0 + 50, T0, T0 + 90], ['198.51.100.7', '198.51.100.9', '203.0.113.5']);
    expect(networks).toEqual([
      { network: '198.51.100.0/24', firstSeen: T0 },
      { network: '203.0.113.0/24', firstSeen: T0 + 90 },
    ]);
  });

  it(`keeps the ${ACTIVITY_NETWORKS} networks used first, with their first times, whatever the order (property)`, () => {
    const use = fc.array(fc.record({ t: fc.integer({ min: 0, max: 1000 }), net: fc.integer({ min: 0, max: 9 }) }), {
      minLength: 1,
      maxLength: 50,
    });
    fc.assert(
      fc.property(use, fc.infiniteStream(fc.nat()), (uses, rnd) => {
        const shuffled = [...uses].sort(() => (rnd.next().value % 3) - 1);
        const run = (list: typeof uses) =>
          rowOf(
            list.map((u) => T0 + u.t),
            list.map((u) => `10.0.${u.net}.1`),
          ).networks;
        const firsts = new Map<string, number>();
        for (const u of uses) {
          const n = `10.0.${u.net}.0/24`;
          firsts.set(n, Math.min(firsts.get(n) ?? Infinity, T0 + u.t));
        }
        const expected = [...firsts]
          .map(([network, firstSeen]) => ({ network, firstSeen }))
          .sort((a, b) => a.firstSeen - b.firstSeen || (a.network < b.network ? -1 : 1))
          .slice(0, ACTIVITY_NETWORKS);
        expect(run(uses)).toEqual(expected);
        expect(run(shuffled)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rows that take room only as a client needs it', () => {
  it('a client seen in one second from one network takes no row of counts and no row of networks; its second of each takes one', () => {
    const pool = newActivityPool(4);
    const row = newActivityRow(pool);
    for (const t of [T0, T0 + 300, T0 + 999]) {
      addActivity(pool, row, t);
      noteNetwork(pool, row, networkIdOf(pool, '198.51.100.7'), t);
    }
    expect(pool.countRows).toBe(0);
    expect(pool.networkRows).toBe(0);
    expect(readBuckets(pool, row)).toEqual({ start: T0, width: 1000, counts: [3] });
    addActivity(pool, row, T0 + 1000);
    noteNetwork(pool, row, networkIdOf(pool, '203.0.113.5'), T0 + 1000);
    expect(pool.countRows).toBe(1);
    expect(pool.networkRows).toBe(1);
    expect(readBuckets(pool, row)).toEqual({ start: T0, width: 1000, counts: [3, 1] });
    expect(readNetworks(pool, row).map((n) => n.network)).toEqual(['198.51.100.0/24', '203.0.113.0/24']);
  });

  it('merging rows, whichever of them have rows of counts and networks, gives what one row fed with both gives (property)', () => {
    // Times within a few seconds, so that many rows stay in one bucket; a few networks, so that many keep one.
    const use = fc.array(fc.record({ t: fc.integer({ min: 0, max: 3_000 }), net: fc.integer({ min: 0, max: 5 }) }), { maxLength: 8 });
    fc.assert(
      fc.property(use, use, (xs, ys) => {
        fc.pre(xs.length + ys.length > 0);
        const pool = newActivityPool(1);
        const feed = (row: number, list: typeof xs) => {
          for (const u of list) {
            addActivity(pool, row, T0 + u.t);
            noteNetwork(pool, row, networkIdOf(pool, `10.0.${u.net}.1`), T0 + u.t);
          }
        };
        const a = newActivityRow(pool);
        const b = newActivityRow(pool);
        feed(a, xs);
        feed(b, ys);
        mergeActivity(pool, a, b);
        const both = [...xs, ...ys];
        const expected = rowOf(
          both.map((u) => T0 + u.t),
          both.map((u) => `10.0.${u.net}.1`),
        );
        expect(readBuckets(pool, a)).toEqual(expected.buckets);
        expect(readNetworks(pool, a)).toEqual(expected.networks);
      }),
      { numRuns: 500 },
    );
  });
});
