import type { Finding } from '../model/finding.js';
import type { ScanResult } from '../model/report.js';
import { atLeast } from '../model/severity.js';
import type { ReportOptions } from './reporter.js';

/** The findings a report lists: every finding at or above --min-severity, in the result's order. */
export function shownFindings(result: ScanResult, options: ReportOptions): Finding[] {
  const min = options.minSeverity;
  const shown: Finding[] = [];
  for (const f of result.findings) if (min === undefined || atLeast(f.severity, min)) shown.push(f);
  return shown;
}
