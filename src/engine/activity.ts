import { detach } from '../shared/detach.js';
import type { ActivityPool } from '../model/session.js';
import { networkOf } from '../shared/network.js';
import { withCapacity } from './pool-columns.js';

/**
 * What a timeline needs of each client, kept in a fixed size whatever the number of events: counts in
 * ACTIVITY_BUCKETS time buckets and the first time of each of ACTIVITY_NETWORKS networks.
 *
 * Buckets are 2^level × 1 s wide and aligned to absolute time (bucket i of level k covers [i·w, (i+1)·w)), so two
 * neighbours of one level are exactly one bucket of the next. A client starts at level 0; when an event falls outside
 * its buckets, pairs merge (the level goes up) until every event fits. The level only rises when the events seen so
 * far need it, so it ends at the smallest width that fits all of them, and the counts are exact: the same whatever the
 * order events arrive in, and whatever sessions are merged.
 *
 * Per client, outside the garbage-collected heap: a start (8 bytes), a level (1), its latest time (8), its first
 * network's id and first time (12), its count while its events all fall in one bucket or else the index of its row of
 * 32 counts (4 + 4: the row is 64 bytes, taken on its second bucket), and the index of its row of 3 more networks
 * (4: the row is 36 bytes, taken on its second network). 41 bytes for a client seen in one second from one network,
 * as most clients of a large scan are; a full row for each, 121 bytes, cost 80 more. Counts are 16-bit until one would
 * pass 65,535: then the whole pool's counts widen to 32 bits, once (a bucket that busy is rare).
 */
export const ACTIVITY_BUCKETS = 32;
export const ACTIVITY_NETWORKS = 4;
export const BUCKET_BASE_MS = 1000;
export const INITIAL_ACTIVITY_ROWS = 4096;
const NO_COUNTS = -1;
const NO_ROW = -1;
/** Networks past a row's first, kept in a row of their own taken on its second network. */
const MORE_NETWORKS = ACTIVITY_NETWORKS - 1;

/**
 * Rows not handed out yet are never written (a row's start is set when it is), so room reserved costs no memory; as
 * many rows of counts as rows are reserved, on the same terms.
 */
export function newActivityPool(rows: number = INITIAL_ACTIVITY_ROWS): ActivityPool {
  return {
    rows: 0,
    countRows: 0,
    counts: new Uint16Array(rows * ACTIVITY_BUCKETS),
    countRow: new Int32Array(rows),
    single: new Uint32Array(rows),
    levels: new Uint8Array(rows),
    starts: new Float64Array(rows),
    lasts: new Float64Array(rows),
    firstNetwork: new Uint32Array(rows),
    firstNetworkTime: new Float64Array(rows),
    networkRow: new Int32Array(rows),
    networkRows: 0,
    networks: new Uint32Array(rows * MORE_NETWORKS),
    networkFirst: new Float64Array(rows * MORE_NETWORKS),
    networkNames: [],
    networkIds: new Map(),
  };
}

function grow(pool: ActivityPool): void {
  const rows = pool.levels.length * 2;
  const levels = new Uint8Array(rows);
  levels.set(pool.levels);
  pool.levels = levels;
  pool.countRow = withCapacity(pool.countRow, rows);
  pool.single = withCapacity(pool.single, rows);
  pool.starts = withCapacity(pool.starts, rows);
  pool.lasts = withCapacity(pool.lasts, rows);
  pool.firstNetwork = withCapacity(pool.firstNetwork, rows);
  pool.firstNetworkTime = withCapacity(pool.firstNetworkTime, rows);
  pool.networkRow = withCapacity(pool.networkRow, rows);
}

function growCounts(pool: ActivityPool): void {
  const length = Math.max(ACTIVITY_BUCKETS, pool.counts.length * 2);
  const counts = pool.counts instanceof Uint16Array ? new Uint16Array(length) : new Uint32Array(length);
  counts.set(pool.counts);
  pool.counts = counts;
}

const NARROW_MAX = 0xffff;

/** Makes room for a count of `count` in a 16-bit pool: widens it to 32 bits when the count would not fit. */
function roomFor(pool: ActivityPool, count: number): void {
  if (count <= NARROW_MAX || !(pool.counts instanceof Uint16Array)) return;
  const wide = new Uint32Array(pool.counts.length);
  // Only the rows handed out: the room reserved past them stays untouched, so it costs no memory.
  wide.set(pool.counts.subarray(0, pool.countRows * ACTIVITY_BUCKETS));
  pool.counts = wide;
}

