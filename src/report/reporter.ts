import type { ScanResult } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import type { ReportSink } from './sink.js';

/** Where SARIF locations are relative to (`--sarif-root`), and the category code scanning files them under. */
export interface SarifOptions {
  /** Absolute directory: artifact URIs are relative to it (`originalUriBaseIds`). */
  root: string;
  /** Absolute directory that relative evidence paths were read from (the working directory). */
  cwd: string;
  /** `--sarif-category`: becomes `automationDetails.id`. */
  category?: string;
  /** Most results in one run (GitHub code scanning rejects more than 25,000). */
  maxResults?: number;
}

export interface ReportOptions {
  color: boolean;
  /** List findings that are in the baseline in full, not just counted. */
  showKnown?: boolean;
  /** List suppressed findings in full, not just counted. */
  showSuppressed?: boolean;
  /** List only findings at or above this severity (the summary still counts every finding). */
  minSeverity?: Severity;
  /** The table lists this many findings per rule and severity, and counts the rest; 0 lists all. */
  tableLimit?: number;
  /** The Markdown report lists this many findings per rule and severity, and counts the rest; 0 lists all. */
  markdownLimit?: number;
  /** The HTML report draws the timelines of this many findings and lists the rest; 0 draws all. */
  htmlTimelines?: number;
  sarif?: SarifOptions;
}

/** What a reporter tells the user beside its report: what it left out, and why (a warning on standard error). */
export interface ReportOutcome {
  warnings: string[];
}

/**
 * A reporter reads the scan result and writes its report to the sink as it goes, finding by finding: it never holds
 * the whole report, and never assumes the findings sit in an array. It never reaches into the engine.
 */
export type Reporter = (result: ScanResult, options: ReportOptions, sink: ReportSink) => Promise<ReportOutcome>;

export const NO_WARNINGS: ReportOutcome = { warnings: [] };
