import { detach } from '../shared/detach.js';
import type { ActivityPool } from '../model/session.js';
import { networkOf } from '../shared/network.js';

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
 * Per client: 32 counts (64 bytes), a start (8), a level (1), 4 network ids (16) and first times (32): 121 bytes in
 * the pool, outside the garbage-collected heap. Counts are 16-bit until one would pass 65,535: then the whole pool's
 * counts widen to 32 bits, once (a bucket that busy is rare, and most clients of a scan hold a few events).
 */
export const ACTIVITY_BUCKETS = 32;
export const ACTIVITY_NETWORKS = 4;
export const BUCKET_BASE_MS = 1000;
export const INITIAL_ACTIVITY_ROWS = 4096;

/** Rows not handed out yet are never written (a row's start is set when it is), so room reserved costs no memory. */
export function newActivityPool(rows: number = INITIAL_ACTIVITY_ROWS): ActivityPool {
  return {
    rows: 0,
    counts: new Uint16Array(rows * ACTIVITY_BUCKETS),
    levels: new Uint8Array(rows),
    starts: new Float64Array(rows),
    networks: new Uint32Array(rows * ACTIVITY_NETWORKS),
    networkFirst: new Float64Array(rows * ACTIVITY_NETWORKS),
    networkNames: [],
    networkIds: new Map(),
  };
}

function grow(pool: ActivityPool): void {
  const rows = pool.levels.length * 2;
  const counts = pool.counts instanceof Uint16Array ? new Uint16Array(rows * ACTIVITY_BUCKETS) : new Uint32Array(rows * ACTIVITY_BUCKETS);
  counts.set(pool.counts);
  const levels = new Uint8Array(rows);
  levels.set(pool.levels);
  const starts = new Float64Array(rows);
  starts.set(pool.starts);
  const networks = new Uint32Array(rows * ACTIVITY_NETWORKS);
  networks.set(pool.networks);
  const networkFirst = new Float64Array(rows * ACTIVITY_NETWORKS);
  networkFirst.set(pool.networkFirst);
  pool.counts = counts;
  pool.levels = levels;
  pool.starts = starts;
  pool.networks = networks;
  pool.networkFirst = networkFirst;
}

const NARROW_MAX = 0xffff;

/** Makes room for a count of `count` in a 16-bit pool: widens it to 32 bits when the count would not fit. */
function roomFor(pool: ActivityPool, count: number): void {
  if (count <= NARROW_MAX || !(pool.counts instanceof Uint16Array)) return;
  const wide = new Uint32Array(pool.counts.length);
  // Only the rows handed out: the room reserved past them stays untouched, so it costs no memory.
  wide.set(pool.counts.subarray(0, pool.rows * ACTIVITY_BUCKETS));
  pool.counts = wide;
}

/** A new, empty row. */
export function newActivityRow(pool: ActivityPool): number {
  if (pool.rows === pool.levels.length) grow(pool);
  pool.starts[pool.rows] = NaN;
  return pool.rows++;
}

/** Bucket width of each level, looked up: the hot path should not call Math.pow. */
const WIDTHS = Float64Array.from({ length: 64 }, (_, level) => BUCKET_BASE_MS * 2 ** level);

export function widthOf(level: number): number {
  return WIDTHS[level]!;
}

