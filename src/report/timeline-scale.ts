import type { SessionTimeline, TimelineLane } from '../model/timeline.js';

/**
 * What both pictures of a timeline (the HTML report's SVG and `explain` in a terminal) work out alike: the time span
 * drawn, the ticks of a UTC axis, each lane's request rate, and where a lane changed network.
 */

export interface Span {
  from: number;
  to: number;
}

const MIN_SPAN_MS = 60_000;

/** The span a timeline shows: the session's first to last event (and its sign-out), padded; at least one minute. */
export function spanOf(t: SessionTimeline): Span {
  let from = Date.parse(t.firstSeen);
  let to = Date.parse(t.lastSeen);
  for (const lane of t.lanes) {
    from = Math.min(from, Date.parse(lane.firstSeen));
    to = Math.max(to, Date.parse(lane.lastSeen));
  }
  if (t.signIn) from = Math.min(from, Date.parse(t.signIn.time));
  if (t.signOut) to = Math.max(to, Date.parse(t.signOut));
  if (!Number.isFinite(from) || !Number.isFinite(to)) return { from: 0, to: MIN_SPAN_MS };
  if (to - from < MIN_SPAN_MS) {
    const mid = (from + to) / 2;
    return { from: mid - MIN_SPAN_MS / 2, to: mid + MIN_SPAN_MS / 2 };
  }
  const pad = (to - from) * 0.02;
  return { from: from - pad, to: to + pad };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [1, 2, 5, 10, 15, 30]
  .map((s) => s * SECOND)
  .concat([1, 2, 5, 10, 15, 30].map((m) => m * MINUTE))
  .concat([1, 2, 3, 6, 12].map((h) => h * HOUR))
  .concat([1, 2, 7, 14, 30, 91, 182, 365].map((d) => d * DAY));

/** Axis ticks at round UTC times, at most `max` of them, each with its label. */
export function ticksOf(span: Span, max: number): { time: number; label: string }[] {
  const step = STEPS.find((s) => (span.to - span.from) / s <= max) ?? STEPS[STEPS.length - 1]!;
  const ticks: { time: number; label: string }[] = [];
  for (let t = Math.ceil(span.from / step) * step; t <= span.to; t += step) ticks.push({ time: t, label: tickLabel(t, step) });
  return ticks;
}

function tickLabel(time: number, step: number): string {
  const iso = new Date(time).toISOString();
  if (step >= DAY) return iso.slice(0, 10);
  if (step < MINUTE) return iso.slice(11, 19);
  return iso.slice(11, 16);
}

/** `2026-11-02 14:02:11` (UTC), or only the clock when the day is the one given. */
export function clock(isoTime: string, sameDayAs?: string): string {
  const text = isoTime.slice(0, 19).replace('T', ' ');
  return sameDayAs !== undefined && sameDayAs.slice(0, 10) === isoTime.slice(0, 10) ? text.slice(11) : text;
}

/** The days a span covers, as the axis states them: `2026-11-02` or `2026-11-02 to 2026-11-03`. */
export function daysOf(span: Span): string {
  const a = new Date(span.from).toISOString().slice(0, 10);
  const b = new Date(span.to).toISOString().slice(0, 10);
  return a === b ? a : `${a} to ${b}`;
}

/** A duration in words: `57 s`, `5 min`, `2.5 h`, `3 d`. */
export function duration(ms: number): string {
  if (ms < MINUTE) return `${Math.round(ms / SECOND)} s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.round((ms / HOUR) * 10) / 10} h`;
  return `${Math.round((ms / DAY) * 10) / 10} d`;
}

function perUnit(count: number, ms: number): string {
  const perMinute = (count / ms) * MINUTE;
  if (perMinute >= 60) return `${Math.round(perMinute / 60)}/s`;
  if (perMinute >= 1) return `${Math.round(perMinute)}/min`;
  return `${Math.round(perMinute * 60 * 10) / 10}/h`;
}

/** A lane's pace: its events over its span, and its busiest bucket (`peak 5 in 2 s`). */
export function rateOf(lane: TimelineLane): { mean: string; peak: string } {
  const span = Date.parse(lane.lastSeen) - Date.parse(lane.firstSeen);
  const mean = span >= SECOND ? `${perUnit(lane.count, span)} over ${duration(span)}` : `all within 1 s`;
  const top = Math.max(0, ...lane.buckets.counts);
  return { mean, peak: `peak ${top} in ${duration(lane.buckets.widthMs)}` };
}

/**
 * Where lanes changed network: every network of a lane after its first, at the time it was first used; and whether the
 * lane's networks are all ones no person's lane of the session used (the automation came from elsewhere).
 */
export function networkChanges(t: SessionTimeline): { lane: number; time: string; network: string }[] {
  const changes: { lane: number; time: string; network: string }[] = [];
  t.lanes.forEach((lane, i) => {
    for (const n of lane.networks.slice(1)) changes.push({ lane: i, time: n.firstSeen, network: n.network });
  });
  return changes;
}

export function fromOtherNetwork(t: SessionTimeline, lane: TimelineLane): boolean {
  if (lane.role === 'human' || lane.networks.length === 0) return false;
  const human = new Set(t.lanes.filter((l) => l.role === 'human').flatMap((l) => l.networks.map((n) => n.network)));
  return human.size > 0 && lane.networks.every((n) => !human.has(n.network));
}
