import { csvReporter } from './csv.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { jsonlReporter } from './jsonl.js';
import { markdownReporter } from './markdown.js';
import { ocsfFindingsReporter } from './ocsf-findings.js';
import type { Reporter } from './reporter.js';
import { sarifReporter } from './sarif.js';
import { tableReporter } from './table.js';

/** Every report format, by the name used in --format and in the --<name> FILE flags. */
export const REPORTERS: Record<string, Reporter> = {
  table: tableReporter,
  json: jsonReporter,
  jsonl: jsonlReporter,
  sarif: sarifReporter,
  csv: csvReporter,
  markdown: markdownReporter,
  html: htmlReporter,
  'ocsf-findings': ocsfFindingsReporter,
};

/** Formats that can be written to a file next to the main report (--json FILE, ...). */
export const FILE_REPORTS = ['json', 'jsonl', 'sarif', 'csv', 'markdown', 'html', 'ocsf-findings'] as const;
