/** What `borrowscan export --to` writes; kept apart from the writers so the CLI lists them without loading DuckDB's. */
export const EXPORT_TARGETS = ['ocsf-parquet', 'ocsf-ndjson'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];
