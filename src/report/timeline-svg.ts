import type { SessionTimeline, TimelineLane } from '../model/timeline.js';
import { html } from './html-escape.js';
import { clip } from './escape.js';
import { clock, daysOf, fromOtherNetwork, networkChanges, rateOf, spanOf, ticksOf, type Span } from './timeline-scale.js';

/**
 * One finding's timeline as inline SVG: one lane per client, the sign-in and sign-out across all lanes, each lane's
 * activity as bars (its events counted in time buckets), its first and last use, its rate written out, network
 * changes, declared task windows, and a UTC axis. Everything a reader needs is written on the picture, nothing hides
 * behind hovering. Every log value goes through html(); coordinates are numbers the renderer computed.
 */

const WIDTH = 960;
const LABELS = 250;
const RIGHT = 16;
const TOP = 30;
const LANE = 58;
const BAR_MAX = 24;
const AXIS = 34;
const LEGEND = 26;

const n = (v: number) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : 0);

function scaleOf(span: Span): (time: number) => number {
  const plot = WIDTH - LABELS - RIGHT;
  return (time) => LABELS + ((Math.min(Math.max(time, span.from), span.to) - span.from) / (span.to - span.from)) * plot;
}

function text(x: number, y: number, cls: string, value: string, anchor: 'start' | 'middle' | 'end' = 'start'): string {
  return `<text x="${n(x)}" y="${n(y)}" class="${cls}" text-anchor="${anchor}">${html(value)}</text>`;
}

/** Times on the picture: the clock alone when the whole span is one day (the axis names it), else date and clock. */
function clockIn(span: Span): (isoTime: string) => string {
  const day = daysOf(span);
  return (isoTime) => clock(isoTime, day.length === 10 ? day : undefined);
}

function laneGroup(
  t: SessionTimeline,
  lane: TimelineLane,
  index: number,
  x: (time: number) => number,
  at: (isoTime: string) => string,
): string {
  const top = TOP + index * LANE;
  const base = top + 8 + BAR_MAX;
  const focus = t.focus === index;
  const parts: string[] = [`<g class="lane role-${lane.role}${focus ? ' focus' : ''}" data-lane="${index}">`];
  parts.push(`<rect class="lane-bg${index % 2 ? ' odd' : ''}" x="0" y="${top}" width="${WIDTH}" height="${LANE}"/>`);
  if (focus) parts.push(`<rect class="focus-mark" x="0" y="${top}" width="4" height="${LANE}"/>`);
  const nets = lane.networks.map((nw) => nw.network);
  const other = fromOtherNetwork(t, lane);
  parts.push(text(10, top + 18, focus ? 'lane-label strong' : 'lane-label', `${focus ? '▶ ' : ''}${clip(lane.label, 34)}`));
  parts.push(text(10, top + 34, 'lane-sub', `${lane.class}${lane.agent ? ` · agent ${clip(lane.agent, 20)}` : ''}`));
  parts.push(
    text(
      10,
      top + 49,
      other ? 'lane-sub warn' : 'lane-sub',
      `${nets.length ? clip(nets.join(', '), 34) : 'no IP logged'}${other ? ' · other network' : ''}`,
    ),
  );

  // Activity: one bar per bucket, height by its share of the lane's busiest bucket (at least a sliver when not empty).
  const start = Date.parse(lane.buckets.start);
  const width = lane.buckets.widthMs;
  const top1 = Math.max(1, ...lane.buckets.counts);
  lane.buckets.counts.forEach((count, j) => {
    if (count <= 0) return;
    const x0 = x(start + j * width);
    const x1 = x(start + (j + 1) * width);
    const h = 3 + (BAR_MAX - 3) * Math.sqrt(count / top1);
    parts.push(`<rect class="bar" x="${n(x0)}" y="${n(base - h)}" width="${n(Math.max(2, x1 - x0))}" height="${n(h)}"/>`);
  });

  // First and last use, joined by the span line, and the numbers written out beside them.
  const first = x(Date.parse(lane.firstSeen));
  const last = x(Date.parse(lane.lastSeen));
  // A burst too short to see at this scale still shows as a block of its own.
  if (last - first < 6)
    parts.push(`<rect class="burst" x="${n((first + last) / 2 - 4)}" y="${base - BAR_MAX}" width="8" height="${BAR_MAX}" rx="2"/>`);
  parts.push(`<line class="span" x1="${n(first)}" x2="${n(Math.max(last, first + 1))}" y1="${base + 2}" y2="${base + 2}"/>`);
  parts.push(`<path class="use-mark" d="M${n(first)} ${base - BAR_MAX - 2}v${BAR_MAX + 8}"/>`);
  parts.push(`<path class="use-mark" d="M${n(last)} ${base - BAR_MAX - 2}v${BAR_MAX + 8}"/>`);
  const rate = rateOf(lane);
  const words =
    `${lane.count} event(s) · ${at(lane.firstSeen)} → ${clock(lane.lastSeen, lane.firstSeen)}` +
    ` · ${rate.mean}${lane.role === 'automation' ? ` · ${rate.peak}` : ''}`;
  const room = WIDTH - RIGHT - first;
  parts.push(
    room > 330
      ? text(first + 3, base + 15, 'lane-stats', words)
      : text(Math.max(last, LABELS + 330) - 3, base + 15, 'lane-stats', words, 'end'),
  );

  if (lane.signIn) {
    const sx = x(Date.parse(lane.signIn.time));
    parts.push(`<path class="signin-mark" d="M${n(sx)} ${base - 14}l6 6l-6 6l-6 -6z"/>`);
  }
  parts.push('</g>');
  return parts.join('');
}

