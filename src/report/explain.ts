import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding } from '../model/finding.js';
import type { SessionTimeline, TimelineLane } from '../model/timeline.js';
import { clip, escapeTerminal as esc } from './escape.js';
import { CORRELATION_LABEL } from './labels.js';
import { clock, daysOf, duration, fromOtherNetwork, networkChanges, rateOf, spanOf, ticksOf, type Span } from './timeline-scale.js';

/**
 * `borrowscan explain`: one finding or session in a terminal. The same timeline as the HTML report's, as text: one
 * row of activity per client (events per column of time, as bar heights), its times, count and rate, its networks,
 * the sign-in and sign-out, task windows, then the evidence lines. On a terminal: colour and block characters; else
 * (a pipe, a file) plain ASCII. Every log value is escaped.
 */
export interface ExplainOptions {
  /** Colour and Unicode blocks (a terminal), or plain ASCII. */
  tty: boolean;
  /** Columns of the terminal; 100 when unknown. */
  columns?: number;
}

export interface ExplainSubject {
  /** The finding asked for, when an id was given. */
  finding?: Finding;
  /** The findings of the session, when a session id was given. */
  findings: Finding[];
  timeline: SessionTimeline | null;
}

const LABEL = 26;
const CLASS = 14;
const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const ASCII = ['.', ':', '-', '=', '+', '*', '#', '@'];

function pad(text: string, width: number): string {
  const clipped = clip(text, width);
  return clipped + ' '.repeat(Math.max(0, width - clipped.length));
}

/** Events of a lane per column of the plot: each bucket's count spread over the columns it overlaps. */
function columnsOf(lane: TimelineLane, span: Span, width: number): number[] {
  const cols = new Array<number>(width).fill(0);
  const per = (span.to - span.from) / width;
  const start = Date.parse(lane.buckets.start);
  const w = lane.buckets.widthMs;
  lane.buckets.counts.forEach((count, j) => {
    if (count === 0) return;
    const a = Math.max(span.from, start + j * w);
    const b = Math.min(span.to, start + (j + 1) * w);
    if (b <= a) {
      // A bucket outside the drawn span (or of no width at this scale): its column at the nearest edge.
      const c = Math.min(width - 1, Math.max(0, Math.floor((start + j * w - span.from) / per)));
      cols[c]! += count;
      return;
    }
    for (let c = Math.floor((a - span.from) / per); c <= Math.min(width - 1, Math.floor((b - span.from - 1e-9) / per)); c++) {
      const c0 = span.from + c * per;
      const overlap = Math.min(b, c0 + per) - Math.max(a, c0);
      if (overlap > 0) cols[c]! += (count * overlap) / (b - a);
    }
  });
  return cols;
}

function bars(cols: number[], glyphs: string[]): string {
  const top = Math.max(...cols);
  return cols
    .map((v) => (v <= 0 ? ' ' : glyphs[Math.min(glyphs.length - 1, Math.floor(Math.sqrt(v / top) * glyphs.length - 1e-9))]!))
    .join('');
}

function axisRows(span: Span, plot: number, indent: number): [string, string] {
  const labels = new Array<string>(plot).fill(' ');
  const marks = new Array<string>(plot).fill(' ');
  for (const tick of ticksOf(span, Math.max(2, Math.floor(plot / 10)))) {
    const c = Math.round(((tick.time - span.from) / (span.to - span.from)) * (plot - 1));
    if (c < 0 || c >= plot) continue;
    marks[c] = '|';
    if (c + tick.label.length <= plot && labels.slice(Math.max(0, c - 1), c + tick.label.length + 1).every((ch) => ch === ' ')) {
      for (let k = 0; k < tick.label.length; k++) labels[c + k] = tick.label[k]!;
    }
  }
  const lead = ' '.repeat(indent);
  return [lead + labels.join('').trimEnd(), lead + marks.join('').trimEnd()];
}

function column(time: string, span: Span, plot: number): number {
  return Math.round(((Date.parse(time) - span.from) / (span.to - span.from)) * (plot - 1));
}

function markerRow(t: SessionTimeline, span: Span, plot: number, indent: number): string | undefined {
  const row = new Array<string>(plot).fill(' ');
  let any = false;
  const put = (time: string | null | undefined, ch: string) => {
    if (!time) return;
    const c = column(time, span, plot);
    if (c >= 0 && c < plot) {
      row[c] = ch;
      any = true;
    }
  };
  for (const w of t.taskWindows) {
    const a = Math.max(0, column(w.start, span, plot));
    const b = Math.min(plot - 1, column(w.end, span, plot));
    for (let c = a; c <= b; c++) row[c] = '~';
    if (b >= a) any = true;
  }
  put(t.signIn?.time, 'S');
  put(t.signOut, 'E');
  return any ? ' '.repeat(indent) + row.join('').trimEnd() : undefined;
}

