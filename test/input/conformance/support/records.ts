import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Container } from '../../../../src/input/format.js';

/** A file's text, gunzipped when it starts with gzip's magic bytes, without a byte-order mark. */
export function fileText(path: string): string {
  let bytes = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

const nonBlankLines = (text: string): string[] => text.split('\n').filter((line) => line.trim().length > 0);

/** The records an object holds when it wraps them, as Event Hub, Graph, CloudTrail and the Reports API do. */
function wrapped(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value === null || typeof value !== 'object') return undefined;
  const o = value as Record<string, unknown>;
  for (const key of ['records', 'Records', 'value', 'items']) if (Array.isArray(o[key])) return o[key] as unknown[];
  return undefined;
}

/** JSON records, counted without the reader: a whole value (array, wrapper or one object), else one value per line. */
function jsonRecords(text: string): unknown[] {
  try {
    const whole: unknown = JSON.parse(text);
    return wrapped(whole) ?? [whole];
  } catch {
    return nonBlankLines(text).flatMap((line) => {
      try {
        const value: unknown = JSON.parse(line);
        return wrapped(value) ?? [value];
      } catch {
        return [undefined];
      }
    });
  }
}

/**
 * How many records the file holds for a format of this container, counted independently of borrowscan's readers,
 * so that "events + skipped = records" proves no record went missing. `unwrap` opens envelopes that hold several.
 */
export function countRecords(path: string, container: Container, unwrap?: (record: unknown) => unknown): number {
  const text = fileText(path);
  if (container === 'text') return nonBlankLines(text).length;
  if (container === 'csv') {
    const rows = parseCsv(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as unknown[];
    return Math.max(0, rows.length - 1);
  }
  // An envelope gives one result per record inside it, or one skip when it holds none.
  return jsonRecords(text).reduce<number>((n, record) => {
    const inner = unwrap?.(record);
    return n + (Array.isArray(inner) ? Math.max(1, inner.length) : 1);
  }, 0);
}
