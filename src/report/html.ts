import type { Finding } from '../model/finding.js';
import type { ScanResult } from '../model/report.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { clip } from './escape.js';
import { DEFAULT_HTML_TIMELINES } from './html-defaults.js';
import { html } from './html-escape.js';
import { HTML_CSP, HTML_STYLE } from './html-style.js';
import { CORRELATION_LABEL } from './labels.js';
import { NO_WARNINGS, type ReportOptions, type Reporter } from './reporter.js';
import { shownFindings } from './shown.js';
import type { ReportSink } from './sink.js';
import { timelineSvg } from './timeline-svg.js';

/** Findings drawn with a timeline before the rest are only listed (`--html-timelines`; 0 draws all). */
export { DEFAULT_HTML_TIMELINES };
const SKIPPED_LINES_SHOWN = 200;

type Status = Finding['status'];
const BY_SEVERITY = [...SEVERITIES].reverse();

const iso = (value: string) => html(value.replace('T', ' ').replace(/\.\d+Z$/, 'Z'));

function head(result: ScanResult): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>borrowscan report</title><style>${HTML_STYLE}</style></head><body>`,
    '<header><h1>borrowscan report</h1>',
    `<p class="muted">${html(result.tool.name)} ${html(result.tool.version)} · all times UTC` +
      (result.summary.timeRange ? ` · events from ${iso(result.summary.timeRange.start)} to ${iso(result.summary.timeRange.end)}` : '') +
      ' · this file loads nothing from anywhere</p></header>',
  ].join('\n');
}

function scanned(result: ScanResult): string {
  const s = result.summary;
  const rows = result.inputs.map((i) => {
    const note = i.notRead !== undefined ? `not read: ${i.notRead}` : (i.warning ?? '');
    return `<tr><td class="mono">${html(i.path)}</td><td>${html(i.format ?? '')}</td><td class="num">${i.events}</td><td class="num">${i.skipped}</td><td>${html(note)}</td></tr>`;
  });
  const out = [
    '<section id="scanned"><h2>What was scanned</h2>',
    `<p>${s.files} file(s) read, ${s.filesNotRead} not read; ${s.events} events, ${s.skipped} skipped line(s)` +
      (s.outsideTimeWindow > 0 ? `, ${s.outsideTimeWindow} outside the time window` : '') +
      (s.ignoredByRegistry ? `, ${s.ignoredByRegistry} ignored by the registry` : '') +
      `; ${s.sessions} sessions.</p>`,
    '<table class="inputs"><thead><tr><th>file</th><th>format</th><th class="num">events</th><th class="num">skipped</th><th>note</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
  ];
  const gaps = result.inputs.flatMap((i) => i.gaps.map((g) => `<li><span class="mono">${html(i.path)}</span>: ${html(g)}</li>`));
  if (gaps.length > 0) out.push('<h3>Coverage gaps: what the inputs lack for correlation</h3><ul class="gaps">', ...gaps, '</ul>');
  const lines = result.inputs.flatMap((i) => i.errors.map((e) => ({ path: i.path, ...e })));
  if (lines.length > 0) {
    out.push('<h3>Skipped lines</h3><table class="skipped"><thead><tr><th>where</th><th>why</th></tr></thead><tbody>');
    for (const l of lines.slice(0, SKIPPED_LINES_SHOWN)) {
      out.push(`<tr><td class="mono">${html(l.path)}${l.line > 0 ? `:${l.line}` : ''}</td><td>${html(clip(l.reason, 300))}</td></tr>`);
    }
    out.push('</tbody></table>');
    const more = s.skipped - Math.min(lines.length, SKIPPED_LINES_SHOWN);
    if (more > 0) out.push(`<p class="muted">${more} more skipped line(s): the JSON report lists the first 1,000 of each file.</p>`);
  }
  out.push('</section>');
  return out.join('\n');
}

/** Counts of the shown findings by severity and by rule and severity, and by status. */
function counts(shown: Iterable<Finding>) {
  const bySeverity: Record<Severity, number> = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };
  const byRule = new Map<string, Record<Severity, number>>();
  const byStatus: Record<Status, Record<Severity, number>> = {
    new: { ...bySeverity },
    known: { ...bySeverity },
    suppressed: { ...bySeverity },
  };
  let total = 0;
  for (const f of shown) {
    total++;
    bySeverity[f.severity]++;
    byStatus[f.status][f.severity]++;
    let row = byRule.get(f.rule);
    if (!row) {
      row = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };
      byRule.set(f.rule, row);
    }
    row[f.severity]++;
  }
  return { total, bySeverity, byRule, byStatus };
}

function countsSection(result: ScanResult, c: ReturnType<typeof counts>): string {
  const s = result.summary;
  const head = BY_SEVERITY.map((sev) => `<th class="num"><span class="sev sev-${sev}">${sev}</span></th>`).join('');
  const rules = [...c.byRule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([rule, row]) =>
        `<tr><td class="mono">${html(rule)}</td>${BY_SEVERITY.map((sev) => `<td class="num">${row[sev]}</td>`).join('')}</tr>`,
    );
  const hidden = s.findings - c.total;
  return [
    '<section id="counts"><h2>Findings by severity and rule</h2>',
    `<p>${s.findings} finding(s): ${s.new} new, ${s.known} known (in the baseline), ${s.suppressed} suppressed` +
      (hidden > 0 ? `; ${hidden} below --min-severity not shown here` : '') +
      '.</p>',
    `<table class="counts"><thead><tr><th>rule</th>${head}</tr></thead><tbody>`,
    `<tr><th>all rules</th>${BY_SEVERITY.map((sev) => `<th class="num">${c.bySeverity[sev]}</th>`).join('')}</tr>`,
    ...rules,
    '</tbody></table></section>',
  ].join('\n');
}

/** How many timelines may still be drawn. */
class TimelineBudget {
  drawn = 0;
  constructor(private readonly limit: number) {}
  take(): boolean {
    if (this.limit !== 0 && this.drawn >= this.limit) return false;
    this.drawn++;
    return true;
  }
}

function evidenceTable(f: Finding): string {
  if (f.evidence.length === 0) return '';
  const rows = f.evidence.map(
    (e) => `<tr><td class="mono">${html(e.file)}:${e.line}</td><td class="mono">${iso(e.time)}</td><td>${html(e.summary)}</td></tr>`,
  );
  const idp = (f.corroboratedBy ?? []).map(
    (r) =>
      `<tr><td class="mono">${html(r.file)}:${r.line}</td><td class="mono">${iso(r.time)}</td><td>identity provider: ${html(r.signal)}${r.detail ? ` (${html(r.detail)})` : ''}</td></tr>`,
  );
  return `<table class="evidence"><thead><tr><th>where</th><th>time</th><th>what</th></tr></thead><tbody>${rows.join('')}${idp.join('')}</tbody></table>`;
}

function findingArticle(result: ScanResult, f: Finding, index: number, draw: boolean): string {
  const timeline = draw ? result.timelines?.forFinding(f) : null;
  const tie = f.correlation === 'session-id' ? '' : ` (${CORRELATION_LABEL[f.correlation]})`;
  const parts = [
    `<article class="finding sev-border-${f.severity}" id="finding-${index}" data-finding="${index}">`,
    `<h4><span class="sev sev-${f.severity}">${f.severity}</span> <span class="mono">${html(f.rule)}</span> · ${html(f.user ?? '(no user)')}</h4>`,
    `<p class="reason">${html(f.reason)}</p>`,
    '<dl class="facts">',
    `<dt>client</dt><dd><span class="mono">${html(f.client.userAgent || '(none)')}</span> (${html(f.client.class)})${f.client.ip ? ` from <span class="mono">${html(f.client.ip)}</span>` : ''}</dd>`,
    `<dt>session</dt><dd><span class="mono">${html(f.session)}</span>${html(tie)}</dd>`,
    `<dt>when</dt><dd>${iso(f.firstSeen)} to ${iso(f.lastSeen)}, ${f.count} event(s)</dd>`,
    `<dt>id</dt><dd><span class="mono">${html(f.id)}</span>${f.status !== 'new' ? ` (${f.status})` : ''}</dd>`,
    ...(f.suppression
      ? [
          `<dt>suppressed</dt><dd>${html(f.suppression.reason)} (<span class="mono">${html(f.suppression.file)}:${f.suppression.line}</span>)</dd>`,
        ]
      : []),
    `<dt>fix</dt><dd>${html(f.recommendation)}</dd>`,
    '</dl>',
  ];
  if (timeline) {
    const caption =
      `Session ${clip(timeline.session, 60)}: ${timeline.lanes.length} client(s) drawn` +
      (timeline.lanesNotShown > 0 ? `, ${timeline.lanesNotShown} more not drawn` : '') +
      '; the marked lane is the client this finding is about.';
    parts.push(
      `<figure class="timeline-figure">${timelineSvg(timeline, `Timeline of session ${timeline.session}`)}<figcaption>${html(caption)}</figcaption></figure>`,
    );
  } else if (draw) {
    parts.push('<p class="muted">No timeline: this report was made without the sessions.</p>');
  }
  parts.push(evidenceTable(f), '</article>');
  return parts.join('\n');
}

function listedRow(f: Finding, index: number): string {
  return (
    `<tr id="finding-${index}" data-finding="${index}"><td><span class="sev sev-${f.severity}">${f.severity}</span></td><td class="mono">${html(f.rule)}</td>` +
    `<td>${html(f.user ?? '(no user)')}</td><td class="mono">${html(clip(f.client.userAgent || '(none)', 80))}</td>` +
    `<td>${html(clip(f.reason, 200))}</td><td class="mono">${html(f.evidence[0] ? `${f.evidence[0].file}:${f.evidence[0].line}` : '')}</td><td class="mono">${html(f.id)}</td></tr>`
  );
}

/** One status's findings by severity: drawn in full while the budget lasts, then listed in one table. */
async function findingsOf(
  result: ScanResult,
  shown: Iterable<Finding>,
  status: Status,
  perSeverity: Record<Severity, number>,
  budget: TimelineBudget,
  counter: { next: number },
  sink: ReportSink,
): Promise<void> {
  const listed = new ListedTable(sink);
  for (const severity of BY_SEVERITY) {
    if (perSeverity[severity] === 0) continue;
    await sink.write(`<h3><span class="sev sev-${severity}">${severity}</span> ${perSeverity[severity]}</h3>\n`);
    for (const f of shown) {
      if (f.status !== status || f.severity !== severity) continue;
      const index = ++counter.next;
      if (budget.take()) await sink.write(`${findingArticle(result, f, index, true)}\n`);
      else await listed.add(listedRow(f, index));
    }
  }
  await listed.end();
}

/** The findings past the timeline budget: rows of one table, opened at the first, each row written as it comes. */
class ListedTable {
  private open = false;

  constructor(private readonly sink: ReportSink) {}

  async add(row: string): Promise<void> {
    if (!this.open) {
      await this.sink.write(
        '<h3>Listed without a timeline</h3><p class="muted">The first timelines are drawn in full (--html-timelines sets how many, 0 draws all); the rest are listed here.</p>' +
          '<table class="listed"><thead><tr><th>severity</th><th>rule</th><th>user</th><th>client</th><th>why</th><th>first evidence</th><th>id</th></tr></thead><tbody>\n',
      );
      this.open = true;
    }
    await this.sink.write(`${row}\n`);
  }

  async end(): Promise<void> {
    if (this.open) await this.sink.write('</tbody></table>\n');
    this.open = false;
  }
}

function staleSection(result: ScanResult): string {
  if (result.staleSuppressions.length === 0) return '';
  const rows = result.staleSuppressions.map(
    (st) =>
      `<tr><td class="mono">${html(st.file)}:${st.line}</td><td>${html(st.why)}${st.entry.expires ? ` (${html(st.entry.expires)})` : ''}</td><td>${html(st.entry.reason)}</td></tr>`,
  );
  return `<section id="stale"><h2>Stale suppressions</h2><table><thead><tr><th>where</th><th>why</th><th>reason</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/**
 * One self-contained HTML file: what was scanned, counts by severity and rule, then the findings by status and
 * severity, each with its reason, timeline and evidence; known and suppressed findings in sections of their own.
 * Inline CSS (allowed by its hash) and inline SVG only: the Content-Security-Policy forbids every request and script.
 * Written finding by finding; timelines are asked of the result one at a time.
 */
