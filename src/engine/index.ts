/**
 * What the command line uses of the engine: the scan, the baseline update, and the catalogs it lists (formats,
 * rules, mappable fields). Everything below the engine stays behind this door; the data-lake commands have theirs
 * (lake/index.ts), and the values the CLI's options list are in option-values.ts, so that a command loads only
 * what it runs.
 */
export { scan, type ScanOptions } from './scan.js';
export { updateBaseline, type BaselineUpdate } from './baseline.js';
export { describeRules, ruleIds } from './rule-catalog.js';
export { describeFormats, formatIds, type FormatDescription } from './format-catalog.js';
export { MAPPABLE_FIELDS, parseFieldMap } from '../input/field-map.js';
export { WORKER_MODES, type WorkerMode } from '../input/parallel/policy.js';
export { TOOL } from './version.js';
