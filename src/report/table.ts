import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding } from '../model/finding.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { clip, escapeTerminal as esc } from './escape.js';
import { CORRELATION_LABEL } from './labels.js';
import type { ReportOptions, Reporter } from './reporter.js';
import type { ScanResult } from '../model/report.js';
import { shownFindings } from './shown.js';

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

function bySeverity(c: ChalkInstance, findings: Finding[]): string[] {
  const out: string[] = [];
  for (const severity of [...SEVERITIES].reverse()) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(severityStyle(c, severity)(` ${severity.toUpperCase()} (${group.length}) `));
    for (const f of group) out.push(...findingBlock(c, f), '');
  }
  return out;
}

function findingsSection(c: ChalkInstance, result: ScanResult, shown: Finding[], options: ReportOptions): string[] {
  const fresh = shown.filter((f) => f.status === 'new');
  const known = shown.filter((f) => f.status === 'known');
  const suppressed = shown.filter((f) => f.status === 'suppressed');
  const out = fresh.length > 0 ? bySeverity(c, fresh) : [c.green(known.length + suppressed.length > 0 ? 'No new findings.' : 'No findings.'), ''];
  if (known.length > 0) {
    out.push(c.bold(`Known findings (in the baseline): ${known.length}`) + (options.showKnown ? '' : c.dim('  (--show-known lists them)')));
    if (options.showKnown) out.push('', ...bySeverity(c, known));
    else out.push('');
  }
  if (suppressed.length > 0) {
    out.push(c.bold(`Suppressed findings: ${suppressed.length}`) + (options.showSuppressed ? '' : c.dim('  (--show-suppressed lists them)')));
    if (options.showSuppressed) {
      out.push('');
      for (const f of suppressed) out.push(...findingBlock(c, f), `    ${c.dim('suppressed')} ${esc(f.suppression?.reason ?? '')}`, '');
    } else out.push('');
  }
  if (result.staleSuppressions.length > 0) {
    out.push(c.bold.yellow('Stale suppressions'));
    for (const st of result.staleSuppressions) {
      out.push(`  ${esc(st.file)}:${st.line}  ${st.why}${st.entry.expires ? ` (${st.entry.expires})` : ''}: ${esc(clip(st.entry.reason, 100))}`);
    }
    out.push('');
  }
  return out;
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

export const tableReporter: Reporter = (result, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const shown = shownFindings(result, options);
  return [...findingsSection(c, result, shown, options), ...inputsSection(c, result), '', summaryLine(c, result, shown.length), ''].join('\n');
};
