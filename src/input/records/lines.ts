import { DEFAULT_MAX_RECORD_BYTES, exceedsLimit, oversizeReason } from './limit.js';
import type { RecordSink } from './sink.js';

export interface LineOptions {
  /** The number of the first line pushed. */
  firstLine?: number;
  /** Lines larger than this are skipped with the reason (`--max-record-size`). */
  maxBytes?: number;
  /** Hand on blank lines too (a CSV value in quotes may hold one); by default they are passed over, and counted. */
  keepBlank?: boolean;
}

/**
 * Splits text into lines (LF or CRLF, last newline optional); each non-blank line is a record.
 *
 * Linear in the text, whatever the length of its lines: each piece of text is searched for a line end once, and
 * the pieces of a line that spans several are joined once, when it ends. A line over the size limit is not kept:
 * its pieces are dropped as they come until its end, where it is reported, so memory stays within the limit.
 */
export class LineSplitter {
  private parts: string[] = [];
  private partChars = 0;
  /** The line being read is over the limit: its text is dropped up to its end. */
  private overlong = false;
  private line: number;
  private readonly maxBytes: number;
  private readonly keepBlank: boolean;

  constructor(
    private readonly sink: RecordSink,
    options: LineOptions = {},
  ) {
    this.line = options.firstLine ?? 1;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_RECORD_BYTES;
    this.keepBlank = options.keepBlank ?? false;
  }

  /** The number of the line that the next text pushed starts on. */
  get nextLine(): number {
    return this.line;
  }

  push(text: string): void {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      this.endLine(text, start, nl);
      start = nl + 1;
    }
    if (start < text.length) this.hold(start === 0 ? text : text.slice(start));
  }

  end(): void {
    if (this.overlong || this.parts.length > 0) this.endLine('', 0, 0);
  }

  private hold(piece: string): void {
    if (this.overlong) return;
    this.partChars += piece.length;
    // One more character may be the CR of a CRLF, which is no part of the line.
    if (this.partChars > this.maxBytes + 1) {
      this.overlong = true;
      this.parts = [];
      this.partChars = 0;
      return;
    }
    this.parts.push(piece);
  }

  /** The line that ends at `end` of `text` (its start, `from`, is where the held pieces leave off). */
  private endLine(text: string, from: number, end: number): void {
    const line = this.line++;
    if (this.overlong) {
      this.overlong = false;
      this.sink.error(line, oversizeReason(this.maxBytes));
      return;
    }
    if (end > from && text.charCodeAt(end - 1) === 13) end--;
    else if (end === from && this.parts.length > 0 && this.parts.at(-1)!.endsWith('\r')) {
      // The CR was the last character of the held text.
      const last = this.parts.pop()!;
      this.parts.push(last.slice(0, -1));
      this.partChars--;
    }
    if (this.partChars + (end - from) > this.maxBytes) {
      this.parts = [];
      this.partChars = 0;
      this.sink.error(line, oversizeReason(this.maxBytes));
      return;
    }
    let raw: string;
    if (this.parts.length === 0) raw = text.slice(from, end);
    else {
      this.parts.push(text.slice(from, end));
      raw = this.parts.join('');
      this.parts = [];
      this.partChars = 0;
    }
    if (exceedsLimit(raw, this.maxBytes)) {
      this.sink.error(line, oversizeReason(this.maxBytes));
      return;
    }
    if (this.keepBlank || hasText(raw)) this.sink.record(raw, line);
  }
}

/** Whether a line holds more than white space: the first character settles it for almost every line. */
function hasText(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c > 32 && c < 127) return true;
  return line.trim().length > 0;
}
