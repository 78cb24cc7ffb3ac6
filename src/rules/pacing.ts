import type { Timeline } from '../model/session.js';

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
  times: number[];
  resources: number[];
  order: number[];
}

export function sortTimeline(t: Timeline): SortedTimeline {
  let sorted = true;
  for (let i = 1; i < t.times.length && sorted; i++) sorted = t.times[i - 1]! <= t.times[i]!;
  const order = t.times.map((_, i) => i);
  // Logs are mostly read in time order: then there is nothing to sort.
  if (sorted) return { times: t.times, resources: t.resources, order };
  order.sort((a, b) => t.times[a]! - t.times[b]! || a - b);
  return { times: order.map((i) => t.times[i]!), resources: order.map((i) => t.resources[i]!), order };
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
  const counts = new Map<number, number>();
  const addRes = (r: number) => counts.set(r, (counts.get(r) ?? 0) + 1);
  const dropRes = (r: number) => {
    const c = (counts.get(r) ?? 0) - 1;
    if (c <= 0) counts.delete(r);
    else counts.set(r, c);
  };
  for (let i = 0; i <= w; i++) addRes(s.resources[i]!);
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
      dropRes(s.resources[k - 1]!);
      addRes(s.resources[k + w]!);
    }
    const mean = sum / w;
    const variance = Math.max(0, sumSq / w - mean * mean);
    const cv = mean > 0 ? Math.sqrt(variance) / mean : Infinity;
    const steady =
      mean >= PACING.minIntervalMs && mean <= PACING.maxIntervalMs && cv <= PACING.maxVariation && counts.size >= PACING.runMinResources;
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
