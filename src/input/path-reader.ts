/**
 * Readers of dotted paths (`client.userAgent.rawUserAgent`), one function per path, written out as property loads of
 * its keys. A loop over a path's keys makes every load a keyed lookup that sees every key of every path a format reads
 * (slow in V8 past a few); a load of its own per key and path sees one key, and the record shapes that key meets
 * (one, for records a projection builds). Paths are the formats' constants; each key is written as a JSON string,
 * which is a JavaScript string literal, and used only as a property name.
 */

export type PathReader = (record: unknown) => unknown;

/** `first` of `record` where its spelling differs in case (SIEM re-exports lowercase top-level keys). */
export type LooseLookup = (record: Record<string, unknown>, key: string) => unknown;

const READERS = new Map<string, PathReader>();
const LOOSE_READERS = new Map<string, PathReader>();
/** Paths are constants: a few hundred at most. Past this, readers are compiled again, not kept. */
const MAX_READERS = 10_000;

const IS_OBJECT = "v === null || typeof v !== 'object' || Array.isArray(v)";

function compile(path: string, loose: LooseLookup | undefined): PathReader {
  const keys = path.split('.').map((k) => JSON.stringify(k));
  const lines = ['let v = r;'];
  keys.forEach((key, i) => {
    lines.push(`if (${IS_OBJECT}) return undefined;`);
    // One load where the key holds a value (most reads); `in` only to tell a key that holds undefined from none.
    if (i === 0 && loose) lines.push(`{ const o = v; v = o[${key}]; if (v === undefined && !(${key} in o)) v = loose(o, ${key}); }`);
    else lines.push(`v = v[${key}];`);
  });
  lines.push('return v;');
  return new Function('loose', `return function readPath(r) {\n${lines.join('\n')}\n};`)(loose) as PathReader;
}

/** The reader of `path`, every key matched exactly. */
export function pathReader(path: string): PathReader {
  let reader = READERS.get(path);
  if (reader === undefined) {
    reader = compile(path, undefined);
    if (READERS.size < MAX_READERS) READERS.set(path, reader);
  }
  return reader;
}

/** The reader of `path` whose first key, missing as spelled, is looked up with `loose`. */
export function loosePathReader(path: string, loose: LooseLookup): PathReader {
  let reader = LOOSE_READERS.get(path);
  if (reader === undefined) {
    reader = compile(path, loose);
    if (LOOSE_READERS.size < MAX_READERS) LOOSE_READERS.set(path, reader);
  }
  return reader;
}
