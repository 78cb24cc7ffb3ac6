import { jsonReporter } from './json.js';
import { jsonlReporter } from './jsonl.js';
import type { Reporter } from './reporter.js';
import { tableReporter } from './table.js';

export const REPORTERS: Record<string, Reporter> = {
  table: tableReporter,
  json: jsonReporter,
  jsonl: jsonlReporter,
};
