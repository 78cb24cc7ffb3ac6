import type { JsonObject } from '../fields.js';
import { INVALID_JSON, skipContainer } from './json-skip.js';
import { latin1Text, utf8Text } from './bytes.js';

/**
 * The parts of a JSON record a format reads, to be cut from a line's bytes without parsing the rest. At each key:
 * `true` takes its value whole (as JSON.parse gives it); a spec takes, of an object value, only the keys it names;
 * `each(spec)` takes, of an array value, each element, objects cut to the keys that spec names. Any other value is
 * taken whole. Top-level keys are matched without regard to case, as formats look them up (`getLoose`: SIEM
 * re-exports lowercase them), and kept under their own spelling; `each(spec, { looseKeys: true })` matches the keys
 * of its elements so too.
 */
export interface ProjectionSpec {
  readonly [key: string]: ProjectionSpec | EachSpec | true;
}

const EACH = Symbol('each');

export interface EachSpec {
  readonly [EACH]: { spec: ProjectionSpec; looseKeys: boolean };
}

export function each(spec: ProjectionSpec, options: { looseKeys?: boolean } = {}): EachSpec {
  return { [EACH]: { spec, looseKeys: options.looseKeys ?? false } };
}

/** A key of a spec, compiled for matching its bytes (where keys are loose, its lower-case bytes). */
interface Key {
  name: string;
  /** Where its value goes in the object built. */
  slot: number;
  bytes: Uint8Array;
  lower: Uint8Array;
  /** The keys to take of an object value; undefined to take the value whole. */
  child: Level | undefined;
  /** The keys to take of each object of an array value. */
  each: Level | undefined;
}

/** The keys of one object, by length (an array indexed by length), and how the object is built from their values. */
interface Level {
  loose: boolean;
  byLength: (Key[] | undefined)[];
  /** The values read, by slot; reused (an object's members are read before the next object of its level). */
  values: unknown[];
  build: (values: unknown[]) => JsonObject;
}

export interface CompiledProjection {
  top: Level;
}

export function compileProjection(spec: ProjectionSpec): CompiledProjection {
  return { top: compileLevel(spec, true) };
}

function compileLevel(spec: ProjectionSpec, loose: boolean): Level {
  const byLength: Level['byLength'] = [];
  const names: string[] = [];
  for (const [name, child] of Object.entries(spec)) {
    if (!/^[\x20-\x7e]+$/.test(name) || name.includes('"') || name.includes('\\') || name === '__proto__') {
      throw new Error(`projection key ${JSON.stringify(name)}: printable ASCII only, no quote, backslash or __proto__`);
    }
    const lower = loose ? name.toLowerCase() : name;
    const list = byLength[name.length] ?? [];
    // Where keys are loose, keys that differ only in case are one: each spelling in a record is kept under its own.
    if (list.some((k) => (loose ? Buffer.from(lower).equals(k.lower) : k.name === name))) continue;
    const eachSpec = child !== true && EACH in child ? (child as EachSpec)[EACH] : undefined;
    list.push({
      name,
      slot: names.push(name) - 1,
      bytes: Buffer.from(name, 'latin1'),
      lower: Buffer.from(lower, 'latin1'),
      child: child === true || eachSpec ? undefined : compileLevel(child as ProjectionSpec, false),
      each: eachSpec ? compileLevel(eachSpec.spec, eachSpec.looseKeys) : undefined,
    });
    byLength[name.length] = list;
  }
  return { loose, byLength, values: new Array<unknown>(names.length), build: objectBuilder(names) };
}

/**
 * A function that builds the object of a level from its values by slot, written out as one object literal: every
 * object of a level then has one shape, and the format's reads of it stay monomorphic. The names are printable ASCII
 * without quotes or backslashes (checked above), written as JSON strings.
 */
function objectBuilder(names: readonly string[]): (values: unknown[]) => JsonObject {
  const members = names.map((name, slot) => `${JSON.stringify(name)}: v[${slot}]`).join(', ');
  return new Function('v', `return { ${members} };`) as (values: unknown[]) => JsonObject;
}

