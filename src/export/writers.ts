import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NormalizedEvent } from '../model/event.js';
import { openDuckDB, sqlString } from '../duckdb/load.js';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-error.js';
import { duckdbColumnTypes } from './columns.js';
import { toOcsfRow } from './ocsf-row.js';
import type { ExportTarget } from './targets.js';

export { EXPORT_TARGETS, type ExportTarget } from './targets.js';

/** Where exported rows go, one event at a time; `close` finishes the file. */
export interface RowSink {
  add(event: NormalizedEvent): void;
  close(): Promise<{ rows: number }>;
  /** Removes what was written (a failed export leaves no half file). */
  abort(): Promise<void>;
}

/** Lines are gathered into chunks of about this many bytes before a write: one write per line is slow. */
const CHUNK_BYTES = 1 << 20;

export type TextOut = { write(chunk: string): unknown };

/**
 * NDJSON, one OCSF row per line, streamed. To a file, each chunk is written synchronously as soon as it is full: the
 * readers hand events over synchronously and cannot wait for a slow disk, so an asynchronous stream would let lines
 * pile up in memory (at a million events, past the longest string V8 allows). Memory holds one chunk, whatever the
 * input size. To standard output (`-`), chunks go to the stream.
 */
export function ndjsonSink(path: string | TextOut): RowSink {
  const name = typeof path === 'string' ? path : 'standard output';
  const fail = (err: unknown): never => {
    throw new UsageError(`cannot write ${name}: ${describeFsError(err)}`);
  };
  let fd: number | undefined;
  if (typeof path === 'string') {
    try {
      fd = openSync(path, 'w');
    } catch (err) {
      fail(err);
    }
  }
  let chunk = '';
  let rows = 0;
  const flush = (): void => {
    if (chunk === '') return;
    try {
      if (fd !== undefined) writeSync(fd, chunk);
      else (path as TextOut).write(chunk);
    } catch (err) {
      fail(err);
    }
    chunk = '';
  };
  return {
    add(event) {
      chunk += JSON.stringify(toOcsfRow(event));
      chunk += '\n';
      rows++;
      if (chunk.length >= CHUNK_BYTES) flush();
    },
    async close() {
      flush();
      if (fd !== undefined) {
        try {
          closeSync(fd);
        } catch (err) {
          fail(err);
        }
        fd = undefined;
      }
      return { rows };
    },
    async abort() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      if (typeof path === 'string') await rm(path, { force: true });
    },
  };
}

/**
 * Parquet through DuckDB: rows stream to a temporary NDJSON file, then one `COPY ... TO` reads it with every column
 * typed (no inference) and writes zstd-compressed Parquet in row groups, streaming too. Memory stays bounded; the
 * temporary file (about the NDJSON's size) is deleted at the end. See README ("At data-lake scale") for why DuckDB
 * and not a JavaScript Parquet writer.
 */
export async function parquetSink(path: string): Promise<RowSink> {
  const dir = await mkdtemp(join(tmpdir(), 'borrowscan-export-'));
  const staging = join(dir, 'rows.ndjson');
  const db = await openDuckDB('export --to ocsf-parquet', { tempDirectory: join(dir, 'spill') }).catch(async (err: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw err;
  });
  const lines = ndjsonSink(staging);
  const cleanup = async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  };
  return {
    add: (event) => lines.add(event),
    async close() {
      try {
        const { rows } = await lines.close();
        await db.run(`COPY (SELECT * FROM ${readExportedNdjson(staging)}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`);
        return { rows };
      } catch (err) {
        if (err instanceof UsageError) throw err;
        throw new UsageError(`cannot write ${path}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      } finally {
        await cleanup();
      }
    },
    async abort() {
      await lines.abort();
      await cleanup();
      await rm(path, { force: true });
    },
  };
}

/** DuckDB's reader of exported NDJSON (or of several files: a glob), with every column typed. */
export function readExportedNdjson(pathOrGlob: string | string[]): string {
  const files = Array.isArray(pathOrGlob) ? `[${pathOrGlob.map(sqlString).join(', ')}]` : sqlString(pathOrGlob);
  return `read_json(${files}, format = 'newline_delimited', columns = ${duckdbColumnTypes()}, maximum_object_size = 16777216)`;
}

export async function openSink(target: ExportTarget, path: string, stdout: TextOut): Promise<RowSink> {
  if (target === 'ocsf-ndjson') return ndjsonSink(path === '-' ? stdout : path);
  if (path === '-') throw new UsageError('--to ocsf-parquet writes a file: give -o FILE (standard output is for ocsf-ndjson)');
  return parquetSink(path);
}
