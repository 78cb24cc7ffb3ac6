import type { TimelineSamples } from '../model/session.js';

/** Thresholds of machine pace. Named, documented in the README, and tested on both sides. */
export const PACING = {
  /** A metronome run: this many consecutive intervals ... */
  runIntervals: 20,
  /** ... whose spread (standard deviation / mean) stays under this ... */
  maxVariation: 0.1,
  /** ... at a mean interval between these bounds (faster is a burst, slower is idle) ... */
  minIntervalMs: 200,
  maxIntervalMs: 5 * 60_000,
  /** ... touching at least this many distinct resources (a page polling one endpoint touches one). */
  runMinResources: 10,
  /** Sustained rate: this many consecutive minutes ... */
  sustainedMinutes: 5,
  /** ... each with at least this many requests ... */
  perMinuteRequests: 30,
  /** ... to at least this many distinct resources ... */
  perMinuteResources: 15,
  /** ... and never a pause this long (a person reads, a page load stops). */
  maxPauseMs: 20_000,
} as const;

export interface PacedRun {
  kind: 'metronome' | 'sustained-rate';
  start: number;
  end: number;
  requests: number;
  distinctResources: number;
  /** Mean interval (metronome) or requests per minute (sustained rate). */
  pace: number;
  /** Coefficient of variation of the intervals (metronome only). */
  variation?: number;
  /** Index into the sorted samples of the run's first request. */
  firstIndex: number;
  lastIndex: number;
}

export interface SortedTimeline {
  times: Float64Array;
  resources: Uint32Array;
  /** Index in the timeline's samples (as read back from the pool) of each sorted position: where its file and line are. */
  samples: Int32Array;
}

/** A timeline's samples in time order; equal times keep the order they were read in. */
export function sortTimeline(read: TimelineSamples): SortedTimeline {
  const n = read.length;
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  const samples = sortByTime(order, read.times);
  const times = new Float64Array(n);
  const resources = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    times[k] = read.times[samples[k]!]!;
    resources[k] = read.resources[samples[k]!]!;
  }
  return { times, resources, samples };
}

/**
 * Stable natural merge sort. A timeline is a few runs already in time order (one per file or source the client
 * appears in), so merging the runs costs about n per doubling of runs instead of a comparison sort's n log n.
 */
export function sortByTime(samples: Int32Array, times: Float64Array): Int32Array {
  const n = samples.length;
  let bounds = [0];
  for (let k = 1; k < n; k++) if (times[samples[k]!]! < times[samples[k - 1]!]!) bounds.push(k);
  if (bounds.length === 1) return samples;
  bounds.push(n);
  let src: Int32Array = samples;
  let dst: Int32Array = new Int32Array(n);
  while (bounds.length > 2) {
    const merged = [0];
    for (let r = 0; r + 1 < bounds.length; r += 2) {
      const lo = bounds[r]!;
      const mid = bounds[r + 1]!;
      const hi = r + 2 < bounds.length ? bounds[r + 2]! : mid;
      let a = lo;
      let b = mid;
      let o = lo;
      while (a < mid && b < hi) dst[o++] = times[src[b]!]! < times[src[a]!]! ? src[b++]! : src[a++]!;
      while (a < mid) dst[o++] = src[a++]!;
      while (b < hi) dst[o++] = src[b++]!;
      merged.push(hi);
    }
    bounds = merged;
    [src, dst] = [dst, src];
  }
  return src;
}

