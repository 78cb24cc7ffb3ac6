import type { NormalizedEvent } from '../model/event.js';
import { UsageError } from '../shared/errors.js';
import { isObject, integer, text } from './fields.js';
import { parseTime } from '../shared/time.js';
import { cleanPath } from './url.js';

/** Event fields that `--map field=path` may set, each with the plain key the access-log format reads. */
const TARGETS = {
  time: 'timestamp',
  user: 'user',
  session: 'session_id',
  token: 'token_id',
  client: 'client_id',
  ip: 'ip',
  userAgent: 'user_agent',
  method: 'method',
  path: 'path',
  status: 'status',
} as const;

export type MappedField = keyof typeof TARGETS;
export type FieldMap = Partial<Record<MappedField, string>>;

export const MAPPABLE_FIELDS = Object.keys(TARGETS) as MappedField[];

/** Parses `--map field=path` values; a bad one is a usage error naming the fields. */
/** The overrides when there are any; no overrides (the common case) skips their work for every record. */
export function activeFieldMap(map: FieldMap | undefined): FieldMap | undefined {
  return map && Object.keys(map).length > 0 ? map : undefined;
}

export function parseFieldMap(specs: readonly string[]): FieldMap {
  const map: FieldMap = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const field = (eq > 0 ? spec.slice(0, eq) : spec).trim() as MappedField;
    const path = eq > 0 ? spec.slice(eq + 1).trim() : '';
    if (!(field in TARGETS) || path.length === 0) {
      throw new UsageError(`--map ${JSON.stringify(spec)} is not FIELD=PATH; FIELD is one of ${MAPPABLE_FIELDS.join(', ')}`);
    }
    map[field] = path;
  }
  return map;
}

const PATH_KEYS = new Map<string, readonly string[]>();

/** A mapped path's keys, split once per path (a handful per run), not once per record. */
function pathKeys(path: string): readonly string[] {
  let keys = PATH_KEYS.get(path);
  if (!keys) {
    keys = path.split('.');
    if (PATH_KEYS.size < 1000) PATH_KEYS.set(path, keys);
  }
  return keys;
}

/**
 * A record's value at a mapped path: a flat key with dots first (`headers.x-session-id` as one key), then nested.
 * Only a record's own keys count: `constructor` or `__proto__` is no field of a record that does not have it.
 */
function valueAt(record: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(record, path)) return record[path];
  let current: unknown = record;
  for (const key of pathKeys(path)) {
    if (!isObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * Copies mapped values under the plain names the generic access-log format reads, so that a log
 * with its own field names is detected and read with `--map` alone.
 */
export function injectMapped(record: unknown, map: FieldMap): unknown {
  if (!isObject(record)) return record;
  const out: Record<string, unknown> = { ...record };
  for (const [field, path] of Object.entries(map) as [MappedField, string][]) {
    const value = valueAt(record, path);
    if (value !== undefined) out[TARGETS[field]] = value;
  }
  return out;
}

/** Overrides the fields of an event that any format mapped, from the mapped paths of its record. */
export function applyMapped(event: NormalizedEvent, record: unknown, map: FieldMap): NormalizedEvent {
  if (!isObject(record)) return event;
  for (const [field, path] of Object.entries(map) as [MappedField, string][]) {
    const raw = valueAt(record, path);
    const value = text(raw);
    if (value === undefined) continue;
    switch (field) {
      case 'time': {
        const t = parseTime(raw);
        if (t !== undefined) event.time = t;
        break;
      }
      case 'user':
        event.user = value;
        break;
      case 'session':
        event.sessionId = value;
        break;
      case 'token':
        event.tokenId = value;
        break;
      case 'client':
        event.clientId = value;
        break;
      case 'ip':
        event.ip = value;
        break;
      case 'userAgent':
        event.userAgent = value;
        break;
      case 'method':
        event.method = value.toUpperCase();
        break;
      case 'path':
        event.path = cleanPath(value);
        break;
      case 'status': {
        const status = integer(raw);
        if (status !== undefined) event.status = status;
        break;
      }
    }
  }
  if (event.kind === 'request' && (map.method || map.path)) event.action = `${event.method ?? '-'} ${event.path ?? '-'}`;
  return event;
}
