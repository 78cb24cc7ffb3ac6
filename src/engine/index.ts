/**
 * What the command line uses of the engine: the scan, the baseline update, and the catalogs it lists (formats,
 * rules, mappable fields). Everything below the engine stays behind this door.
 */
export { scan, type ScanOptions } from './scan.js';
export { updateBaseline, type BaselineUpdate } from './baseline.js';
export { describeRules, ruleIds } from './rule-catalog.js';
export { describeFormats, formatIds, type FormatDescription } from './format-catalog.js';
export { MAPPABLE_FIELDS, parseFieldMap } from '../input/field-map.js';
export { WORKER_MODES, type WorkerMode } from '../input/parallel/policy.js';
export { TOOL } from './version.js';
export { scanWithDuckDB } from './lake/scan-duckdb.js';
export { exportEvents, type ExportOptions } from './lake/export.js';
export { sqlText, type SqlTextOptions } from './lake/sql-text.js';
export { classifyFile } from './lake/classify-file.js';
export { EXPORT_TARGETS, type ExportTarget } from '../export/writers.js';
export { DIALECTS, type DialectName } from '../sql/dialect.js';
