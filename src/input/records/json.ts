import { DEFAULT_MAX_RECORD_BYTES, exceedsLimit, oversizeReason } from './limit.js';
import { LineSplitter } from './lines.js';
import type { RecordSink } from './sink.js';

/** Keys of an object that wraps an array of records: Event Hub, Graph, CloudTrail, Reports API. */
const WRAPPER_KEYS = new Set(['records', 'Records', 'value', 'items']);
/** A top-level key longer than this is no wrapper key: the scanner stops collecting its text. */
const MAX_KEY_CHARS = 16;

export function wrappedArray(value: unknown): unknown[] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  // Four plain property reads: this runs for every record of a file.
  const o = value as { records?: unknown; Records?: unknown; value?: unknown; items?: unknown };
  if (Array.isArray(o.records)) return o.records;
  if (Array.isArray(o.Records)) return o.Records;
  if (Array.isArray(o.value)) return o.value;
  if (Array.isArray(o.items)) return o.items;
  return undefined;
}

function describeParseError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `invalid JSON: ${message.length > 120 ? `${message.slice(0, 117)}...` : message}`;
}

/**
 * One line of one-value-per-line JSON: its value is a record, or the records of the array it is or wraps
 * (`{"records": [...]}`); a line JSON.parse rejects is skipped with its reason.
 */
export function readJsonLine(raw: string, line: number, sink: RecordSink): void {
  const text = raw.trim();
  if (text.length === 0) return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    sink.error(line, describeParseError(err));
    return;
  }
  const inner = Array.isArray(value) ? value : wrappedArray(value);
  if (inner) {
    for (const item of inner) sink.record(item, line);
  } else {
    sink.record(value, line);
  }
}

/** The keys of an object that JsonRecordSplitter reads as a wrapper of records, when their value is an array. */
export const WRAPPER_KEY_NAMES: readonly string[] = [...WRAPPER_KEYS];

/**
 * How a JSON text is laid out, from its head: `lines` when it is one value per line (its first line parses whole),
 * `scan` when a value spans lines (an array, a pretty-printed object) or when the first line is too long to be read
 * whole (a compact wrapper such as CloudTrail's `{"Records": [...]}` is then read record by record). Undefined
 * while the head is too short to tell (only whitespace, or a first line not yet complete and more text to come).
 */
export function jsonLayout(head: string, atEnd: boolean, maxBytes = DEFAULT_MAX_RECORD_BYTES): 'lines' | 'scan' | undefined {
  let i = 0;
  while (i < head.length && isSpace(head.charCodeAt(i))) i++;
  if (i === head.length) return undefined;
  const first = head[i];
  if (first === '[') return 'scan';
  if (first !== '{') return 'lines';
  const lineStart = head.lastIndexOf('\n', i) + 1;
  const nl = head.indexOf('\n', i);
  if (nl < 0 && !atEnd) return head.length - lineStart > maxBytes + 1 ? 'scan' : undefined;
  let end = nl < 0 ? head.length : nl;
  if (head.charCodeAt(end - 1) === 13) end--;
  const line = head.slice(lineStart, end);
  if (exceedsLimit(line, maxBytes)) return 'scan';
  try {
    JSON.parse(line.trim());
    return 'lines';
  } catch {
    return 'scan';
  }
}

/**
 * Splits JSON text into records without parsing a file whole. Reads:
 * one value per line (NDJSON), a top-level array (compact or pretty-printed),
 * an object wrapping the array (`{"records": [...]}`, `{"value": [...]}`), single
 * pretty-printed objects, and several of these one after another.
 * Each record is reported with the 1-based line it starts on.
 */
export interface JsonOptions {
  /** The text is known to be one value per line, and its first line has this number. */
  linesFrom?: number;
  /** Records larger than this are skipped with the reason (`--max-record-size`). */
  maxBytes?: number;
  /** A text that is not one value per line and ends within this many characters is first tried whole; 0: never. */
  wholeUpTo?: number;
}

/**
 * Up to this many characters, a text that is not one value per line is held to its end and tried with one
 * JSON.parse (see readWhole): a small export, read once, would otherwise spend most of its time in the character
 * loop of `scan`, which runs cold (issue 12: the demo's Okta and Entra exports took about 20 ms that way).
 */
const WHOLE_UP_TO = 1 << 20;
/** In valid JSON: a string (which holds no raw line end), or a character `readWhole` counts. */
const WHOLE_TOKEN = /"(?:[^"\\\n]|\\.)*"|[{}[\]\n]/g;

export class JsonRecordSplitter {
  private mode: 'undecided' | 'lines' | 'scan' = 'undecided';
  private line = 1;
  private readonly maxBytes: number;
  private readonly wholeUpTo: number;
  /** The text held to be tried whole, while it may still be small enough; undefined once it is scanned. */
  private whole: string[] | undefined;
  private wholeChars = 0;
  /** One value per line: lines are cut (and held within the limit) by a line splitter. */
  private lines: LineSplitter | undefined;

  // Undecided: the text held until the first line shows the layout (or is too long to tell).
  private held: string[] = [];
  private heldChars = 0;
  /** Where the first value starts is known, and whether it is an object (only then does its first line decide). */
  private startSeen = false;

