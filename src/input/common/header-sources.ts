import { isObject, type JsonObject } from '../fields.js';
import { CLIENT_HEADERS, flatHeaderName, type HeaderField, type RawHeaders } from './client-headers.js';
import { dotted } from './dotted.js';

/**
 * Where a JSON or CSV log keeps the client headers (client-headers.ts), as data:
 * - flat keys: OpenTelemetry `http.request.header.<name>` (string arrays), ECS-style `http.request.headers.<name>`,
 *   `headers.<name>`, `request_headers.<name>`, Traefik-style `request_<Name>`, and the header's own name as nginx
 *   variables and JSON `log_format`s write it (`signature_agent`, `http_signature_agent`);
 * - header maps: a `headers` or `request_headers` object, or `http.request.header(s)` nested, whose keys are header
 *   names in any case.
 * Names compare as the access log's conventions compare them: ignoring case, `_`, `-` and spaces.
 */
export const FLAT_HEADER_PREFIXES: readonly string[] = [
  '',
  'http_',
  'http.request.header.',
  'http.request.headers.',
  'headers.',
  'request_headers.',
  'request_',
];
export const HEADER_MAPS: readonly string[] = ['headers', 'request_headers', 'http.request.header', 'http.request.headers'];

/** Every accepted flat name, for documentation. */
export function headerNames(header: string): string[] {
  return FLAT_HEADER_PREFIXES.map((p) => (p === '' || p === 'http_' ? `${p}${flatHeaderName(header)}` : `${p}${header}`));
}

/** How names compare: lower case, without `_`, `-` and spaces. */
function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
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

/** Header names repeat from record to record: each is normalized once (a bounded memo; `null` is "not ours"). */
const MAP_KEY_FIELDS = new Map<string, HeaderField | null>();
const MAX_MEMO = 4096;

function fieldOfMapKey(key: string): HeaderField | undefined {
  let field = MAP_KEY_FIELDS.get(key);
  if (field === undefined) {
    field = BY_HEADER.get(normalizeName(key)) ?? null;
    if (MAP_KEY_FIELDS.size < MAX_MEMO) MAP_KEY_FIELDS.set(key, field);
  }
  return field ?? undefined;
}

function fromMap(map: unknown, into: RawHeaders): void {
  if (!isObject(map)) return;
  for (const k in map) {
    const field = fieldOfMapKey(k);
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

/**
 * The header getters for one set of top-level keys; empty when none of them can hold a client header. `prefixes` are
 * more flat-key prefixes a format knows (API Gateway's `authorizer.`), taken off before the name is matched.
 */
export function headerGetters(keys: readonly string[], prefixes: readonly string[] = []): HeaderGetter[] {
  const getters: HeaderGetter[] = [];
  let nested = false;
  for (const key of keys) {
    const n = normalizeName(key);
    const prefix = prefixes.find((p) => n.startsWith(p));
    const field = BY_FLAT_NAME.get(prefix === undefined ? n : n.slice(prefix.length));
    if (field !== undefined) getters.push(flatGetter(key, field));
    else if (MAP_NAMES.has(n)) getters.push(mapGetter(key));
    else if (HTTP_ROOTS.has(n)) nested = true;
  }
  if (nested) getters.push(nestedMapsGetter);
  return getters;
}

/** Distinct key sets remembered by a reader; a file rarely has more than a handful. */
const MAX_SHAPES = 64;

/**
 * Reads client headers from records of any shape, working out once per set of top-level keys where they can be (for
 * formats that read a record field by field, without the access log's resolver).
 */
export class HeaderReader {
  private readonly prefixes: readonly string[];

  /** `prefixes`: flat-key prefixes of the format's own (see headerGetters). */
  constructor(prefixes: readonly string[] = []) {
    this.prefixes = prefixes.map(normalizeName);
  }

  private readonly shapes = new Map<string, HeaderGetter[]>();
  private lastKeys: string[] = [];
  private lastGetters: HeaderGetter[] = [];

  read(obj: JsonObject, into: RawHeaders = {}): RawHeaders {
    const getters = this.gettersFor(obj);
    for (let i = 0; i < getters.length; i++) getters[i]!(obj, into);
    return into;
  }

  private gettersFor(obj: JsonObject): HeaderGetter[] {
    if (sameKeys(obj, this.lastKeys)) return this.lastGetters;
    const keys = Object.keys(obj);
    const signature = keys.join('\u0000');
    let getters = this.shapes.get(signature);
    if (!getters) {
      getters = headerGetters(keys, this.prefixes);
      if (this.shapes.size >= MAX_SHAPES) this.shapes.clear();
      this.shapes.set(signature, getters);
    }
    this.lastKeys = keys;
    this.lastGetters = getters;
    return getters;
  }
}

function sameKeys(obj: JsonObject, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in obj) {
    if (k !== keys[i]) return false;
    i++;
  }
  return i === keys.length && i > 0;
}
