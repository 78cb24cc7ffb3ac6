/** Small, allocation-light readers for untyped log records. */

import { loosePathReader, type PathReader, pathReader } from './path-reader.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads a dotted path through nested objects (`client.userAgent.rawUserAgent`). */
export function getPath(record: unknown, path: string): unknown {
  return pathReader(path)(record);
}

/** Values that logs use to mean "nothing here". */
const EMPTY_MARKERS = new Set(['', '-', 'null', 'undefined', 'none', 'n/a', 'unknown', '(null)']);
const MAX_MARKER_LENGTH = 9;
/** 1 for the characters a marker starts with, in either case: a short value that starts otherwise is no marker. */
const MARKER_START = new Uint8Array(128);
for (const marker of EMPTY_MARKERS) {
  if (marker.length === 0) continue;
  MARKER_START[marker.toLowerCase().charCodeAt(0)] = 1;
  MARKER_START[marker.toUpperCase().charCodeAt(0)] = 1;
}

/** A trimmed non-empty string, or undefined for placeholders such as `-`, `null` and `""`. Numbers become strings. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  // Only short values can be markers, and only those that start as one: lower-casing every value would allocate a
  // string per field per event.
  if (t.length > MAX_MARKER_LENGTH) return t;
  if (t.length === 0) return undefined;
  const first = t.charCodeAt(0);
  return first < 128 && MARKER_START[first] === 1 && EMPTY_MARKERS.has(t.toLowerCase()) ? undefined : t;
}

/** The first of several paths that holds a usable string. */
export function firstText(record: unknown, paths: readonly string[]): string | undefined {
  for (const p of paths) {
    const v = text(getPath(record, p));
    if (v !== undefined) return v;
  }
  return undefined;
}

/** An integer from a number or a numeric string. */
export function integer(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

/** `true`/`false` from booleans or their string forms. */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  return undefined;
}

/**
 * Looks a key up case-insensitively: SIEM re-exports lowercase top-level keys
 * (`eventtype` for `eventType`). Exact match first, so vendor files pay nothing.
 */
export function getLoose(record: JsonObject, key: string): unknown {
  // One lookup where the key holds a value (most reads); `in` only to tell a key that holds undefined from none.
  const value = record[key];
  if (value !== undefined || key in record) return value;
  return lookUpInAnyCase(record, key);
}

/** The value of the first key of `record` that is `key` in another case. */
function lookUpInAnyCase(record: JsonObject, key: string): unknown {
  const lower = key.toLowerCase();
  for (const k of Object.keys(record)) {
    if (k.toLowerCase() === lower) return record[k];
  }
  return undefined;
}

/** A dotted path whose first key is matched case-insensitively (SIEM-lowercased top level) and the rest exactly. */
export function getLoosePath(record: unknown, path: string): unknown {
  return loosePathReader(path, lookUpInAnyCase)(record);
}

/** `getLoosePath` of each path, as a reader held by the caller: no lookup of the path's reader per read. */
export function loosePathReaders<T extends Record<string, string>>(paths: T): { readonly [K in keyof T]: PathReader } {
  return Object.fromEntries(Object.entries(paths).map(([name, path]) => [name, loosePathReader(path, lookUpInAnyCase)])) as {
    [K in keyof T]: PathReader;
  };
}

const MAX_QUOTED = 40;

/** A field value as a skip reason quotes it: JSON, cut to a short length. */
export function quoteValue(value: unknown): string {
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = String(value);
  }
  return shown.length > MAX_QUOTED ? `${shown.slice(0, MAX_QUOTED - 3)}...` : shown;
}

/** `null`, `array`, or the typeof name: for reasons such as "record is not a JSON object (array)". */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
