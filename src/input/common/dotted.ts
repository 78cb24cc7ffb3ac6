import { isObject, type JsonObject } from '../fields.js';

/** Dotted paths are a handful of segments; deeper ones are not looked up (bounded work on any record). */
const MAX_SEGMENTS = 6;

/**
 * The value at a dotted path written flat, nested or mixed: `a.b.c` is the key `a.b.c`, or `a` → `b.c`, `a` → `b` → `c`,
 * `a.b` → `c`. Exact key case, as token claims and header maps are matched where case matters.
 */
export function dotted(record: unknown, path: string): unknown {
  if (!isObject(record)) return undefined;
  const segments = path.split('.');
  return segments.length > MAX_SEGMENTS ? record[path] : lookup(record, segments, 0);
}

function lookup(obj: JsonObject, segments: readonly string[], from: number): unknown {
  let key = segments[from]!;
  for (let end = from + 1; end <= segments.length; end++) {
    if (end > from + 1) key = `${key}.${segments[end - 1]!}`;
    const value = obj[key];
    if (value === undefined) continue;
    if (end === segments.length) return value;
    if (isObject(value)) {
      const inner = lookup(value, segments, end);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}