/** A new, empty row. */
export function newActivityRow(pool: ActivityPool): number {
  if (pool.rows === pool.levels.length) grow(pool);
  pool.starts[pool.rows] = NaN;
  pool.lasts[pool.rows] = -Infinity;
  pool.countRow[pool.rows] = NO_COUNTS;
  pool.firstNetwork[pool.rows] = 0;
  pool.networkRow[pool.rows] = NO_ROW;
  return pool.rows++;
}

/** Where a (non-empty) row's counts start in `counts`, taking it a row of counts first if it has none (its one count first). */
function countsOf(pool: ActivityPool, row: number): number {
  const own = pool.countRow[row]!;
  if (own !== NO_COUNTS) return own * ACTIVITY_BUCKETS;
  if ((pool.countRows + 1) * ACTIVITY_BUCKETS > pool.counts.length) growCounts(pool);
  const taken = pool.countRows++;
  pool.countRow[row] = taken;
  roomFor(pool, pool.single[row]!);
  // A row of counts never handed out before: all zeros.
  pool.counts[taken * ACTIVITY_BUCKETS] = pool.single[row]!;
  return taken * ACTIVITY_BUCKETS;
}

/** Bucket width of each level, looked up: the hot path should not call Math.pow. */
const WIDTHS = Float64Array.from({ length: 64 }, (_, level) => BUCKET_BASE_MS * 2 ** level);

export function widthOf(level: number): number {
  return WIDTHS[level]!;
}

/**
 * Counts one event at `time`. The common case (the event falls inside the row's buckets) is a few reads and a write.
 */
export function addActivity(pool: ActivityPool, row: number, time: number): void {
  if (time > pool.lasts[row]!) pool.lasts[row] = time;
  const index = Math.floor(time / widthOf(pool.levels[row]!));
  const offset = index - pool.starts[row]!;
  const own = pool.countRow[row]!;
  if (own === NO_COUNTS) {
    if (offset === 0) {
      pool.single[row]!++;
      return;
    }
  } else if (offset >= 0 && offset < ACTIVITY_BUCKETS) {
    const at = own * ACTIVITY_BUCKETS + offset;
    if (pool.counts[at] === NARROW_MAX) roomFor(pool, NARROW_MAX + 1);
    pool.counts[at]!++;
    return;
  }
  addBucket(pool, row, pool.levels[row]!, index, 1);
}

/** Scratch for regrouping one row; used within one call, never kept. */
const SCRATCH = new Uint32Array(ACTIVITY_BUCKETS);

/** The last bucket (offset from the row's start) that holds an event; -1 when the row is empty. */
function lastOffset(pool: ActivityPool, row: number): number {
  if (Number.isNaN(pool.starts[row]!)) return -1;
  const own = pool.countRow[row]!;
  if (own === NO_COUNTS) return 0;
  const base = own * ACTIVITY_BUCKETS;
  for (let j = ACTIVITY_BUCKETS - 1; j >= 0; j--) if (pool.counts[base + j]! > 0) return j;
  return -1;
}

/**
 * Makes room in a row for buckets `lo` to `hi` of level `level` (indices of that level): raises the row to the smallest
 * level at which its events and that range fit in ACTIVITY_BUCKETS, merging its buckets, and starts it at the earliest.
 * The row must have a row of counts. Returns the row's level.
 */
function fitRow(pool: ActivityPool, row: number, level: number, lo: number, hi: number): number {
  const ownLevel = pool.levels[row]!;
  const start = pool.starts[row]!;
  const target0 = Math.max(level, ownLevel);
  // Everything in indices of target0, then of the levels above it: floor(i / 2) per level.
  let ownLo = Math.floor(start / 2 ** (target0 - ownLevel));
  let ownHi = Math.floor((start + lastOffset(pool, row)) / 2 ** (target0 - ownLevel));
  let newLo = Math.floor(lo / 2 ** (target0 - level));
  let newHi = Math.floor(hi / 2 ** (target0 - level));
  let target = target0;
  while (Math.max(ownHi, newHi) - Math.min(ownLo, newLo) >= ACTIVITY_BUCKETS) {
    target++;
    ownLo = Math.floor(ownLo / 2);
    ownHi = Math.floor(ownHi / 2);
    newLo = Math.floor(newLo / 2);
    newHi = Math.floor(newHi / 2);
  }
  const first = Math.min(ownLo, newLo);
  const base = pool.countRow[row]! * ACTIVITY_BUCKETS;
  const factor = 2 ** (target - ownLevel);
  SCRATCH.fill(0);
  for (let j = 0; j < ACTIVITY_BUCKETS; j++) {
    const c = pool.counts[base + j]!;
    if (c > 0) SCRATCH[Math.floor((start + j) / factor) - first]! += c;
  }
  for (let j = 0; j < ACTIVITY_BUCKETS; j++) roomFor(pool, SCRATCH[j]!);
  pool.counts.set(SCRATCH, base);
  pool.levels[row] = target;
  pool.starts[row] = first;
  return target;
}

