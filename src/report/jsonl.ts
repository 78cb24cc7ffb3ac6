import type { Reporter } from './reporter.js';
import { safeJson } from './escape.js';
import { shownFindings } from './shown.js';

/** One finding per line, for log pipelines and `jq -c`. */
export const jsonlReporter: Reporter = (result, options) =>
  shownFindings(result, options).map((f) => `${safeJson(f)}\n`).join('');
