import type { RecordSink } from './sink.js';

/** Splits text into lines (LF or CRLF, last newline optional); each non-blank line is a record. */
export class LineSplitter {
  private pending = '';
  private line: number;

  constructor(
    private readonly sink: RecordSink,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /** The number of the line that the next text pushed starts on. */
  get nextLine(): number {
    return this.line;
  }

  push(text: string): void {
    const data = this.pending.length > 0 ? this.pending + text : text;
    let start = 0;
    for (;;) {
      const nl = data.indexOf('\n', start);
      if (nl < 0) break;
      this.emit(data.slice(start, nl));
      start = nl + 1;
    }
    this.pending = start === 0 ? data : data.slice(start);
  }

  end(): void {
    if (this.pending.length > 0) this.emit(this.pending);
    this.pending = '';
  }

  private emit(raw: string): void {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim().length > 0) this.sink.record(text, this.line);
    this.line++;
  }
}