  // scanner state
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Depth at which a value starts a record; -1 while no records are expected. */
  private elementDepth = 0;
  private inRecord = false;
  private recordLine = 0;
  private recordParts: string[] = [];
  private recordChars = 0;
  private recordOversize = false;
  private topIsObject = false;
  private keyStart = -1;
  private keyCarry = '';
  private lastKey: string | undefined;
  private awaitingColon: string | undefined;
  private afterWrapperKey = false;
  private scalarInArray = false;
  private strayLine = 0;

  constructor(
    private readonly sink: RecordSink,
    options: JsonOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_RECORD_BYTES;
    this.wholeUpTo = options.wholeUpTo ?? WHOLE_UP_TO;
    if (options.linesFrom !== undefined) this.startLines(options.linesFrom);
  }

  /** The number of the line that the next text pushed starts on. */
  get nextLine(): number {
    return this.lines ? this.lines.nextLine : this.line;
  }

  push(text: string): void {
    if (this.mode === 'undecided') {
      this.held.push(text);
      this.heldChars += text.length;
      if (this.layoutShown(text)) this.decideMode(false);
      return;
    }
    if (this.lines) this.lines.push(text);
    else this.scanOrHold(text);
  }

  end(): void {
    if (this.mode === 'undecided') this.decideMode(true);
    if (this.whole !== undefined) {
      const text = this.whole.join('');
      this.whole = undefined;
      if (!this.readWhole(text)) this.scan(text);
    }
    if (this.lines) {
      this.lines.end();
    } else if (this.mode === 'scan' && this.inRecord) {
      this.sink.error(this.recordLine, 'unexpected end of input inside a JSON record (truncated file?)');
      this.inRecord = false;
    }
  }

  /**
   * Whether the text held so far shows the layout: it starts with something other than an object (no line need
   * end), or the object's first line has ended, or that line is too long to be read whole. Only the text just
   * pushed is searched, so that a long first line costs one pass.
   */
  private layoutShown(text: string): boolean {
    if (this.heldChars > this.maxBytes + 1) return true;
    let from = 0;
    if (!this.startSeen) {
      while (from < text.length && isSpace(text.charCodeAt(from))) from++;
      if (from === text.length) return false;
      this.startSeen = true;
      if (text.charCodeAt(from) !== 123) return true;
    }
    return text.indexOf('\n', from) >= 0;
  }

  private decideMode(atEnd: boolean): void {
    const text = this.held.length === 1 ? this.held[0]! : this.held.join('');
    this.held = [];
    // Undecided with more to come: the held text is longer than the limit and only blank, as far as it goes.
    const layout = jsonLayout(text, atEnd, this.maxBytes) ?? (atEnd ? undefined : 'scan');
    if (layout === undefined) return;
    if (layout === 'lines') {
      this.startLines(this.line);
      this.lines!.push(text);
    } else {
      this.mode = 'scan';
      if (this.wholeUpTo > 0) this.whole = [];
      this.scanOrHold(text);
    }
  }

  private scanOrHold(text: string): void {
    if (this.whole === undefined) {
      this.scan(text);
      return;
    }
    this.whole.push(text);
    this.wholeChars += text.length;
    if (this.wholeChars <= this.wholeUpTo) return;
    const held = this.whole.join('');
    this.whole = undefined;
    this.scan(held);
  }

