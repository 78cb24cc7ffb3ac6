import { csvReporter } from './csv.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { jsonlReporter } from './jsonl.js';
import { markdownReporter } from './markdown.js';
import { ocsfFindingsReporter } from './ocsf-findings.js';
import type { ReportFormat } from './formats.js';
import type { Reporter } from './reporter.js';
import { sarifReporter } from './sarif.js';
import { tableReporter } from './table.js';

export { FILE_REPORTS, REPORT_FORMATS, loadReporter, type ReportFormat } from './formats.js';

/**
 * Every reporter, loaded at once (for tests and tools that want them all); the CLI loads one at a time through
 * loadReporter (formats.ts), so that a scan does not load the HTML or SARIF code to print a table.
 */
export const REPORTERS: Record<ReportFormat, Reporter> = {
  table: tableReporter,
  json: jsonReporter,
  jsonl: jsonlReporter,
  sarif: sarifReporter,
  csv: csvReporter,
  markdown: markdownReporter,
  html: htmlReporter,
  'ocsf-findings': ocsfFindingsReporter,
};
