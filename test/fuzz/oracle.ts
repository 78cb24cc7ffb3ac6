import { StringDecoder } from 'node:string_decoder';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Container, LogFormat } from '../../src/input/format.js';

/**
 * How many records a file holds, counted without the readers: each must come out of a scan as an event or a
 * reported skip. Undefined where the container leaves the count open (JSON that does not parse whole and is no
 * NDJSON, CSV with quotes that a strict parser does not read to rows of the header's width).
 */
export function expectedRecords(bytes: Buffer, format: LogFormat, maxRecordBytes: number): number | undefined {
  const decoder = new StringDecoder('utf8');
  let text = decoder.write(bytes) + decoder.end();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return count(text, format, format.container, maxRecordBytes);
}

function count(text: string, format: LogFormat, container: Container, maxRecordBytes: number): number | undefined {
  switch (container) {
    case 'text':
      return lines(text).filter((l) => l.trim().length > 0).length;
    case 'json':
      return jsonRecords(text, format, maxRecordBytes);
    case 'csv':
      return csvRecords(text, maxRecordBytes);
  }
}

/** Lines as the readers cut them: at LF, a CR before it no part of the line. */
function lines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

const over = (text: string, max: number): boolean => Buffer.byteLength(text, 'utf8') > max;

/** Records an envelope holds for the format (Okta event-hook deliveries): each is one result; one that holds none is one skip. */
function unwrapped(format: LogFormat, record: unknown): number {
  if (!format.unwrap) return 1;
  let inner: ReturnType<NonNullable<LogFormat['unwrap']>>;
  try {
    inner = format.unwrap(record);
  } catch {
    return 1;
  }
  if (inner === undefined || !Array.isArray(inner)) return 1;
  return inner.length;
}

function wrapperArrays(value: unknown, all: boolean): unknown[] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const arrays = ['records', 'Records', 'value', 'items'].filter((k) => Array.isArray(o[k])).map((k) => o[k] as unknown[]);
  if (arrays.length === 0) return undefined;
  return all ? arrays.flat() : arrays[0];
}

function jsonRecords(text: string, format: LogFormat, maxRecordBytes: number): number | undefined {
  const start = text.search(/[^ \t\r\n\uFEFF]/);
  if (start < 0) return 0;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const nl = text.indexOf('\n', start);
  const firstLine = text.slice(lineStart, nl < 0 ? text.length : nl).replace(/\r$/, '');
  const oneValuePerLine = text[start] !== '[' && (text[start] !== '{' || (!over(firstLine, maxRecordBytes) && parses(firstLine.trim())));
  if (oneValuePerLine) {
    let n = 0;
    for (const line of lines(text)) {
      const t = line.trim();
      if (t.length === 0) continue;
      if (over(line, maxRecordBytes)) {
        n++;
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(t);
      } catch {
        n++;
        continue;
      }
      const inner = Array.isArray(value) ? value : wrapperArrays(value, false);
      n += inner ? inner.reduce<number>((sum, r) => sum + unwrapped(format, r), 0) : unwrapped(format, value);
    }
    return n;
  }
  // Read whole: countable when the text is one JSON value.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const records = Array.isArray(value) ? value : wrapperArrays(value, true);
  // A record's size is its text as written (indentation too), which re-serializing does not give back.
  if (records && format.unwrap && records.some((r) => JSON.stringify(r).length * 4 > maxRecordBytes)) return undefined;
  if (!records) return over(text.trim(), maxRecordBytes) ? 1 : unwrapped(format, value);
  return records.reduce<number>(
    (sum, r) => sum + (r !== null && typeof r === 'object' && !over(JSON.stringify(r), maxRecordBytes) ? unwrapped(format, r) : 1),
    0,
  );
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function csvRecords(text: string, maxRecordBytes: number): number | undefined {
  // A file whose first line ends in a CR alone ends every line so (classic Mac OS).
  const end = /\r\n|\r|\n/.exec(text)?.[0];
  if (end === '\r') text = text.replaceAll('\r', '\n');
  const all = lines(text);
  if (!text.includes('"')) {
    const nonBlank = all.filter((l) => l.trim().length > 0);
    const header = nonBlank.some((l) => !over(l, maxRecordBytes)) ? 1 : 0;
    return nonBlank.length - header;
  }
  // With quotes: countable when every row, read strictly (RFC 4180), has the header's width and fits the limit.
  if (over(text, maxRecordBytes) || all.some((l) => l.length > 0 && l.trim().length === 0)) return undefined;
  try {
    const rows = parseCsv(text, { bom: true, skip_empty_lines: true, relax_column_count: false, relax_quotes: false }) as string[][];
    return rows.length > 0 && rows[0]!.length > 0 ? rows.length - 1 : undefined;
  } catch {
    return undefined;
  }
}