/** Not valid JSON here, or not to be read here: the line is left to JSON.parse. */
const NOT_HERE = -1;
const NOT_READ = Symbol('not read');

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const MINUS = 0x2d;

/**
 * The projection of one line holding one JSON object: a plain object with the keys the spec names, in the order the
 * line has them, each with the value JSON.parse would give it (the last of a repeated key, as JSON.parse keeps).
 * Undefined when the line is not exactly one valid JSON object, or has a key with an escape, or a loose key with
 * other than ASCII characters (either could name a spec key): JSON.parse then reads it, and says what is wrong.
 * Every byte is checked as JSON.parse checks it, whether its value is taken or not.
 */
export function projectJsonLine(bytes: Buffer, start: number, end: number, projection: CompiledProjection): JsonObject | undefined {
  const reader = new ProjectionReader(bytes, start, end);
  const at = skipSpace(bytes, start, end);
  if (bytes[at] !== LBRACE) return undefined;
  const record = reader.object(at, projection.top);
  if (record === undefined) return undefined;
  return skipSpace(bytes, reader.pos, end) === end ? record : undefined;
}

class ProjectionReader {
  /** Where the last value read ended. */
  pos = 0;
  /** Of the last string read: whether it had an escape, and a byte outside ASCII. */
  private escaped = false;
  private wide = false;
  /** The line as one-byte text, decoded at the first value taken: values are cut from it (see `ascii`). */
  private line: string | undefined;