/** Counts `count` events in bucket `index` of level `level`, making room first. */
function addBucket(pool: ActivityPool, row: number, level: number, index: number, count: number): void {
  if (Number.isNaN(pool.starts[row]!)) {
    pool.levels[row] = level;
    pool.starts[row] = index;
    pool.single[row] = count;
    return;
  }
  if (pool.countRow[row] === NO_COUNTS) {
    // Still one bucket if the row's and the new one are one bucket at the higher of their levels.
    const own = pool.levels[row]!;
    const top = Math.max(own, level);
    const mine = Math.floor(pool.starts[row]! / 2 ** (top - own));
    if (mine === Math.floor(index / 2 ** (top - level))) {
      pool.levels[row] = top;
      pool.starts[row] = mine;
      pool.single[row]! += count;
      return;
    }
  }
  countsOf(pool, row);
  const target = fitRow(pool, row, level, index, index);
  const at = pool.countRow[row]! * ACTIVITY_BUCKETS + Math.floor(index / 2 ** (target - level)) - pool.starts[row]!;
  roomFor(pool, pool.counts[at]! + count);
  pool.counts[at]! += count;
}

/** The network of an IP as an id of the pool, interned: one string per network for the whole scan. */
export function networkIdOf(pool: ActivityPool, ip: string): number {
  const network = networkOf(ip);
  let id = pool.networkIds.get(network);
  if (id === undefined) {
    id = pool.networkNames.length;
    // Kept for the whole scan: never a cut that holds the record's text alive (see shared/detach.ts).
    const kept = detach(network);
    pool.networkNames.push(kept);
    pool.networkIds.set(kept, id);
  }
  return id;
}

/** (time, network name) order, so that ties between networks do not depend on which was interned first. */
function before(pool: ActivityPool, time: number, id: number, otherTime: number, otherId: number): boolean {
  if (time !== otherTime) return time < otherTime;
  return pool.networkNames[id]! < pool.networkNames[otherId]!;
}

/** Slot `s` of a row's networks: its tag (1 + network id, 0 for an empty slot). Slots fill in order. */
function tagAt(pool: ActivityPool, row: number, s: number): number {
  if (s === 0) return pool.firstNetwork[row]!;
  const more = pool.networkRow[row]!;
  return more === NO_ROW ? 0 : pool.networks[more * MORE_NETWORKS + s - 1]!;
}

/** The first time of the network in slot `s` (which must hold one). */
function timeAt(pool: ActivityPool, row: number, s: number): number {
  return s === 0 ? pool.firstNetworkTime[row]! : pool.networkFirst[pool.networkRow[row]! * MORE_NETWORKS + s - 1]!;
}

/** Puts network `tag`, first used at `time`, in slot `s`: a row's second network takes it a row of networks. */
function setSlot(pool: ActivityPool, row: number, s: number, tag: number, time: number): void {
  if (s === 0) {
    pool.firstNetwork[row] = tag;
    pool.firstNetworkTime[row] = time;
    return;
  }
  let more = pool.networkRow[row]!;
  if (more === NO_ROW) {
    if ((pool.networkRows + 1) * MORE_NETWORKS > pool.networks.length) {
      const length = Math.max(MORE_NETWORKS, pool.networks.length * 2);
      pool.networks = withCapacity(pool.networks, length);
      pool.networkFirst = withCapacity(pool.networkFirst, length);
    }
    more = pool.networkRows++;
    pool.networkRow[row] = more;
  }
  pool.networks[more * MORE_NETWORKS + s - 1] = tag;
  pool.networkFirst[more * MORE_NETWORKS + s - 1] = time;
}

