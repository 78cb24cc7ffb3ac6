import type { SamplePool, Timeline } from '../model/session.js';
import { fileIdIn, withCapacity } from './pool-columns.js';

/** Request samples kept per browser client and session for pacing analysis. */
export const MAX_TIMELINE_SAMPLES = 50_000;
export const INITIAL_POOL_CAPACITY = 16_384;

/**
 * One pool holds the samples of every timeline of a scan, in columns, and each timeline links its own samples
 * through `next`. Tens of thousands of clients then cost a few large arrays, not four small ones each: small
 * typed arrays are slow to allocate, and a scan creates one timeline per browser client and session.
 */
export function newSamplePool(capacity: number = INITIAL_POOL_CAPACITY): SamplePool {
  return {
    size: 0,
    times: new Float64Array(capacity),
    resources: new Uint32Array(capacity),
    lines: new Uint32Array(capacity),
    files: new Uint32Array(capacity),
    next: new Int32Array(capacity),
    fileNames: [],
    fileIds: new Map(),
  };
}

export function newTimeline(pool: SamplePool): Timeline {
  return { pool, head: -1, tail: -1, length: 0, dropped: 0 };
}

function grow(pool: SamplePool): void {
  const capacity = pool.times.length * 2;
  pool.times = withCapacity(pool.times, capacity);
  pool.resources = withCapacity(pool.resources, capacity);
  pool.lines = withCapacity(pool.lines, capacity);
  pool.files = withCapacity(pool.files, capacity);
  pool.next = withCapacity(pool.next, capacity);
}

/** Adds one request sample, or counts it as dropped once the timeline's cap is reached. */
export function addSample(t: Timeline, time: number, resource: number, file: string, line: number): void {
  if (t.length >= MAX_TIMELINE_SAMPLES) {
    t.dropped++;
    return;
  }
  const pool = t.pool;
  if (pool.size === pool.times.length) grow(pool);
  const i = pool.size++;
  pool.times[i] = time;
  pool.resources[i] = resource;
  pool.lines[i] = line;
  const id = file === pool.lastFile ? pool.lastFileId! : fileIdIn(pool, file);
  pool.files[i] = id;
  pool.lastFile = file;
  pool.lastFileId = id;
  pool.next[i] = -1;
  if (t.tail >= 0) pool.next[t.tail] = i;
  else t.head = i;
  t.tail = i;
  t.length++;
}

/** Appends another timeline of the same pool (two sessions found to be one), up to the cap. */
export function appendTimeline(target: Timeline, source: Timeline): void {
  const take = Math.max(0, Math.min(MAX_TIMELINE_SAMPLES - target.length, source.length));
  target.dropped += source.dropped + source.length - take;
  if (take === 0) return;
  const pool = target.pool;
  let last = source.head;
  for (let k = 1; k < take; k++) last = pool.next[last]!;
  pool.next[last] = -1;
  if (target.tail >= 0) pool.next[target.tail] = source.head;
  else target.head = source.head;
  target.tail = last;
  target.length += take;
}