  constructor(
    private readonly b: Buffer,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /**
   * ASCII bytes from..to as text, cut from the line decoded once: one decode a line and a cut a value cost half of a
   * decode a value (a line's offsets in one-byte text are its byte offsets, whatever its other bytes are).
   */
  private ascii(from: number, to: number): string {
    this.line ??= latin1Text(this.b, this.start, this.end);
    return this.line.slice(from - this.start, to - this.start);
  }

  /**
   * The object opening at `at`, as the level's shape: every key the level names, each with the value of its last
   * occurrence (undefined where it has none). Undefined if it cannot be read here, or if a loose key is spelled
   * otherwise than the spec's (a case the shape cannot tell from the key being missing).
   */
  object(at: number, level: Level): JsonObject | undefined {
    const b = this.b;
    const end = this.end;
    const loose = level.loose;
    const values = level.values;
    for (let k = 0; k < values.length; k++) values[k] = undefined;
    let i = at + 1;
    if (b[i]! <= 0x20) i = skipSpace(b, i, end);
    if (b[i] === RBRACE) {
      this.pos = i + 1;
      return level.build(values);
    }
    for (;;) {
      if (b[i] !== QUOTE) return undefined;
      const keyStart = i + 1;
      const keyEnd = this.string(i);
      if (keyEnd === NOT_HERE || this.escaped || (loose && this.wide)) return undefined;
      const match = this.wide ? undefined : find(level, b, keyStart, keyEnd - 1);
      i = keyEnd;
      if (b[i]! <= 0x20) i = skipSpace(b, i, end);
      if (b[i] !== COLON) return undefined;
      i++;
      if (b[i]! <= 0x20) i = skipSpace(b, i, end);
      if (match === undefined) {
        i = skipValue(b, i, end);
        if (i === NOT_HERE) return undefined;
      } else {
        if (match === OTHER_CASE) return undefined;
        const value = this.value(i, match.child, match.each);
        if (value === NOT_READ) return undefined;
        values[match.slot] = value;
        i = this.pos;
      }
      if (b[i]! <= 0x20) i = skipSpace(b, i, end);
      const c = b[i];
      if (c === COMMA) {
        i++;
        if (b[i]! <= 0x20) i = skipSpace(b, i, end);
        continue;
      }
      if (c !== RBRACE) return undefined;
      this.pos = i + 1;
      return level.build(values);
    }
  }

  /** The value at `at`, as JSON.parse gives it, cut to the keys `child` or `each` names. */
  private value(at: number, child: Level | undefined, each: Level | undefined): unknown {
    const b = this.b;
    const c = b[at];
    if (c === QUOTE) {
      const stop = this.string(at);
      if (stop === NOT_HERE) return NOT_READ;
      this.pos = stop;
      if (this.escaped) return JSON.parse(utf8Text(b, at, stop)) as unknown;
      return this.wide ? utf8Text(b, at + 1, stop - 1) : this.ascii(at + 1, stop - 1);
    }
    if (c === LBRACE && child !== undefined) {
      const inner = this.object(at, child);
      return inner === undefined ? NOT_READ : inner;
    }
    if (c === LBRACKET && each !== undefined) return this.array(at, each);
    const stop = skipValue(b, at, this.end);
    if (stop === NOT_HERE) return NOT_READ;
    this.pos = stop;
    if (c === LBRACE || c === LBRACKET) return JSON.parse(utf8Text(b, at, stop)) as unknown;
    if (c === 0x74) return true;
    if (c === 0x66) return false;
    if (c === 0x6e) return null;
    return Number(this.ascii(at, stop));
  }

  /** The array opening at `at`: its objects cut to the keys `each` names, its other elements whole. */
  private array(at: number, each: Level): unknown {
    const b = this.b;
    const end = this.end;
    const out: unknown[] = [];
    let i = skipSpace(b, at + 1, end);
    if (b[i] === RBRACKET) {
      this.pos = i + 1;
      return out;
    }
    for (;;) {
      const value = b[i] === LBRACE ? this.object(i, each) : this.value(i, undefined, undefined);
      if (value === undefined || value === NOT_READ) return NOT_READ;
      out.push(value);
      i = skipSpace(b, this.pos, end);
      const c = b[i];
      if (c === COMMA) {
        i = skipSpace(b, i + 1, end);
        continue;
      }
      if (c !== RBRACKET) return NOT_READ;
      this.pos = i + 1;
      return out;
    }
  }

  /** Reads past the string whose quote opens at `at`: the index after its closing quote, or NOT_HERE if invalid. */
  private string(at: number): number {
    const b = this.b;
    const end = this.end;
    let escaped = false;
    let wide = false;
    let i = at + 1;
    for (;;) {
      // Printable ASCII in a loop of its own: one lookup a byte, and most strings are nothing else.
      while (i < end && ASCII_PLAIN[b[i]!] === 1) i++;
      if (i >= end) return NOT_HERE;
      const c = b[i]!;
      if (c === QUOTE) break;
      if (c >= 0x80) {
        wide = true;
        i++;
        continue;
      }
      if (c !== BACKSLASH) return NOT_HERE;
      escaped = true;
      const e = escapeLength(b, i + 1, end);
      if (e === NOT_HERE) return NOT_HERE;
      i += 1 + e;
    }
    this.escaped = escaped;
    this.wide = wide;
    return i + 1;
  }
}

/** A key of a loose level spelled in another case than the spec's: a case the shape cannot tell from the key being missing. */
const OTHER_CASE = 'other case';

/**
 * The spec's key for the key bytes from..to; where keys are loose (only ASCII ones reach here), OTHER_CASE for one
 * that is a spec key in another case. The exact spelling is tried first: it is what a record almost always has.
 */
function find(level: Level, b: Buffer, from: number, to: number): Key | typeof OTHER_CASE | undefined {
  const candidates = level.byLength[to - from];
  if (candidates === undefined) return undefined;
  for (let n = 0; n < candidates.length; n++) {
    const k = candidates[n]!;
    if (sameBytes(b, from, k.bytes)) return k;
  }
  if (!level.loose) return undefined;
  for (let n = 0; n < candidates.length; n++) {
    const want = candidates[n]!.lower;
    let j = 0;
    for (; j < want.length; j++) {
      const c = b[from + j]!;
      if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== want[j]) break;
    }
    if (j === want.length) return OTHER_CASE;
  }
  return undefined;
}

function sameBytes(b: Buffer, from: number, want: Uint8Array): boolean {
  for (let j = 0; j < want.length; j++) if (b[from + j] !== want[j]) return false;
  return true;
}

function skipSpace(b: Buffer, i: number, end: number): number {
  while (i < end) {
    const c = b[i]!;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    i++;
  }
  return i;
}

