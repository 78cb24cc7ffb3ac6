import { safeJson } from './escape.js';
import { NO_WARNINGS, type Reporter } from './reporter.js';
import { shownFindings } from './shown.js';

/** One finding per line, for log pipelines and `jq -c`. */
export const jsonlReporter: Reporter = async (result, options, sink) => {
  for (const f of shownFindings(result, options)) await sink.write(`${safeJson(f)}\n`);
  return NO_WARNINGS;
};
