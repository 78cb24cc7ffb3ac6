import { cleanPath } from '../url.js';
/** Readers for the values of access-log fields; each returns undefined for a value it cannot use. */

import { integer, isObject, text, type JsonObject } from '../fields.js';

/** Longer than every placeholder `text()` rejects (`undefined` has 9 characters). */
const LONGER_THAN_PLACEHOLDERS = 9;

const plainEdge = (c: number): boolean => c > 32 && c < 127;

/**
 * `text()`, also taking the first string of an array (OTel captured headers are string arrays).
 * Fast path, run per field per event: a long string with no space at either end is returned as is,
 * which is what `text()` would return, without its trim and lower-casing.
 */
export function textOf(value: unknown): string | undefined {
  if (
    typeof value === 'string' &&
    value.length > LONGER_THAN_PLACEHOLDERS &&
    plainEdge(value.charCodeAt(0)) &&
    plainEdge(value.charCodeAt(value.length - 1))
  ) {
    return value;
  }
  return text(Array.isArray(value) ? value[0] : value);
}

/** HTTP methods are tokens: GET, PROPFIND, M-SEARCH. Rejects OTel's `_OTHER` placeholder and binary junk. */
const METHOD = /^[A-Za-z][A-Za-z-]{0,19}$/;

/** Methods as most logs write them, returned without any further check. */
const COMMON_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export function readMethod(value: unknown): string | undefined {
  if (typeof value === 'string' && COMMON_METHODS.has(value)) return value;
  const t = textOf(value);
  return t !== undefined && METHOD.test(t) ? t.toUpperCase() : undefined;
}

export function readStatus(value: unknown): number | undefined {
  const n = integer(value);
  return n !== undefined && n >= 100 && n <= 599 ? n : undefined;
}

/**
 * The path of a path, path-and-query or absolute URL, without query string, fragment or `;jsessionid=`:
 * queries carry tokens, codes and signatures, and the report must not echo them.
 */

export { cleanPath };

export function readPath(value: unknown): string | undefined {
  const t = textOf(value);
  return t === undefined ? undefined : cleanPath(t);
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** An address without port (`10.0.0.1:5432`, `[::1]:80`); the first of a forwarded-for list. */
export function readIp(value: unknown): string | undefined {
  let s = textOf(value);
  if (s === undefined) return undefined;
  const comma = s.indexOf(',');
  if (comma >= 0) s = s.slice(0, comma).trim();
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end > 1) return s.slice(1, end);
  }
  const colon = s.indexOf(':');
  if (colon > 0 && s.indexOf(':', colon + 1) < 0 && IPV4.test(s.slice(0, colon))) return s.slice(0, colon);
  return s.length > 0 ? s : undefined;
}

/** `GET /path?q HTTP/1.1` → method and clean path; either may be missing when the line is junk. */
export function splitRequestLine(line: string): { method?: string; path?: string } {
  const parts = line.trim().split(/\s+/, 3);
  if (parts.length >= 2) {
    const method = readMethod(parts[0]);
    if (method !== undefined) return { method, path: cleanPath(parts[1]!) };
  }
  if (parts.length === 1 && parts[0]!.startsWith('/')) return { path: cleanPath(parts[0]!) };
  return {};
}

/** A value as a skip reason quotes it: at most 40 characters. */
export function quote(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    s = Object.prototype.toString.call(value);
  }
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}...` : s);
}

/**
 * OTel attributes as an object: as written by most loggers, or the OTLP/JSON list
 * `[{"key": "http.request.method", "value": {"stringValue": "GET"}}]`.
 */
export function attributesObject(value: unknown): JsonObject | undefined {
  if (isObject(value)) return value;
  if (!Array.isArray(value)) return undefined;
  const out = Object.create(null) as JsonObject;
  for (const item of value) {
    if (isObject(item) && typeof item.key === 'string') out[item.key] = anyValue(item.value);
  }
  return out;
}

function anyValue(v: unknown): unknown {
  if (!isObject(v)) return v;
  if ('stringValue' in v) return v.stringValue;
  if ('intValue' in v) return v.intValue;
  if ('doubleValue' in v) return v.doubleValue;
  if ('boolValue' in v) return v.boolValue;
  const list = v.arrayValue;
  if (isObject(list) && Array.isArray(list.values)) return list.values.map(anyValue);
  return undefined;
}