/** What a byte is inside a JSON string: most are plain; a quote closes it, a backslash escapes, a control byte is invalid. */
const PLAIN = 0;
const CLOSE = 1;
const ESCAPE = 2;
const INVALID = 3;
const WIDE = 4;
const STRING_BYTE = new Uint8Array(256).map((_, c) =>
  c === QUOTE ? CLOSE : c === BACKSLASH ? ESCAPE : c < 0x20 ? INVALID : c >= 0x80 ? WIDE : PLAIN,
);
/** 1 for the bytes a string passes over that are printable ASCII (all but the quote and the backslash). */
const ASCII_PLAIN = STRING_BYTE.map((k) => (k === PLAIN ? 1 : 0));
/** 1 for every byte a string passes over as it is: printable ASCII and bytes outside ASCII. */
const STRING_PLAIN = STRING_BYTE.map((k) => (k === PLAIN || k === WIDE ? 1 : 0));

const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** The length of a valid escape after its backslash (`n`, `uXXXX`), or NOT_HERE. */
function escapeLength(b: Buffer, i: number, end: number): number {
  if (i >= end) return NOT_HERE;
  const c = b[i]!;
  if (c === QUOTE || c === BACKSLASH || c === 0x2f || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74) return 1;
  if (c !== 0x75 || i + 4 >= end) return NOT_HERE;
  return isHex(b[i + 1]!) && isHex(b[i + 2]!) && isHex(b[i + 3]!) && isHex(b[i + 4]!) ? 5 : NOT_HERE;
}

function skipString(b: Buffer, at: number, end: number): number {
  let i = at + 1;
  for (;;) {
    while (i < end && STRING_PLAIN[b[i]!] === 1) i++;
    if (i >= end) return NOT_HERE;
    const c = b[i]!;
    if (c === QUOTE) return i + 1;
    if (c !== BACKSLASH) return NOT_HERE;
    const e = escapeLength(b, i + 1, end);
    if (e === NOT_HERE) return NOT_HERE;
    i += 1 + e;
  }
}

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;

/** `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?` from `at`: the index after it, or NOT_HERE. */
function skipNumber(b: Buffer, at: number, end: number): number {
  let i = at;
  if (b[i] === MINUS) i++;
  if (i >= end) return NOT_HERE;
  if (b[i] === 0x30) i++;
  else if (isDigit(b[i])) while (i < end && isDigit(b[i])) i++;
  else return NOT_HERE;
  if (i < end && b[i] === 0x2e) {
    i++;
    if (!(i < end && isDigit(b[i]))) return NOT_HERE;
    while (i < end && isDigit(b[i])) i++;
  }
  if (i < end && (b[i] === 0x65 || b[i] === 0x45)) {
    i++;
    if (i < end && (b[i] === 0x2b || b[i] === MINUS)) i++;
    if (!(i < end && isDigit(b[i]))) return NOT_HERE;
    while (i < end && isDigit(b[i])) i++;
  }
  return i;
}

function skipLiteral(b: Buffer, at: number, end: number, word: Uint8Array): number {
  if (at + word.length > end) return NOT_HERE;
  for (let j = 0; j < word.length; j++) if (b[at + j] !== word[j]) return NOT_HERE;
  return at + word.length;
}

const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');
/** Skips one JSON value from `at` (no space before it), checking it as JSON.parse would: the index after it, or NOT_HERE. */
function skipValue(b: Buffer, at: number, end: number): number {
  const first = b[at];
  if (first === QUOTE) return skipString(b, at, end);
  if (first === MINUS || isDigit(first)) return skipNumber(b, at, end);
  if (first === 0x74) return skipLiteral(b, at, end, TRUE);
  if (first === 0x66) return skipLiteral(b, at, end, FALSE);
  if (first === 0x6e) return skipLiteral(b, at, end, NULL);
  if (first === LBRACE || first === LBRACKET) {
    const stop = skipContainer(b, at, end);
    return stop === INVALID_JSON ? NOT_HERE : stop;
  }
  return NOT_HERE;
}
