import type { Finding } from '../model/finding.js';
import type { ScanResult } from '../model/report.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { clip } from './escape.js';
import { code, md } from './markdown-escape.js';
import { CORRELATION_LABEL } from './labels.js';
import { DEFAULT_LIST_LIMIT, ListingCap, type LeftOut } from './listing-cap.js';
import { NO_WARNINGS, type ReportOptions, type Reporter } from './reporter.js';
import type { ReportSink } from './sink.js';
import { shownFindings } from './shown.js';

/**
 * GitHub's job summary takes at most 1 MiB per step. The report stops listing findings before that, keeping room
 * for the note that says what it left out.
 */
export const MARKDOWN_MAX_BYTES = 1024 * 1024;
const ROOM_FOR_NOTES = 16 * 1024;

/** One finding: every log value (user, session, client, IP, file) as inline code, so GitHub links none of them. */
function findingSection(f: Finding): string {
  const evidence = f.evidence.map((e) => `${code(clip(e.file, 200))}:${e.line}`).join(', ');
  return [
    `### ${f.severity.toUpperCase()} · ${md(f.rule)} · ${f.user === null ? '(no user)' : code(clip(f.user, 200))}`,
    '',
    md(clip(f.reason, 500)),
    '',
    `- **Client:** ${f.client.userAgent ? code(clip(f.client.userAgent, 200)) : '(none)'} (${f.client.class})${f.client.ip ? `, ${code(clip(f.client.ip, 64))}` : ''}`,
    `- **Session:** ${code(clip(f.session, 200))}${f.correlation === 'session-id' ? '' : ` (${CORRELATION_LABEL[f.correlation]})`}`,
    `- **When:** ${f.firstSeen} to ${f.lastSeen}, ${f.count} event(s)`,
    `- **Evidence:** ${evidence}`,
    ...(f.corroboratedBy?.length
      ? [
          `- **Identity provider says:** ${f.corroboratedBy.map((r) => `${code(clip(r.signal, 200))} (${code(clip(r.file, 200))}:${r.line})`).join(', ')}`,
        ]
      : []),
    `- **Id:** ${code(f.id)}${f.status !== 'new' ? ` (${f.status})` : ''}`,
    `- **Fix:** ${md(f.recommendation)}`,
    '',
    '',
  ].join('\n');
}

/** Counts bytes as they are written, so the report can stop listing before GitHub's limit. */
class Budget {
  used = 0;
  /** Findings not listed because the report had reached its size. */
  overflow = 0;

  constructor(
    private readonly sink: ReportSink,
    private readonly max: number,
  ) {}

  write(text: string): void | Promise<void> {
    this.used += Buffer.byteLength(text);
    return this.sink.write(text);
  }

  fits(text: string): boolean {
    return this.used + Buffer.byteLength(text) <= this.max - ROOM_FOR_NOTES;
  }
}

/** Lists one group of findings (at most the limit per rule and severity, and within the size); returns what it left out. */
async function listFindings(findings: Iterable<Finding>, accept: (f: Finding) => boolean, limit: number, out: Budget): Promise<LeftOut[]> {
  const cap = new ListingCap(limit);
  for (const f of findings) {
    if (!accept(f) || !cap.admit(f)) continue;
    const section = findingSection(f);
    if (out.fits(section)) await out.write(section);
    else out.overflow++;
  }
  return cap.leftOut();
}

function leftOutNote(leftOut: LeftOut[], limit: number): string {
  if (leftOut.length === 0) return '';
  const total = leftOut.reduce((n, l) => n + l.count, 0);
  return [
    `**Not listed here:** ${total} more finding(s); ${limit} are listed per rule and severity (\`--markdown-limit\` sets how many, 0 lists all):`,
    '',
    ...leftOut.map((l) => `- ${md(l.rule)} (${l.severity}): ${l.count} more`),
    '',
    '',
  ].join('\n');
}

function severityCounts(findings: Iterable<Finding>): Record<Severity, number> {
  const counts: Record<Severity, number> = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };
  for (const f of findings) if (f.status === 'new') counts[f.severity]++;
  return counts;
}

function summaryTables(result: ScanResult, newBySeverity: Record<Severity, number>): string {
  const s = result.summary;
  const lines = [
    '## borrowscan',
    '',
    '| new | known | suppressed | events | sessions | skipped lines | files |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${s.new} | ${s.known} | ${s.suppressed} | ${s.events} | ${s.sessions} | ${s.skipped} | ${s.files} |`,
    '',
    '| severity | new findings |',
    '| --- | ---: |',
    ...[...SEVERITIES].reverse().map((sev) => `| ${sev} | ${newBySeverity[sev]} |`),
    '',
  ];
  if (s.timeRange) lines.push(`Events from ${s.timeRange.start} to ${s.timeRange.end}.`, '');
  return `${lines.join('\n')}\n`;
}

/**
 * A summary table, then the new findings: fits `$GITHUB_STEP_SUMMARY` and merge-request comments. Lists at most
 * `--markdown-limit` findings per rule and severity and stays under GitHub's 1 MiB, saying what it left out.
 */
export const markdownReporter: Reporter = async (result, options: ReportOptions, sink) => {
  const shown = shownFindings(result, options);
  const limit = options.markdownLimit ?? DEFAULT_LIST_LIMIT;
  const out = new Budget(sink, MARKDOWN_MAX_BYTES);
  const newBySeverity = severityCounts(shown);
  const newCount = SEVERITIES.reduce((n, s) => n + newBySeverity[s], 0);

  await out.write(summaryTables(result, newBySeverity));
  await out.write(newCount > 0 ? '### New findings\n\n' : 'No new findings.\n\n');
  const newLeftOut = await listFindings(shown, (f) => f.status === 'new', limit, out);
  await out.write(leftOutNote(newLeftOut, limit));

  const extra = (f: Finding) =>
    (f.status === 'known' && options.showKnown === true) || (f.status === 'suppressed' && options.showSuppressed === true);
  if (someOf(shown, extra)) {
    await out.write('### Known and suppressed findings\n\n');
    await out.write(leftOutNote(await listFindings(shown, extra, limit, out), limit));
  }
  if (result.staleSuppressions.length > 0) {
    const lines = ['### Stale suppressions', ''];
    for (const st of result.staleSuppressions)
      lines.push(`- ${code(clip(st.file, 200))}:${st.line} ${st.why}: ${md(clip(st.entry.reason, 200))}`);
    lines.push('', '');
    const text = lines.join('\n');
    if (out.fits(text)) await out.write(text);
    else
      await out.write(
        `### Stale suppressions\n\n${result.staleSuppressions.length} stale suppression(s): too many to list here, see the table or the JSON report.\n\n`,
      );
  }
  if (out.overflow > 0) {
    await out.write(
      `**Not listed here:** ${out.overflow} more finding(s): this report stops before 1 MiB, the most a GitHub step summary holds. ` +
        'The JSON, JSONL and CSV reports list every finding.\n\n',
    );
  }
  return NO_WARNINGS;
};

function someOf<T>(items: Iterable<T>, accept: (item: T) => boolean): boolean {
  for (const item of items) if (accept(item)) return true;
  return false;
}