  /**
   * A whole text that is one JSON array of objects, each within the limit: its records, each on the line its `{`
   * is on, exactly as `scan` reads them (then every string is one WHOLE_TOKEN, so braces inside strings are never
   * counted). False, having read nothing, for any other text: `scan` reads it and says what is wrong.
   */
  private readWhole(text: string): boolean {
    // A text cut short (a format probe's head) ends elsewhere than at its array's end: not worth a JSON.parse.
    let last = text.length - 1;
    while (last >= 0 && isSpace(text.charCodeAt(last))) last--;
    if (text.charCodeAt(last) !== 93) return false;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return false;
    }
    if (!Array.isArray(value)) return false;
    for (const item of value) if (item === null || typeof item !== 'object' || Array.isArray(item)) return false;
    const lines: number[] = [];
    let line = this.line;
    let depth = 0;
    let start = 0;
    const token = new RegExp(WHOLE_TOKEN);
    for (let m = token.exec(text); m !== null; m = token.exec(text)) {
      const c = text.charCodeAt(m.index);
      if (c === 10) line++;
      else if (c === 123 || c === 91) {
        if (depth === 1) {
          lines.push(line);
          start = m.index;
        }
        depth++;
      } else if (c === 125 || c === 93) {
        depth--;
        if (depth === 1 && exceedsLimit(text.slice(start, m.index + 1), this.maxBytes)) return false;
      }
    }
    if (lines.length !== value.length) return false;
    this.line = line;
    for (let i = 0; i < value.length; i++) this.sink.record(value[i], lines[i]!);
    return true;
  }

  private startLines(firstLine: number): void {
    this.mode = 'lines';
    this.lines = new LineSplitter(
      { record: (text, line) => this.handleLine(text as string, line), error: (line, reason) => this.sink.error(line, reason) },
      { firstLine, maxBytes: this.maxBytes },
    );
  }

  private handleLine(raw: string, line: number): void {
    readJsonLine(raw, line, this.sink);
  }

  private scan(text: string): void {
    const n = text.length;
    let recordStart = this.inRecord ? 0 : -1;
    if (this.keyStart >= 0) this.keyStart = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) {
          this.inString = false;
          if (this.keyStart >= 0) {
            this.awaitingColon = this.keyCarry + text.slice(this.keyStart, i);
            this.keyStart = -1;
            this.keyCarry = '';
          }
          if (this.scalarInArray) this.scalarInArray = false;
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (this.awaitingColon !== undefined) {
        if (c === 58) this.lastKey = this.awaitingColon;
        this.awaitingColon = undefined;
        if (c === 58) continue;
      }
      if (this.scalarInArray) {
        if (c === 44 || c === 93) this.scalarInArray = false;
        else continue;
      }
      const atElement = this.depth === this.elementDepth && !this.inRecord;
      if (c === 34) {
        this.inString = true;
        if (this.topIsObject && this.depth === 1 && !this.afterWrapperKeyPending()) {
          this.keyStart = i + 1;
          this.keyCarry = '';
        }
        if (atElement && this.depth > 0) this.rejectScalar(this.line);
        continue;
      }
      if (c === 123 || c === 91) {
        // { or [
        if (this.depth === 0 && !this.inRecord) {
          if (c === 91) {
            this.topIsObject = false;
            this.elementDepth = 1;
          } else {
            this.topIsObject = true;
            this.elementDepth = 0;
            this.beginRecord();
            recordStart = i;
          }
        } else if (this.topIsObject && this.depth === 1 && c === 91 && this.lastKey !== undefined && WRAPPER_KEYS.has(this.lastKey)) {
          // The top object wraps an array of records: drop the wrapper, read its elements.
          this.inRecord = false;
          this.recordParts = [];
          recordStart = -1;
          this.elementDepth = 2;
          this.afterWrapperKey = true;
        } else if (atElement) {
          this.beginRecord();
          recordStart = i;
        }
        this.lastKey = undefined;
        this.depth++;
        continue;
      }
      if (c === 125 || c === 93) {
        // } or ]
        this.depth--;
        if (this.depth < 0) {
          this.depth = 0;
          this.reportStray();
          continue;
        }
        if (this.inRecord && this.depth === this.elementDepth) {
          this.finishRecord(text, recordStart, i + 1);
          recordStart = -1;
        }
        if (this.afterWrapperKey && this.depth === 1 && c === 93) {
          this.elementDepth = -1;
          this.afterWrapperKey = false;
        }
        if (this.depth === 0) {
          this.elementDepth = 0;
          this.topIsObject = false;
        }
        continue;
      }
      if (c === 44 || c === 58) continue;
      if (this.depth === 0) {
        this.reportStray();
      } else if (atElement) {
        this.rejectScalar(this.line);
        this.scalarInArray = true;
      }
    }
    if (this.inRecord && recordStart >= 0) this.appendPart(text.slice(recordStart));
    if (this.keyStart >= 0) {
      // A key that spans pieces of text; one longer than any wrapper key is kept only in part (it cannot match).
      this.keyCarry += text.slice(this.keyStart, this.keyStart + MAX_KEY_CHARS + 1);
      if (this.keyCarry.length > MAX_KEY_CHARS) this.keyCarry = this.keyCarry.slice(0, MAX_KEY_CHARS + 1);
    }
  }

  private afterWrapperKeyPending(): boolean {
    return this.elementDepth === 2;
  }

  private beginRecord(): void {
    this.inRecord = true;
    this.recordLine = this.line;
    this.recordParts = [];
    this.recordChars = 0;
    this.recordOversize = false;
  }

  private appendPart(part: string): void {
    if (this.recordOversize) return;
    this.recordChars += part.length;
    if (this.recordChars > this.maxBytes) {
      this.recordOversize = true;
      this.recordParts = [];
      return;
    }
    this.recordParts.push(part);
  }

  private finishRecord(text: string, start: number, end: number): void {
    this.inRecord = false;
    if (start >= 0) this.appendPart(text.slice(start, end));
    const json = this.recordOversize ? '' : this.recordParts.length === 1 ? this.recordParts[0]! : this.recordParts.join('');
    this.recordParts = [];
    if (this.recordOversize || exceedsLimit(json, this.maxBytes)) {
      this.sink.error(this.recordLine, oversizeReason(this.maxBytes));
      return;
    }
    try {
      this.sink.record(JSON.parse(json), this.recordLine);
    } catch (err) {
      this.sink.error(this.recordLine, describeParseError(err));
    }
  }

  private rejectScalar(line: number): void {
    this.sink.error(line, 'array element is not a JSON object');
  }

  private reportStray(): void {
    if (this.strayLine === this.line) return;
    this.strayLine = this.line;
    this.sink.error(this.line, 'text outside any JSON record');
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}
