/**
 * The values the command line's options and help list (version, input formats, mappable fields, worker modes,
 * export targets, SQL dialects), without the scan or the data-lake code behind them.
 */
export { TOOL } from './version.js';
export { formatIds } from './format-catalog.js';
export { MAPPABLE_FIELDS } from '../input/field-map.js';
export { WORKER_MODES, type WorkerMode } from '../input/parallel/policy.js';
export { EXPORT_TARGETS, type ExportTarget } from '../export/targets.js';
export { DIALECTS, type DialectName } from '../sql/dialect.js';