function header(c: ChalkInstance, subject: ExplainSubject): string[] {
  const f = subject.finding;
  const t = subject.timeline;
  if (f) {
    const tie = f.correlation === 'session-id' ? '' : ` (${CORRELATION_LABEL[f.correlation]})`;
    return [
      `${c.bold(`Finding ${esc(f.id)}`)}  ${f.severity.toUpperCase()}  ${esc(f.rule)}${f.status === 'new' ? '' : `  (${f.status})`}`,
      `  ${esc(f.reason)}`,
      `  user ${esc(f.user ?? '(no user)')}   session ${esc(f.session)}${tie}`,
      `  client ${esc(f.client.userAgent || '(none)')} [${f.client.class}]${f.client.ip ? ` from ${esc(f.client.ip)}` : ''}`,
    ];
  }
  const lines = [`${c.bold(`Session ${esc(t?.session ?? '')}`)}  user ${esc(t?.user ?? '(no user)')}`];
  if (subject.findings.length === 0) lines.push('  no findings on this session');
  for (const x of subject.findings) lines.push(`  ${x.severity.toUpperCase()} ${esc(x.rule)} ${esc(x.id)}: ${esc(x.reason)}`);
  return lines;
}

function laneLines(
  c: ChalkInstance,
  t: SessionTimeline,
  lane: TimelineLane,
  i: number,
  span: Span,
  plot: number,
  glyphs: string[],
): string[] {
  const focus = t.focus === i;
  const paint = lane.role === 'automation' ? c.red : lane.role === 'human' ? c.blue : lane.role === 'own-credential' ? c.green : c.gray;
  const name = `${focus ? '> ' : '  '}${pad(esc(lane.label), LABEL - 2)}`;
  const row = `${focus ? c.bold(name) : name}${pad(lane.class, CLASS)}${paint(bars(columnsOf(lane, span, plot), glyphs))}`;
  const rate = rateOf(lane);
  const day = daysOf(span);
  const at = (iso: string) => clock(iso, day.length === 10 ? day : undefined);
  const nets = lane.networks.map((n) => esc(n.network)).join(', ') || 'no IP logged';
  const facts =
    `${lane.count} event(s) ${at(lane.firstSeen)} → ${at(lane.lastSeen)} · ${rate.mean}` +
    `${lane.role === 'automation' ? ` · ${rate.peak}` : ''} · ${nets}${fromOtherNetwork(t, lane) ? ' (another network)' : ''}` +
    `${lane.agent ? ` · declared agent ${esc(lane.agent)}` : ''}${lane.signIn ? ` · signed in ${at(lane.signIn.time)}` : ''}`;
  return [row.trimEnd(), `${' '.repeat(LABEL + CLASS)}${c.dim(facts)}`];
}

function timelineLines(c: ChalkInstance, t: SessionTimeline, options: ExplainOptions): string[] {
  const span = spanOf(t);
  const plot = Math.max(20, Math.min(120, (options.columns ?? 100) - LABEL - CLASS - 1));
  const glyphs = options.tty ? BLOCKS : ASCII;
  const day = daysOf(span);
  const at = (iso: string) => clock(iso, day.length === 10 ? day : undefined);
  const [labels, marks] = axisRows(span, plot, LABEL + CLASS);
  const lines = [
    '',
    c.bold(`Timeline, UTC (${day}): ${t.lanes.length} client(s)${t.lanesNotShown > 0 ? `, ${t.lanesNotShown} more not shown` : ''}`),
  ];
  const begin: string[] = [];
  if (t.signIn) {
    const who = t.signIn.lane !== null ? t.lanes[t.signIn.lane]?.label : undefined;
    begin.push(`S sign-in ${at(t.signIn.time)}${who ? ` by ${esc(who)}` : ''}${t.signIn.interactive ? ' (interactive)' : ''}`);
  }
  if (t.signOut) begin.push(`E sign-out ${at(t.signOut)}`);
  for (const w of t.taskWindows) begin.push(`~ task ${esc(w.task)} of ${esc(w.agent)}: ${at(w.start)} → ${at(w.end)}`);
  for (const line of begin) lines.push(`  ${line}`);
  lines.push(labels, marks);
  const markers = markerRow(t, span, plot, LABEL + CLASS);
  if (markers) lines.push(markers);
  t.lanes.forEach((lane, i) => {
    lines.push(...laneLines(c, t, lane, i, span, plot, glyphs));
  });
  const changes = networkChanges(t);
  if (changes.length > 0) {
    lines.push('  network changes:');
    for (const ch of changes) lines.push(`    ${at(ch.time)}  ${esc(t.lanes[ch.lane]!.label)} → ${esc(ch.network)}`);
  }
  lines.push(c.dim(`  span ${duration(span.to - span.from)}; bar height: events per column of time, relative to the lane's busiest`));
  return lines;
}

function evidenceLines(subject: ExplainSubject): string[] {
  const rows = subject.finding
    ? subject.finding.evidence
    : (subject.timeline?.lanes ?? []).flatMap((l) => l.evidence).sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  if (rows.length === 0) return [];
  return ['', 'Evidence', ...rows.map((e) => `  ${esc(e.file)}:${e.line}  ${clock(e.time)}  ${esc(e.summary)}`)];
}

export function explainText(subject: ExplainSubject, options: ExplainOptions): string {
  const c = new Chalk({ level: options.tty ? 1 : 0 });
  const lines = header(c, subject);
  if (subject.timeline) lines.push(...timelineLines(c, subject.timeline, options));
  else lines.push('', '  (no timeline: the report was written without one)');
  lines.push(...evidenceLines(subject));
  return `${lines.join('\n')}\n`;
}
