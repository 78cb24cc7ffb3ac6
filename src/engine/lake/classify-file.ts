import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { CsvSplitter } from '../../input/records/csv.js';
import { SIGNATURE_COLUMNS } from '../../sql/events.js';
import { UsageError } from '../../shared/errors.js';
import { describeFsError } from '../../shared/fs-error.js';
import { CLIENT_TABLE_COLUMNS, createClientTable, type SignatureRow } from './client-table.js';

/**
 * `borrowscan clients`: the output of `sql --stage clients` (CSV with a header row, as Athena and Spark write it, or
 * NDJSON) classified into the client table, written as CSV with a header row. Streams: one row at a time.
 */
export async function classifyFile(input: string, output: string): Promise<{ rows: number }> {
  const classify = createClientTable();
  const out = createWriteStream(output);
  let failure: Error | undefined;
  out.on('error', (err) => {
    failure ??= err;
  });
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await Promise.race([once(out, 'drain'), once(out, 'error')]);
    if (failure) throw new UsageError(`cannot write ${output}: ${describeFsError(failure)}`);
  };
  await write(CLIENT_TABLE_COLUMNS.map(([c]) => c).join(','));
  let rows = 0;
  try {
    for await (const record of records(input)) {
      if (typeof record.sig !== 'string')
        throw new UsageError(`${input}: a row without a sig column: give the output of borrowscan sql --stage clients`);
      const row = classify(record);
      await write(CLIENT_TABLE_COLUMNS.map(([c]) => csvCell(row[c])).join(','));
      rows++;
    }
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read ${input}: ${describeFsError(err)}`);
  }
  out.end();
  await Promise.race([once(out, 'finish'), once(out, 'error')]);
  if (failure) throw new UsageError(`cannot write ${output}: ${describeFsError(failure)}`);
  return { rows };
}

/** Empty CSV cells are NULL (Athena and Spark write NULL as an empty cell). */
function normalize(record: Record<string, unknown>): SignatureRow {
  const row: Record<string, unknown> = { sig: record.sig };
  for (const c of SIGNATURE_COLUMNS) row[c] = record[c] === '' ? null : record[c];
  return row as SignatureRow;
}

async function* records(path: string): AsyncGenerator<SignatureRow> {
  const first = await firstChar(path);
  if (first === '{') {
    const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
    for await (const line of lines) if (line.trim()) yield normalize(JSON.parse(line) as Record<string, unknown>);
    return;
  }
  // The CSV reader of the access-log-csv format: a header row, quoted values, bounded records.
  const rows: SignatureRow[] = [];
  const splitter = new CsvSplitter({
    record: (value) => rows.push(normalize(value as Record<string, unknown>)),
    error: (line, reason) => {
      throw new UsageError(`${path}:${line}: ${reason}`);
    },
  });
  let start = true;
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    splitter.push(start ? (chunk as string).replace(/^\uFEFF/, '') : (chunk as string));
    start = false;
    yield* rows.splice(0);
  }
  splitter.end();
  yield* rows.splice(0);
}

async function firstChar(path: string): Promise<string> {
  for await (const chunk of createReadStream(path, { start: 0, end: 63 }))
    return (
      String(chunk)
        .replace(/^\uFEFF/, '')
        .trimStart()[0] ?? ''
    );
  return '';
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'boolean' ? String(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