/**
 * Notes that the client used network `id` at `time`. A row keeps the ACTIVITY_NETWORKS networks first used earliest,
 * each with its first time: a network that enters with its earliest event is never pushed out by one first used
 * later, so what a row holds in the end does not depend on the order events arrive in.
 */
export function noteNetwork(pool: ActivityPool, row: number, id: number, time: number): void {
  const tag = id + 1;
  let latest = -1;
  let latestTime = 0;
  for (let s = 0; s < ACTIVITY_NETWORKS; s++) {
    const slot = tagAt(pool, row, s);
    if (slot === 0) {
      setSlot(pool, row, s, tag, time);
      return;
    }
    const first = timeAt(pool, row, s);
    if (slot === tag) {
      if (time < first) setSlot(pool, row, s, tag, time);
      return;
    }
    if (latest < 0 || before(pool, latestTime, tagAt(pool, row, latest) - 1, first, slot - 1)) {
      latest = s;
      latestTime = first;
    }
  }
  if (before(pool, time, id, latestTime, tagAt(pool, row, latest) - 1)) setSlot(pool, row, latest, tag, time);
}

/**
 * Whether `time` is no earlier than the first time of every network the row holds. Then an event from a network the
 * row already holds changes nothing, and one from a network it does not hold cannot enter a full row.
 */
export function isLatest(pool: ActivityPool, row: number, time: number): boolean {
  if (pool.firstNetwork[row] === 0) return true;
  if (time < pool.firstNetworkTime[row]!) return false;
  const more = pool.networkRow[row]!;
  if (more === NO_ROW) return true;
  const base = more * MORE_NETWORKS;
  for (let s = 0; s < MORE_NETWORKS; s++) {
    if (pool.networks[base + s] === 0) break;
    if (time < pool.networkFirst[base + s]!) return false;
  }
  return true;
}

/** Folds row `source` into row `target` (two clients found to be one). */
export function mergeActivity(pool: ActivityPool, target: number, source: number): void {
  if (pool.lasts[source]! > pool.lasts[target]!) pool.lasts[target] = pool.lasts[source]!;
  const start = pool.starts[source]!;
  if (!Number.isNaN(start)) {
    const level = pool.levels[source]!;
    const own = pool.countRow[source]!;
    if (own === NO_COUNTS) addBucket(pool, target, level, start, pool.single[source]!);
    else {
      const base = own * ACTIVITY_BUCKETS;
      // Room for the source's whole range first, so that adding its buckets one by one never regroups again.
      if (!Number.isNaN(pool.starts[target]!)) {
        countsOf(pool, target);
        fitRow(pool, target, level, start, start + lastOffset(pool, source));
      }
      for (let j = 0; j < ACTIVITY_BUCKETS; j++) {
        const c = pool.counts[base + j]!;
        if (c > 0) addBucket(pool, target, level, start + j, c);
      }
    }
  }
  for (let s = 0; s < ACTIVITY_NETWORKS; s++) {
    const tag = tagAt(pool, source, s);
    if (tag === 0) break;
    noteNetwork(pool, target, tag - 1, timeAt(pool, source, s));
  }
}

/** A row's buckets as plain data: the first bucket's start (epoch ms), the width, and the counts (no trailing zeros). */
export function readBuckets(pool: ActivityPool, row: number): { start: number; width: number; counts: number[] } | null {
  const start = pool.starts[row]!;
  if (Number.isNaN(start)) return null;
  const width = widthOf(pool.levels[row]!);
  const own = pool.countRow[row]!;
  if (own === NO_COUNTS) return { start: start * width, width, counts: [pool.single[row]!] };
  const base = own * ACTIVITY_BUCKETS;
  const counts = Array.from(pool.counts.subarray(base, base + ACTIVITY_BUCKETS));
  while (counts.length > 1 && counts[counts.length - 1] === 0) counts.pop();
  return { start: start * width, width, counts };
}

/** A row's networks, earliest first (ties by name). */
export function readNetworks(pool: ActivityPool, row: number): { network: string; firstSeen: number }[] {
  const out: { network: string; firstSeen: number }[] = [];
  for (let s = 0; s < ACTIVITY_NETWORKS; s++) {
    const tag = tagAt(pool, row, s);
    if (tag === 0) break;
    out.push({ network: pool.networkNames[tag - 1]!, firstSeen: timeAt(pool, row, s) });
  }
  return out.sort((a, b) => a.firstSeen - b.firstSeen || (a.network < b.network ? -1 : a.network > b.network ? 1 : 0));
}
