import type { Finding, FindingStatus } from '../model/finding.js';
import type { ScanSummary } from '../model/report.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import type { ReadTally } from './read.js';

/** The counts a report leads with; every finding counts, whatever a reporter later shows. */
export function summarize(tally: ReadTally, sessions: number, findings: readonly Finding[], withRegistry: boolean): ScanSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byStatus: Record<FindingStatus, number> = { new: 0, known: 0, suppressed: 0 };
  for (const f of findings) {
    bySeverity[f.severity]++;
    byStatus[f.status]++;
  }
  const inputs = tally.inputs;
  return {
    files: inputs.length,
    filesNotRead: inputs.filter((i) => i.notRead !== undefined).length,
    events: tally.events,
    outsideTimeWindow: tally.outsideTimeWindow,
    skipped: inputs.reduce((a, i) => a + i.skipped, 0),
    sessions,
    findings: findings.length,
    new: byStatus.new,
    known: byStatus.known,
    suppressed: byStatus.suppressed,
    bySeverity,
    timeRange: tally.events > 0 ? { start: new Date(tally.first).toISOString(), end: new Date(tally.last).toISOString() } : null,
    ...(withRegistry ? { ignoredByRegistry: tally.ignoredByRegistry } : {}),
  };
}
