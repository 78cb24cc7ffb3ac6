/**
 * The data-lake side of the engine, for `scan --engine duckdb`, `export`, `sql` and `clients`: loaded only by those
 * (DuckDB's loader, the SQL builders and the OCSF row writers stay out of every other command's start-up).
 */
export { scanWithDuckDB } from './scan-duckdb.js';
export { exportEvents, type ExportOptions } from './export.js';
export { sqlText, type SqlTextOptions } from './sql-text.js';
export { classifyFile } from './classify-file.js';
export type { ExportTarget } from '../../export/targets.js';
export type { DialectName } from '../../sql/dialect.js';
