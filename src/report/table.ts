import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding } from '../model/finding.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { clip, escapeTerminal as esc } from './escape.js';
import { CORRELATION_LABEL } from './labels.js';
import { NO_WARNINGS, type ReportOptions, type Reporter } from './reporter.js';
import { DEFAULT_LIST_LIMIT, ListingCap } from './listing-cap.js';
import type { ScanResult } from '../model/report.js';
import { countWhere, shownFindings } from './shown.js';

const SKIPPED_LINES_SHOWN = 20;

function severityStyle(c: ChalkInstance, s: Severity): (t: string) => string {
  switch (s) {
    case 'critical':
      return (t) => c.bold.white.bgRed(t);
    case 'high':
      return (t) => c.bold.red(t);
    case 'medium':
      return (t) => c.yellow(t);
    case 'low':
      return (t) => c.cyan(t);
    default:
      return (t) => c.dim(t);
  }
}

function span(f: Finding): string {
  const a = f.firstSeen.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const b = f.lastSeen.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  if (a === b) return a;
  return a.slice(0, 10) === b.slice(0, 10) ? `${a} → ${b.slice(11)}` : `${a} → ${b}`;
}

/** The identity provider's own verdicts on the session, where it logged them. */
function riskLine(risk: NonNullable<Finding['corroboratedBy']>): string {
  const signals = [...new Set(risk.map((r) => r.signal))].join(', ');
  return `${clip(signals, 100)} (${risk[0]!.file}:${risk[0]!.line})`;
}

function findingBlock(c: ChalkInstance, f: Finding): string[] {
  const evidence = f.evidence
    .slice(0, 3)
    .map((e) => `${esc(e.file)}:${e.line}`)
    .join(', ');
  const more = f.evidence.length > 3 ? ` (+${f.evidence.length - 3})` : '';
  const correlation = f.correlation === 'session-id' ? '' : c.dim(` (${CORRELATION_LABEL[f.correlation]})`);
  return [
    `  ${c.bold(f.rule)}  ${esc(f.user ?? '(no user)')}  ${c.dim('session')} ${esc(clip(f.session, 40))}${correlation}`,
    `    ${c.dim('client')}  ${esc(clip(f.client.userAgent || '(none)', 100))} ${c.dim(`[${f.client.class}]`)}`,
    `    ${c.dim('when')}    ${span(f)}  ${c.dim(`${f.count} event(s)`)}`,
    `    ${c.dim('why')}     ${esc(f.reason)}`,
    `    ${c.dim('where')}   ${evidence}${more}  ${c.dim(`id ${f.id}`)}`,
    ...(f.corroboratedBy?.length ? [`    ${c.dim('idp')}     ${esc(riskLine(f.corroboratedBy))}`] : []),
  ];
}

type Status = Finding['status'];
type WriteLine = (line: string) => Promise<void> | void;

/** Shown findings counted by status and severity: the group headers, before any finding is written. */
function tally(shown: Iterable<Finding>): { total: number; byStatus: Record<Status, Record<Severity, number>> } {
  const zero = (): Record<Severity, number> => ({ info: 0, low: 0, medium: 0, high: 0, critical: 0 });
  const byStatus: Record<Status, Record<Severity, number>> = { new: zero(), known: zero(), suppressed: zero() };
  let total = 0;
  for (const f of shown) {
    byStatus[f.status][f.severity]++;
    total++;
  }
  return { total, byStatus };
}

function sum(counts: Record<Severity, number>): number {
  return SEVERITIES.reduce((n, s) => n + counts[s], 0);
}

function leftOutLines(c: ChalkInstance, cap: ListingCap): string[] {
  return cap
    .leftOut()
    .map((l) =>
      c.dim(`  ... ${l.count} more ${l.rule} (${l.severity}) not listed: --table-limit sets how many per rule and severity, 0 lists all`),
    );
}

/** One status's findings, most severe first, at most `limit` per rule and severity; then what was left out. */
async function bySeverity(
  c: ChalkInstance,
  shown: Iterable<Finding>,
  status: Status,
  counts: Record<Severity, number>,
  cap: ListingCap,
  line: WriteLine,
): Promise<void> {
  for (const severity of [...SEVERITIES].reverse()) {
    if (counts[severity] === 0) continue;
    await line(severityStyle(c, severity)(` ${severity.toUpperCase()} (${counts[severity]}) `));
    cap.reset();
    for (const f of shown) {
      if (f.status !== status || f.severity !== severity || !cap.admit(f)) continue;
      for (const l of findingBlock(c, f)) await line(l);
      await line('');
    }
    const notes = leftOutLines(c, cap);
    for (const l of notes) await line(l);
    if (notes.length > 0) await line('');
  }
}