function verticals(t: SessionTimeline, x: (time: number) => number, bottom: number, at: (isoTime: string) => string): string {
  const parts: string[] = [];
  for (const w of t.taskWindows) {
    const x0 = x(Date.parse(w.start));
    const x1 = x(Date.parse(w.end));
    if (x1 - x0 <= 0) continue;
    parts.push(`<g class="task"><rect class="task-window" x="${n(x0)}" y="${TOP}" width="${n(x1 - x0)}" height="${bottom - TOP}"/>`);
    parts.push(
      `${text(x0 + 3, TOP - 4, 'task-label', `task ${clip(w.task, 24)} (${clip(w.agent, 20)}) ${at(w.start)} → ${clock(w.end, w.start)}`)}</g>`,
    );
  }
  if (t.signIn) {
    const sx = x(Date.parse(t.signIn.time));
    parts.push(`<line class="signin" x1="${n(sx)}" x2="${n(sx)}" y1="${TOP - 12}" y2="${bottom}"/>`);
    parts.push(text(sx + 3, TOP - 16, 'signin-label', `sign-in ${at(t.signIn.time)}`));
  }
  if (t.signOut) {
    const ox = x(Date.parse(t.signOut));
    parts.push(`<line class="signout" x1="${n(ox)}" x2="${n(ox)}" y1="${TOP - 12}" y2="${bottom}"/>`);
    parts.push(text(ox - 3, TOP - 16, 'signout-label', `sign-out ${at(t.signOut)}`, 'end'));
  }
  for (const change of networkChanges(t)) {
    const cx = x(Date.parse(change.time));
    const cy = TOP + change.lane * LANE + 8 + BAR_MAX / 2;
    parts.push(
      `<g class="netchange"><circle cx="${n(cx)}" cy="${cy}" r="5"/>${text(cx + 8, cy - 6, 'net-label', `→ ${clip(change.network, 28)}`)}</g>`,
    );
  }
  return parts.join('');
}

function axis(span: Span, x: (time: number) => number, y: number): string {
  const parts = [`<line class="axis" x1="${LABELS}" x2="${WIDTH - RIGHT}" y1="${y}" y2="${y}"/>`];
  for (const tick of ticksOf(span, 8)) {
    const tx = x(tick.time);
    parts.push(
      `<line class="tick" x1="${n(tx)}" x2="${n(tx)}" y1="${y}" y2="${y + 5}"/>`,
      text(tx, y + 17, 'tick-label', tick.label, 'middle'),
    );
  }
  parts.push(text(10, y + 17, 'axis-title', `time, UTC (${daysOf(span)})`));
  return parts.join('');
}

function legend(y: number): string {
  const items: [string, string][] = [
    ['<rect class="swatch human" width="12" height="10"/>', "a person's client"],
    ['<rect class="swatch automation" width="12" height="10"/>', 'automation'],
    ['<rect class="swatch own-credential" width="12" height="10"/>', 'agent on its own credential'],
    ['<path class="signin-mark" d="M6 -1l6 6l-6 6l-6 -6z"/>', 'sign-in'],
    ['<path class="use-mark" d="M6 -2v14"/>', 'first / last use'],
    ['<circle class="netchange-swatch" cx="6" cy="5" r="5"/>', 'network changed'],
    ['<rect class="swatch task-window" width="12" height="10"/>', 'task window'],
  ];
  let x = 10;
  const parts = [`<g class="legend">`];
  for (const [mark, label] of items) {
    parts.push(`<g transform="translate(${x} ${y})">${mark}${text(17, 9, 'legend-label', label)}</g>`);
    x += 24 + label.length * 6.4;
  }
  parts.push('</g>');
  return parts.join('');
}

/** The SVG of one timeline; `title` names it for screen readers. */
export function timelineSvg(t: SessionTimeline, title: string): string {
  const span = spanOf(t);
  const x = scaleOf(span);
  const at = clockIn(span);
  const bottom = TOP + t.lanes.length * LANE;
  const height = bottom + AXIS + LEGEND;
  return [
    `<svg class="timeline" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img">`,
    `<title>${html(title)}</title>`,
    ...t.lanes.map((lane, i) => laneGroup(t, lane, i, x, at)),
    verticals(t, x, bottom, at),
    axis(span, x, bottom + 6),
    legend(bottom + AXIS + 6),
    '</svg>',
  ].join('');
}
