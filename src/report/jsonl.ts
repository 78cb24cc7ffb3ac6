import type { Reporter } from './reporter.js';
import { safeJson } from './escape.js';

/** One finding per line, for log pipelines and `jq -c`. */
export const jsonlReporter: Reporter = (result) => result.findings.map((f) => `${safeJson(f)}\n`).join('');
