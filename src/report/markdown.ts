import type { Finding } from '../model/finding.js';
import { SEVERITIES } from '../model/severity.js';
import { clip, escapeTerminal } from './escape.js';
import type { Reporter } from './reporter.js';
import { CORRELATION_LABEL } from './labels.js';
import { shownFindings } from './shown.js';

/** Escapes log text for Markdown/HTML: no markup, links, tables or raw HTML can come from a log field. */
export function md(value: string): string {
  return escapeTerminal(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}()#+!|~])/g, '\\$1');
}

function findingSection(f: Finding): string[] {
  const lines = [
    `### ${f.severity.toUpperCase()} · ${md(f.rule)} · ${md(f.user ?? '(no user)')}`,
    '',
    md(f.reason),
    '',
    `- **Client:** ${md(clip(f.client.userAgent || '(none)', 200))} (${f.client.class})${f.client.ip ? `, ${md(f.client.ip)}` : ''}`,
    `- **Session:** ${md(f.session)}${f.correlation === 'session-id' ? '' : ` (${CORRELATION_LABEL[f.correlation]})`}`,
    `- **When:** ${f.firstSeen} to ${f.lastSeen}, ${f.count} event(s)`,
    `- **Evidence:** ${f.evidence.map((e) => `${md(e.file)}:${e.line}`).join(', ')}`,
    ...(f.corroboratedBy?.length
      ? [`- **Identity provider says:** ${f.corroboratedBy.map((r) => `${md(r.signal)} (${md(r.file)}:${r.line})`).join(', ')}`]
      : []),
    `- **Id:** ${f.id}${f.status !== 'new' ? ` (${f.status})` : ''}`,
    `- **Fix:** ${md(f.recommendation)}`,
    '',
  ];
  return lines;
}

/** A summary table, then the findings: fits `$GITHUB_STEP_SUMMARY` and merge-request comments. */
export const markdownReporter: Reporter = (result, options) => {
  const s = result.summary;
  const severities = [...SEVERITIES].reverse();
  const shown = shownFindings(result, options);
  const newOnes = shown.filter((f) => f.status === 'new');
  const out = [
    '## borrowscan',
    '',
    '| new | known | suppressed | events | sessions | skipped lines | files |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${s.new} | ${s.known} | ${s.suppressed} | ${s.events} | ${s.sessions} | ${s.skipped} | ${s.files} |`,
    '',
    '| severity | new findings |',
    '| --- | ---: |',
    ...severities.map((sev) => `| ${sev} | ${newOnes.filter((f) => f.severity === sev).length} |`),
    '',
  ];
  if (s.timeRange) out.push(`Events from ${s.timeRange.start} to ${s.timeRange.end}.`, '');
  out.push(newOnes.length > 0 ? '### New findings' : 'No new findings.', '');
  for (const f of newOnes) out.push(...findingSection(f));
  const extra = shown.filter(
    (f) => (f.status === 'known' && options.showKnown) || (f.status === 'suppressed' && options.showSuppressed),
  );
  if (extra.length > 0) out.push('### Known and suppressed findings', '');
  for (const f of extra) out.push(...findingSection(f));
  if (result.staleSuppressions.length > 0) {
    out.push('### Stale suppressions', '');
    for (const st of result.staleSuppressions) out.push(`- ${md(st.file)}:${st.line} ${st.why}: ${md(st.entry.reason)}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
};
