import type { ScanResult } from '../model/report.js';
import type { Severity } from '../model/severity.js';

export interface ReportOptions {
  color: boolean;
  /** List findings that are in the baseline in full, not just counted. */
  showKnown?: boolean;
  /** List suppressed findings in full, not just counted. */
  showSuppressed?: boolean;
  /** List only findings at or above this severity (the summary still counts every finding). */
  minSeverity?: Severity;
}

/** A reporter reads the scan result and returns the text to write; it never reaches into the engine. */
export type Reporter = (result: ScanResult, options: ReportOptions) => string;
