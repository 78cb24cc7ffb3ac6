import type { Reporter } from './reporter.js';

/**
 * Every report format, by the name used in --format and in the --<name> FILE flags, in the order --help lists them.
 * A format's module loads when a report in it is written, not when the CLI starts.
 */
const LOADERS = {
  table: async () => (await import('./table.js')).tableReporter,
  json: async () => (await import('./json.js')).jsonReporter,
  jsonl: async () => (await import('./jsonl.js')).jsonlReporter,
  sarif: async () => (await import('./sarif.js')).sarifReporter,
  csv: async () => (await import('./csv.js')).csvReporter,
  markdown: async () => (await import('./markdown.js')).markdownReporter,
  html: async () => (await import('./html.js')).htmlReporter,
  'ocsf-findings': async () => (await import('./ocsf-findings.js')).ocsfFindingsReporter,
} satisfies Record<string, () => Promise<Reporter>>;

export type ReportFormat = keyof typeof LOADERS;

export const REPORT_FORMATS = Object.keys(LOADERS) as ReportFormat[];

/** Formats that can be written to a file next to the main report (--json FILE, ...). */
export const FILE_REPORTS = [
  'json',
  'jsonl',
  'sarif',
  'csv',
  'markdown',
  'html',
  'ocsf-findings',
] as const satisfies readonly ReportFormat[];

/** The reporter of a format named in REPORT_FORMATS (commander has checked the name). */
export function loadReporter(format: string): Promise<Reporter> {
  const load = (LOADERS as Record<string, () => Promise<Reporter>>)[format];
  if (load === undefined) throw new Error(`no report format ${format}`);
  return load();
}