export const htmlReporter: Reporter = async (result, options: ReportOptions, sink) => {
  const shown = shownFindings(result, options);
  const c = counts(shown);
  const budget = new TimelineBudget(options.htmlTimelines ?? DEFAULT_HTML_TIMELINES);
  const counter = { next: 0 };
  await sink.write(`${head(result)}\n${scanned(result)}\n${countsSection(result, c)}\n`);
  const sections: [Status, string, string][] = [
    ['new', 'new', 'New findings'],
    ['known', 'known', 'Known findings (in the baseline): they do not fail the run'],
    ['suppressed', 'suppressed', 'Suppressed findings (by the ignore file)'],
  ];
  for (const [status, id, title] of sections) {
    const total = BY_SEVERITY.reduce((n, s) => n + c.byStatus[status][s], 0);
    if (total === 0 && status !== 'new') continue;
    await sink.write(`<section id="${id}"><h2>${title}: ${total}</h2>\n`);
    if (total === 0) await sink.write('<p>No new findings.</p>\n');
    await findingsOf(result, shown, status, c.byStatus[status], budget, counter, sink);
    await sink.write('</section>\n');
  }
  await sink.write(
    `${staleSection(result)}\n<footer>Every log value above is shown as text, escaped. Made by ${html(result.tool.name)} ${html(result.tool.version)}.</footer>\n</body></html>\n`,
  );
  return NO_WARNINGS;
};