/** The longest stretch of near-constant intervals across many resources, if any. */
export function findMetronomeRun(s: SortedTimeline): PacedRun | undefined {
  const w = PACING.runIntervals;
  const n = s.times.length;
  if (n < w + 1) return undefined;
  let best: PacedRun | undefined;
  let runStart = -1;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < w; i++) {
    const g = s.times[i + 1]! - s.times[i]!;
    sum += g;
    sumSq += g * g;
  }
  // Window k covers intervals k..k+w-1, i.e. requests k..k+w.
  for (let k = 0; k + w < n; k++) {
    if (k > 0) {
      const out = s.times[k]! - s.times[k - 1]!;
      const inn = s.times[k + w]! - s.times[k + w - 1]!;
      sum += inn - out;
      sumSq += inn * inn - out * out;
    }
    const mean = sum / w;
    const variance = Math.max(0, sumSq / w - mean * mean);
    const cv = mean > 0 ? Math.sqrt(variance) / mean : Infinity;
    // Resources are counted only in windows of steady pace: most windows of most timelines are not.
    const steady =
      mean >= PACING.minIntervalMs &&
      mean <= PACING.maxIntervalMs &&
      cv <= PACING.maxVariation &&
      hasDistinct(s.resources, k, k + w, PACING.runMinResources);
    if (steady && runStart < 0) runStart = k;
    const endOfRun = runStart >= 0 && (!steady || k + w + 1 >= n);
    if (endOfRun) {
      const lastWindow = steady ? k : k - 1;
      const run = describeRun(s, runStart, lastWindow + w);
      if (!best || run.requests > best.requests) best = run;
      runStart = -1;
    }
  }
  return best;
}

/** Whether resources[from..to] holds at least `min` distinct values (a window is a few dozen requests). */
function hasDistinct(resources: Uint32Array, from: number, to: number, min: number): boolean {
  let distinct = 0;
  for (let i = from; i <= to; i++) {
    const r = resources[i]!;
    let seen = false;
    for (let j = from; j < i && !seen; j++) seen = resources[j] === r;
    if (!seen && ++distinct >= min) return true;
  }
  return false;
}

function describeRun(s: SortedTimeline, first: number, last: number): PacedRun {
  const gaps: number[] = [];
  for (let i = first; i < last; i++) gaps.push(s.times[i + 1]! - s.times[i]!);
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
  return {
    kind: 'metronome',
    start: s.times[first]!,
    end: s.times[last]!,
    requests: last - first + 1,
    distinctResources: new Set(s.resources.slice(first, last + 1)).size,
    pace: Math.round(mean),
    variation: Math.round((sd / mean) * 1000) / 1000,
    firstIndex: first,
    lastIndex: last,
  };
}

/** The longest run of busy minutes with no human pause in it, if any. */
export function findSustainedRate(s: SortedTimeline): PacedRun | undefined {
  const n = s.times.length;
  if (n < PACING.perMinuteRequests * PACING.sustainedMinutes) return undefined;
  let best: PacedRun | undefined;
  let runFirst = -1;
  let runMinutes = 0;
  let i = 0;
  let prevMinute = Number.NaN;
  const closeRun = (lastIndex: number) => {
    if (runFirst >= 0 && runMinutes >= PACING.sustainedMinutes) {
      const requests = lastIndex - runFirst + 1;
      const minutes = (s.times[lastIndex]! - s.times[runFirst]!) / 60_000 || 1;
      const run: PacedRun = {
        kind: 'sustained-rate',
        start: s.times[runFirst]!,
        end: s.times[lastIndex]!,
        requests,
        distinctResources: new Set(s.resources.slice(runFirst, lastIndex + 1)).size,
        pace: Math.round(requests / minutes),
        firstIndex: runFirst,
        lastIndex,
      };
      if (!best || run.requests > best.requests) best = run;
    }
    runFirst = -1;
    runMinutes = 0;
  };
  while (i < n) {
    const minute = Math.floor(s.times[i]! / 60_000);
    let j = i;
    const resources = new Set<number>();
    let maxPause = 0;
    while (j < n && Math.floor(s.times[j]! / 60_000) === minute) {
      resources.add(s.resources[j]!);
      if (j > i) maxPause = Math.max(maxPause, s.times[j]! - s.times[j - 1]!);
      j++;
    }
    const pauseBefore = i > 0 ? s.times[i]! - s.times[i - 1]! : 0;
    const busy = j - i >= PACING.perMinuteRequests && resources.size >= PACING.perMinuteResources && maxPause < PACING.maxPauseMs;
    const continues = runFirst >= 0 && minute === prevMinute + 1 && pauseBefore < PACING.maxPauseMs;
    if (busy) {
      if (!continues) {
        closeRun(i - 1);
        runFirst = i;
      }
      runMinutes++;
    } else {
      closeRun(i - 1);
    }
    prevMinute = minute;
    i = j;
  }
  closeRun(n - 1);
  return best;
}
