import { text, type JsonObject } from '../fields.js';

/**
 * Which row key holds each column, matched exactly, else ignoring case. Every row of a file has the keys of its
 * header, so the lookup is worked out once per header and reused while the rows keep the same keys.
 */
let headerKeys: string[] = [];
let keyByColumn = new Map<string, string | undefined>();

function sameKeys(row: JsonObject, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in row) {
    if (k !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

function keyFor(row: JsonObject, column: string): string | undefined {
  if (!sameKeys(row, headerKeys)) {
    headerKeys = Object.keys(row);
    keyByColumn = new Map();
  }
  if (keyByColumn.has(column)) return keyByColumn.get(column);
  const lower = column.toLowerCase();
  const key = column in row ? column : headerKeys.find((k) => k.toLowerCase() === lower);
  keyByColumn.set(column, key);
  return key;
}

/** A cell by column name; placeholders (`""`, `-`, `N/A`) are absent. */
export function cell(row: JsonObject, column: string): string | undefined {
  const key = keyFor(row, column);
  return key === undefined ? undefined : text(row[key]);
}

export function hasColumn(header: readonly string[], column: string): boolean {
  const lower = column.toLowerCase();
  return header.some((h) => h.toLowerCase() === lower);
}
