import { loadSavedReport } from '../config/saved-report.js';
import { describeRules } from '../engine/rule-catalog.js';
import type { ScanResult } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import { type FILE_REPORTS, loadReporter } from '../report/formats.js';
import type { ReportOptions } from '../report/reporter.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './io.js';
import { writeReports, type ReportJob } from './write-report.js';

export interface ReportFlags {
  format: string;
  output?: string;
  reports: Partial<Record<(typeof FILE_REPORTS)[number], string>>;
  minSeverity: Severity;
  showKnown: boolean;
  showSuppressed: boolean;
  tableLimit?: number;
  markdownLimit?: number;
  htmlTimelines?: number;
  sarifCategory?: string;
  color?: boolean;
  quiet: boolean;
}

/**
 * Renders a saved JSON report again, in any report format: CI keeps the JSON, an analyst renders the HTML (or the
 * table, SARIF, OCSF findings) later, timelines included, without the logs. Exit 0 once every report is written.
 */
export async function runReportCommand(file: string, flags: ReportFlags, io: CliIO): Promise<number> {
  const saved = await loadSavedReport(file);
  const result: ScanResult = { ...saved, rules: describeRules() };
  const cwd = io.cwd ?? process.cwd();
  const options: ReportOptions = {
    color: flags.color ?? (!flags.output && flags.format === 'table' && io.stdout.isTTY === true && !io.env.NO_COLOR && !io.env.CI),
    showKnown: flags.showKnown,
    showSuppressed: flags.showSuppressed,
    minSeverity: flags.minSeverity,
    tableLimit: flags.tableLimit,
    markdownLimit: flags.markdownLimit,
    htmlTimelines: flags.htmlTimelines,
    sarif: { root: cwd, cwd, category: flags.sarifCategory },
  };
  const jobs: ReportJob[] = [
    ...(flags.output !== undefined || Object.keys(flags.reports).length === 0
      ? [{ reporter: await loadReporter(flags.format), file: flags.output, options }]
      : []),
    ...(await Promise.all(
      Object.entries(flags.reports).map(async ([format, out]) => ({
        reporter: await loadReporter(format),
        file: out,
        options: { ...options, color: false },
      })),
    )),
  ];
  return (await writeReports(result, jobs, io, flags.quiet)) ? EXIT.ok : EXIT.writeFailed;
}