/** Counts one event at `time`. The common case (the event falls inside the row's buckets) is two reads and a write. */
export function addActivity(pool: ActivityPool, row: number, time: number): void {
  const start = pool.starts[row]!;
  const index = Math.floor(time / widthOf(pool.levels[row]!));
  const offset = index - start;
  if (offset >= 0 && offset < ACTIVITY_BUCKETS) {
    const at = row * ACTIVITY_BUCKETS + offset;
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
  const base = row * ACTIVITY_BUCKETS;
  for (let j = ACTIVITY_BUCKETS - 1; j >= 0; j--) if (pool.counts[base + j]! > 0) return j;
  return -1;
}

/**
 * Makes room in a row for buckets `lo` to `hi` of level `level` (indices of that level): raises the row to the smallest
 * level at which its events and that range fit in ACTIVITY_BUCKETS, merging its buckets, and starts it at the earliest.
 * Returns the row's level.
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
  const base = row * ACTIVITY_BUCKETS;
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
    roomFor(pool, pool.counts[row * ACTIVITY_BUCKETS]! + count);
    pool.counts[row * ACTIVITY_BUCKETS]! += count;
    return;
  }
  const target = fitRow(pool, row, level, index, index);
  const at = row * ACTIVITY_BUCKETS + Math.floor(index / 2 ** (target - level)) - pool.starts[row]!;
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

/**
 * Notes that the client used network `id` at `time`. A row keeps the ACTIVITY_NETWORKS networks first used earliest,
 * each with its first time: a network that enters with its earliest event is never pushed out by one first used
 * later, so what a row holds in the end does not depend on the order events arrive in.
 */
export function noteNetwork(pool: ActivityPool, row: number, id: number, time: number): void {
  const base = row * ACTIVITY_NETWORKS;
  const tag = id + 1;
  const networks = pool.networks;
  if (networks[base] === tag) {
    if (time < pool.networkFirst[base]!) pool.networkFirst[base] = time;
    return;
  }
  let latest = -1;
  for (let s = 0; s < ACTIVITY_NETWORKS; s++) {
    const slot = networks[base + s]!;
    if (slot === tag) {
      if (time < pool.networkFirst[base + s]!) pool.networkFirst[base + s] = time;
      return;
    }
    if (slot === 0) {
      networks[base + s] = tag;
      pool.networkFirst[base + s] = time;
      return;
    }
    if (
      latest < 0 ||
      before(pool, pool.networkFirst[base + latest]!, networks[base + latest]! - 1, pool.networkFirst[base + s]!, slot - 1)
    ) {
      latest = s;
    }
  }
  if (before(pool, time, id, pool.networkFirst[base + latest]!, networks[base + latest]! - 1)) {
    networks[base + latest] = tag;
    pool.networkFirst[base + latest] = time;
  }
}

/**
 * Whether `time` is no earlier than the first time of every network the row holds. Then an event from a network the
 * row already holds changes nothing, and one from a network it does not hold cannot enter a full row.
 */
export function isLatest(pool: ActivityPool, row: number, time: number): boolean {
  const base = row * ACTIVITY_NETWORKS;
  for (let s = 0; s < ACTIVITY_NETWORKS; s++) {
    if (pool.networks[base + s] === 0) break;
    if (time < pool.networkFirst[base + s]!) return false;
  }
  return true;
}

/** Folds row `source` into row `target` (two clients found to be one). */
export function mergeActivity(pool: ActivityPool, target: number, source: number): void {
  const start = pool.starts[source]!;
  if (!Number.isNaN(start)) {
    const level = pool.levels[source]!;
    const base = source * ACTIVITY_BUCKETS;
    // Room for the source's whole range first, so that adding its buckets one by one never regroups again.
    if (!Number.isNaN(pool.starts[target]!)) fitRow(pool, target, level, start, start + lastOffset(pool, source));
    for (let j = 0; j < ACTIVITY_BUCKETS; j++) {
      const c = pool.counts[base + j]!;
      if (c > 0) addBucket(pool, target, level, start + j, c);
    }
  }
  const base = source * ACTIVITY_NETWORKS;
  for (let s = 0; s < ACTIVITY_NETWORKS; s++) {
    const tag = pool.networks[base + s]!;
    if (tag !== 0) noteNetwork(pool, target, tag - 1, pool.networkFirst[base + s]!);
  }
}

/** A row's buckets as plain data: the first bucket's start (epoch ms), the width, and the counts (no trailing zeros). */
export function readBuckets(pool: ActivityPool, row: number): { start: number; width: number; counts: number[] } | null {
  const start = pool.starts[row]!;
  if (Number.isNaN(start)) return null;
  const width = widthOf(pool.levels[row]!);
  const base = row * ACTIVITY_BUCKETS;
  const counts = Array.from(pool.counts.subarray(base, base + ACTIVITY_BUCKETS));
  while (counts.length > 1 && counts[counts.length - 1] === 0) counts.pop();
  return { start: start * width, width, counts };
}

/** A row's networks, earliest first (ties by name). */
export function readNetworks(pool: ActivityPool, row: number): { network: string; firstSeen: number }[] {
  const out: { network: string; firstSeen: number }[] = [];
  const base = row * ACTIVITY_NETWORKS;
  for (let s = 0; s < ACTIVITY_NETWORKS; s++) {
    const tag = pool.networks[base + s]!;
    if (tag !== 0) out.push({ network: pool.networkNames[tag - 1]!, firstSeen: pool.networkFirst[base + s]! });
  }
  return out.sort((a, b) => a.firstSeen - b.firstSeen || (a.network < b.network ? -1 : a.network > b.network ? 1 : 0));
}