async function findingsSection(
  c: ChalkInstance,
  result: ScanResult,
  shown: Iterable<Finding>,
  options: ReportOptions,
  line: WriteLine,
): Promise<void> {
  const { byStatus } = tally(shown);
  const cap = new ListingCap(options.tableLimit ?? DEFAULT_LIST_LIMIT);
  const fresh = sum(byStatus.new);
  const known = sum(byStatus.known);
  const suppressed = sum(byStatus.suppressed);
  if (fresh > 0) await bySeverity(c, shown, 'new', byStatus.new, cap, line);
  else {
    await line(c.green(known + suppressed > 0 ? 'No new findings.' : 'No findings.'));
    await line('');
  }
  if (known > 0) {
    await line(c.bold(`Known findings (in the baseline): ${known}`) + (options.showKnown ? '' : c.dim('  (--show-known lists them)')));
    await line('');
    if (options.showKnown) await bySeverity(c, shown, 'known', byStatus.known, cap, line);
  }
  if (suppressed > 0) {
    await line(c.bold(`Suppressed findings: ${suppressed}`) + (options.showSuppressed ? '' : c.dim('  (--show-suppressed lists them)')));
    await line('');
    if (options.showSuppressed) {
      cap.reset();
      for (const f of shown) {
        if (f.status !== 'suppressed' || !cap.admit(f)) continue;
        for (const l of findingBlock(c, f)) await line(l);
        await line(`    ${c.dim('suppressed')} ${esc(f.suppression?.reason ?? '')}`);
        await line('');
      }
      const notes = leftOutLines(c, cap);
      for (const l of notes) await line(l);
      if (notes.length > 0) await line('');
    }
  }
  if (result.staleSuppressions.length > 0) {
    await line(c.bold.yellow('Stale suppressions'));
    for (const st of result.staleSuppressions) {
      await line(
        `  ${esc(st.file)}:${st.line}  ${st.why}${st.entry.expires ? ` (${st.entry.expires})` : ''}: ${esc(clip(st.entry.reason, 100))}`,
      );
    }
    await line('');
  }
}

function inputsSection(c: ChalkInstance, result: ScanResult): string[] {
  const out = [c.bold('Inputs')];
  const width = Math.min(60, Math.max(...result.inputs.map((i) => esc(i.path).length), 4));
  for (const input of result.inputs) {
    const path = esc(clip(input.path, 60)).padEnd(width);
    if (input.notRead !== undefined) {
      out.push(`  ${path}  ${c.yellow('not read')}: ${esc(input.notRead)}`);
      continue;
    }
    if (input.warning !== undefined) {
      out.push(`  ${path}  ${c.yellow('warning')}: ${esc(input.warning)}`);
      continue;
    }
    const skipped = input.skipped > 0 ? c.yellow(`${input.skipped} skipped`) : '0 skipped';
    out.push(`  ${path}  ${(input.format ?? '').padEnd(14)} ${String(input.events).padStart(8)} events  ${skipped}`);
  }
  const gaps = result.inputs.filter((i) => i.gaps.length > 0);
  if (gaps.length > 0) {
    out.push('', c.bold('What the inputs lack for correlation'));
    for (const i of gaps) for (const g of i.gaps) out.push(`  ${esc(i.path)}: ${c.dim(esc(g))}`);
  }
  const lines = result.inputs.flatMap((i) => i.errors.map((e) => ({ path: i.path, ...e })));
  if (lines.length > 0) {
    out.push('', c.bold('Skipped lines'));
    for (const l of lines.slice(0, SKIPPED_LINES_SHOWN)) {
      // Line 0 is the file as a whole (it could not be opened or decompressed).
      out.push(`  ${esc(l.path)}${l.line > 0 ? `:${l.line}` : ''}  ${esc(clip(l.reason, 120))}`);
    }
    const total = result.summary.skipped;
    if (total > SKIPPED_LINES_SHOWN) out.push(c.dim(`  ... ${total - SKIPPED_LINES_SHOWN} more (all are listed in --format json)`));
  }
  return out;
}

function summaryLine(c: ChalkInstance, result: ScanResult, shownCount: number): string {
  const s = result.summary;
  const sev = [...SEVERITIES]
    .reverse()
    .filter((k) => s.bySeverity[k] > 0)
    .map((k) => `${s.bySeverity[k]} ${k}`)
    .join(', ');
  const range = s.timeRange ? `, ${s.timeRange.start} → ${s.timeRange.end}` : '';
  const outside = s.outsideTimeWindow > 0 ? `, ${s.outsideTimeWindow} outside the time window` : '';
  const triaged = s.known + s.suppressed > 0 ? `; ${s.new} new, ${s.known} known, ${s.suppressed} suppressed` : '';
  const hidden = s.findings - shownCount;
  const hiddenNote = hidden > 0 ? `; ${hidden} below --min-severity not shown` : '';
  return (
    `${c.bold('Summary')}  ${s.files} file(s), ${s.events} events, ${s.skipped} skipped${outside}, ${s.sessions} sessions, ` +
    `${s.findings} finding(s)${sev ? ` (${sev})` : ''}${triaged}${hiddenNote}${range}`
  );
}

/**
 * Findings grouped by status and severity (at most `--table-limit` per rule and severity, with a count of the rest),
 * then the inputs and a summary. Written line by line: the findings are walked, never gathered.
 */
export const tableReporter: Reporter = async (result, options, sink) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const shown = shownFindings(result, options);
  const line: WriteLine = (text) => sink.write(`${text}\n`);
  await findingsSection(c, result, shown, options, line);
  for (const l of inputsSection(c, result)) await line(l);
  await line('');
  await line(
    summaryLine(
      c,
      result,
      countWhere(shown, () => true),
    ),
  );
  return NO_WARNINGS;
};
