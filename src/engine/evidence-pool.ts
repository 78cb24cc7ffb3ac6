import type { NormalizedEvent } from '../model/event.js';
import type { EvidenceEvent } from '../model/session.js';
import { fitsWhole, summarize, summaryFrom, summaryOfAction } from '../shared/evidence.js';
import { Interner } from '../shared/detach.js';
import { fileIdIn, withCapacity } from './pool-columns.js';

/**
 * The earliest events of every client of a scan, as evidence, in columns: item `i` is `times[i]`, `lines[i]`,
 * `files[i]` (an index into `fileNames`) and `summaries[i]`, and `next[i]` is the item after it in its client's list
 * (-1 at the end). A client keeps only the index of its first item. An object per item, with its boxed time, and an
 * array per client cost about 90 bytes more per item than these columns; items a list drops are reused.
 *
 * A summary is kept as its two parts where joining them cuts nothing off: what the event did (`GET /api/me -> 200`,
 * which many events share) and its IP (which its client keeps too), both interned; `ips[i]` is '' where the whole
 * summary is in `summaries[i]`. A summary of its own per item cost 50 to 60 bytes.
 */
export interface EvidencePool {
  /** Items handed out, the free ones included. */
  size: number;
  times: Float64Array;
  lines: Uint32Array;
  files: Uint32Array;
  next: Int32Array;
  summaries: string[];
  ips: string[];
  fileNames: string[];
  fileIds: Map<string, number>;
  /** First item of the free list, -1 when it is empty. */
  free: number;
  /** The scan's shared strings (see shared/detach.ts), where the parts of summaries are kept. */
  strings: Interner;
}

export const NO_EVIDENCE = -1;

/** Room reserved for `capacity` items: untouched until used, so it costs address space, not memory. */
export function newEvidencePool(capacity = 16_384, strings = new Interner()): EvidencePool {
  return {
    size: 0,
    times: new Float64Array(capacity),
    lines: new Uint32Array(capacity),
    files: new Uint32Array(capacity),
    next: new Int32Array(capacity),
    summaries: [],
    ips: [],
    fileNames: [],
    fileIds: new Map(),
    free: NO_EVIDENCE,
    strings,
  };
}

function grow(pool: EvidencePool): void {
  const capacity = pool.times.length * 2;
  pool.times = withCapacity(pool.times, capacity);
  pool.lines = withCapacity(pool.lines, capacity);
  pool.files = withCapacity(pool.files, capacity);
  pool.next = withCapacity(pool.next, capacity);
}

/** A new item with the event's time, file and line (its summary is the caller's to set). */
function takePlace(pool: EvidencePool, event: NormalizedEvent): number {
  let i = pool.free;
  if (i !== NO_EVIDENCE) pool.free = pool.next[i]!;
  else {
    if (pool.size === pool.times.length) grow(pool);
    i = pool.size++;
  }
  pool.times[i] = event.time;
  pool.lines[i] = event.source.line;
  pool.files[i] = fileIdIn(pool, event.source.file);
  return i;
}

function take(pool: EvidencePool, event: NormalizedEvent): number {
  const i = takePlace(pool, event);
  const action = summaryOfAction(event);
  const ip = event.ip;
  if (fitsWhole(action, ip)) {
    pool.summaries[i] = pool.strings.intern(action);
    pool.ips[i] = ip ? pool.strings.intern(ip) : '';
  } else {
    pool.summaries[i] = summarize(event);
    pool.ips[i] = '';
  }
  return i;
}

function release(pool: EvidencePool, i: number): void {
  pool.summaries[i] = '';
  pool.ips[i] = '';
  pool.next[i] = pool.free;
  pool.free = i;
}

/** Whether item `a` comes after item `b` in evidence order (time, then file, then line). */
function after(pool: EvidencePool, a: number, b: number): boolean {
  const ta = pool.times[a]!;
  const tb = pool.times[b]!;
  if (ta !== tb) return ta > tb;
  const fa = pool.fileNames[pool.files[a]!]!;
  const fb = pool.fileNames[pool.files[b]!]!;
  if (fa !== fb) return fa > fb;
  return pool.lines[a]! > pool.lines[b]!;
}

