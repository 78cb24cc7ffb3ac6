import { isObject, type JsonObject } from '../fields.js';
import { CLIENT_HEADERS, flatHeaderName, type HeaderField, type RawHeaders } from '../common/client-headers.js';
import { dotted } from '../common/dotted.js';
import { normalizeName } from './conventions.js';

/**
 * Where an access log keeps the client headers (common/client-headers.ts), as data:
 * - flat keys: OpenTelemetry `http.request.header.<name>` (string arrays), ECS-style `http.request.headers.<name>`,
 *   `headers.<name>`, `request_headers.<name>`, Traefik-style `request_<Name>`, and the header's own name as nginx
 *   variables and JSON `log_format`s write it (`signature_agent`, `http_signature_agent`);
 * - header maps: a `headers` or `request_headers` object, or `http.request.header(s)` nested, whose keys are header
 *   names in any case.
 * Names compare as conventions.ts compares them: ignoring case, `_`, `-` and spaces.
 */
export const FLAT_HEADER_PREFIXES: readonly string[] = ['', 'http_', 'http.request.header.', 'http.request.headers.', 'headers.', 'request_headers.', 'request_'];
export const HEADER_MAPS: readonly string[] = ['headers', 'request_headers', 'http.request.header', 'http.request.headers'];

/** Every accepted flat name, for documentation. */
export function headerNames(header: string): string[] {
  return FLAT_HEADER_PREFIXES.map((p) => (p === '' || p === 'http_' ? `${p}${flatHeaderName(header)}` : `${p}${header}`));
}

const BY_FLAT_NAME = new Map<string, HeaderField>();
const BY_HEADER = new Map<string, HeaderField>();
for (const { header, field } of CLIENT_HEADERS) {
  BY_HEADER.set(normalizeName(header), field);
  for (const name of headerNames(header)) BY_FLAT_NAME.set(normalizeName(name), field);
}
const MAP_NAMES = new Set(HEADER_MAPS.map(normalizeName));
/** Top-level keys that may lead to a nested `http.request.header(s)` map. */
const HTTP_ROOTS = new Set(['http', 'http.request'].map(normalizeName));

/** Reads the header values one record shape holds into `into`, keeping values already found. */
export type HeaderGetter = (obj: JsonObject, into: RawHeaders) => void;

function flatGetter(key: string, field: HeaderField): HeaderGetter {
  return (obj, into) => {
    if (into[field] === undefined && obj[key] !== undefined) into[field] = obj[key];
  };
}

function fromMap(map: unknown, into: RawHeaders): void {
  if (!isObject(map)) return;
  for (const k in map) {
    const field = BY_HEADER.get(normalizeName(k));
    if (field !== undefined && into[field] === undefined) into[field] = map[k];
  }
}

function mapGetter(key: string): HeaderGetter {
  return (obj, into) => fromMap(obj[key], into);
}

/** `http` → `request` → `headers`, or any mix of flat and nested keys on the way. */
const nestedMapsGetter: HeaderGetter = (obj, into) => {
  fromMap(dotted(obj, 'http.request.header'), into);
  fromMap(dotted(obj, 'http.request.headers'), into);
};

/** The header getters for one set of top-level keys; empty when none of them can hold a client header. */
export function headerGetters(keys: readonly string[]): HeaderGetter[] {
  const getters: HeaderGetter[] = [];
  let nested = false;
  for (const key of keys) {
    const n = normalizeName(key);
    const field = BY_FLAT_NAME.get(n);
    if (field !== undefined) getters.push(flatGetter(key, field));
    else if (MAP_NAMES.has(n)) getters.push(mapGetter(key));
    else if (HTTP_ROOTS.has(n)) nested = true;
  }
  if (nested) getters.push(nestedMapsGetter);
  return getters;
}
