import { open } from 'node:fs/promises';
import type { InputFile } from '../../input/open.js';

/**
 * What `scan --engine duckdb` does with each file: exported Parquet and exported NDJSON are queried in place by
 * DuckDB; anything else is a raw log, read and normalized in-process first (as `export` would) and queried from a
 * temporary NDJSON file. Parquet without the `borrowscan` struct (a Security Lake file) is read as native OCSF.
 */
export type FileRole = 'parquet' | 'export-ndjson' | 'raw';

const HEAD = 64 * 1024;

async function head(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD);
    const { bytesRead } = await handle.read(buffer, 0, HEAD, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** An exported NDJSON line: an object with class_uid and the borrowscan struct naming its format. */
export function isExportedLine(line: string): boolean {
  try {
    const row = JSON.parse(line) as { class_uid?: unknown; borrowscan?: { format?: unknown } };
    return typeof row.class_uid === 'number' && typeof row.borrowscan?.format === 'string';
  } catch {
    return false;
  }
}

export async function roleOf(file: InputFile): Promise<FileRole> {
  if (file.path === '-') return 'raw';
  const bytes = await head(file.path);
  if (bytes.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.split('\n', 1)[0]!.trim();
  return first.startsWith('{') && isExportedLine(first) ? 'export-ndjson' : 'raw';
}