/** isEarlier (shared/evidence.ts) against item `i`. */
export function isEarlierThan(pool: EvidencePool, event: NormalizedEvent, i: number): boolean {
  const time = pool.times[i]!;
  if (event.time !== time) return event.time < time;
  const file = pool.fileNames[pool.files[i]!]!;
  if (event.source.file !== file) return event.source.file < file;
  return event.source.line < pool.lines[i]!;
}

/**
 * A place: an item that records only where an event was (time, file, line), outside any list; `movePlace` replaces
 * `place` (NO_EVIDENCE for none) with the event's and returns it.
 */
export function movePlace(pool: EvidencePool, place: number, event: NormalizedEvent): number {
  if (place !== NO_EVIDENCE) release(pool, place);
  const i = takePlace(pool, event);
  pool.summaries[i] = '';
  pool.ips[i] = '';
  pool.next[i] = NO_EVIDENCE;
  return i;
}

/** Cuts a list after its `max`-th item, freeing the rest. */
function cut(pool: EvidencePool, head: number, max: number): void {
  let i = head;
  for (let k = 1; k < max && i !== NO_EVIDENCE; k++) i = pool.next[i]!;
  if (i === NO_EVIDENCE) return;
  let rest = pool.next[i]!;
  pool.next[i] = NO_EVIDENCE;
  while (rest !== NO_EVIDENCE) {
    const following = pool.next[rest]!;
    release(pool, rest);
    rest = following;
  }
}

/**
 * Adds an event to the sorted list that starts at `head`, keeping its `max` earliest (an event after items equal to it
 * goes after them, as a stable sort puts it); returns the list's first item.
 */
export function addEvidence(pool: EvidencePool, head: number, event: NormalizedEvent, max: number): number {
  let previous = NO_EVIDENCE;
  let at = head;
  let position = 0;
  while (at !== NO_EVIDENCE && !isEarlierThan(pool, event, at)) {
    previous = at;
    at = pool.next[at]!;
    position++;
  }
  if (position >= max) return head;
  const item = take(pool, event);
  pool.next[item] = at;
  const first = previous === NO_EVIDENCE ? item : head;
  if (previous !== NO_EVIDENCE) pool.next[previous] = item;
  cut(pool, first, max);
  return first;
}

/** Merges two sorted lists into one of their `max` earliest (the target's first of equal items); frees the rest. */
export function mergeEvidence(pool: EvidencePool, target: number, source: number, max: number): number {
  let head = NO_EVIDENCE;
  let tail = NO_EVIDENCE;
  let a = target;
  let b = source;
  while (a !== NO_EVIDENCE || b !== NO_EVIDENCE) {
    let pick: number;
    if (b === NO_EVIDENCE || (a !== NO_EVIDENCE && !after(pool, a, b))) {
      pick = a;
      a = pool.next[a]!;
    } else {
      pick = b;
      b = pool.next[b]!;
    }
    if (tail === NO_EVIDENCE) head = pick;
    else pool.next[tail] = pick;
    tail = pick;
  }
  if (tail !== NO_EVIDENCE) pool.next[tail] = NO_EVIDENCE;
  cut(pool, head, max);
  return head;
}

/** Item `i`'s summary, whole. */
function summaryAt(pool: EvidencePool, i: number): string {
  const ip = pool.ips[i]!;
  return ip === '' ? pool.summaries[i]! : summaryFrom(pool.summaries[i]!, ip);
}

/** The list as evidence objects, earliest first. */
export function readEvidence(pool: EvidencePool, head: number): EvidenceEvent[] {
  const out: EvidenceEvent[] = [];
  for (let i = head; i !== NO_EVIDENCE; i = pool.next[i]!) {
    out.push({ file: pool.fileNames[pool.files[i]!]!, line: pool.lines[i]!, time: pool.times[i]!, summary: summaryAt(pool, i) });
  }
  return out;
}
