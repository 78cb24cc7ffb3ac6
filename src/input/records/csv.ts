import { readCsvLine, type CsvRecordState } from './csv-line.js';
import { DEFAULT_MAX_RECORD_BYTES, formatSize } from './limit.js';
import { LineSplitter } from './lines.js';
import type { RecordSink } from './sink.js';

const UNBALANCED_QUOTE = 'unbalanced quote: a quoted value opens on this line and is not closed where a value may end';
const READ_ON = '(the lines after it are read on their own)';

/** A record that goes on over lines because a quoted value is open: its lines are kept, to be read again if it breaks. */
interface OpenRecord {
  state: CsvRecordState;
  lines: Line[];
  chars: number;
}

/** A line of text; `alone` when it is read again after a broken record, and may then not open one. */
interface Line {
  text: string;
  line: number;
  alone?: boolean;
}

/** A line to read, or a line the line splitter could not hand on (too long), in file order. */
type Item = Line | { error: string; line: number };

/**
 * Reads CSV with a header row. Each row becomes an object keyed by the header cell, trimmed; when a header repeats,
 * the first column of that name wins.
 *
 * A quoted value may span lines, but a stray quote must not swallow the rest of the file. A record that spans lines
 * is taken when its quoted value closes where a value may end (before a comma or the line end), within the size
 * limit, with no more cells than the header. Otherwise its first line is reported and the lines it took in are read
 * again, each on its own (one of them that leaves a quote open is reported too); reading then goes on as before.
 * So no line is read more than twice, and memory holds at most one record.
 */
export class CsvSplitter {
  private readonly lines: LineSplitter;
  private readonly maxBytes: number;
  private header: string[] | undefined;
  /** The header's cells that name a column, and the columns they read: the first of a repeated name. */
  private keys: string[] = [];
  private columns: number[] = [];
  /** Builds a row from its cells, set once the header is read. */
  private buildRow: (cells: readonly string[]) => Record<string, string> = () => ({});
  private open: OpenRecord | undefined;
  /** Lines waiting to be read, from `next`: more than one only while a broken record's lines are read again. */
  private queue: Item[] = [];
  private next = 0;
  private draining = false;
  /**
   * How the file ends its lines, from its first line end: LF or CRLF, or a CR alone (classic Mac OS, and Excel's
   * "CSV (Macintosh)"), read as LF; otherwise a whole CR file would be one header line and its rows silently lost.
   */
  private lineEnds: 'lf' | 'cr' | undefined;
  private heldCr = '';

  constructor(
    private readonly sink: RecordSink,
    options: { maxBytes?: number } = {},
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_RECORD_BYTES;
    this.lines = new LineSplitter(
      { record: (text, line) => this.onLine(text as string, line), error: (line, error) => this.drain({ error, line }) },
      { maxBytes: this.maxBytes, keepBlank: true },
    );
  }

  push(text: string): void {
    if (this.lineEnds === undefined) {
      text = this.heldCr + text;
      this.heldCr = '';
      const i = firstLineEnd(text);
      if (i < 0) {
        this.lines.push(text);
        return;
      }
      if (text.charCodeAt(i) === 13 && i === text.length - 1) {
        // A CR at the end of the text so far: CRLF or a CR alone, the next text tells.
        this.heldCr = '\r';
        this.lines.push(text.slice(0, i));
        return;
      }
      this.lineEnds = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10 ? 'cr' : 'lf';
    }
    this.lines.push(this.lineEnds === 'cr' ? text.replaceAll('\r', '\n') : text);
  }

  end(): void {
    if (this.heldCr) this.lines.push(this.heldCr);
    this.lines.end();
    if (this.open) this.abandon(UNBALANCED_QUOTE);
  }

  get headerCells(): string[] | undefined {
    return this.header;
  }

  /** A line from the splitter: read at once when nothing is open or queued (almost always), else in its turn. */
  private onLine(text: string, line: number): void {
    if (this.open === undefined && !this.draining) this.begin(text, line, false);
    else this.drain({ text, line });
  }

  /** Reads `first`, then the lines queued to be read again; the queue is only ever filled while this runs. */
  private drain(first?: Item): void {
    if (this.draining) return;
    this.draining = true;
    try {
      if (first) this.take(first);
      while (this.next < this.queue.length) this.take(this.queue[this.next++]!);
    } finally {
      if (this.queue.length > 0) this.queue = [];
      this.next = 0;
      this.draining = false;
    }
  }

  private take(item: Item): void {
    if ('error' in item) {
      // A line too long to read: it ends a record that was open, which is then broken.
      if (this.open) this.abandon(UNBALANCED_QUOTE, item);
      else this.sink.error(item.line, item.error);
      return;
    }
    const open = this.open;
    if (!open) {
      this.begin(item.text, item.line, item.alone === true);
      return;
    }
    open.lines.push(item);
    open.chars += item.text.length + 1;
    if (open.chars > this.maxBytes) {
      this.abandon(`${UNBALANCED_QUOTE} within ${formatSize(this.maxBytes)} (--max-record-size)`);
      return;
    }
    open.state.quoted += '\n';
    const outcome = readCsvLine(item.text, open.state);
    if (outcome === 'open' && !this.overgrown(open.state.cells)) return;
    if (outcome === 'complete' && this.fits(open.state.cells)) {
      if (this.exceeds(open)) {
        this.abandon(`${UNBALANCED_QUOTE} within ${formatSize(this.maxBytes)} (--max-record-size)`);
        return;
      }
      this.open = undefined;
      this.complete(open.state.cells, open.lines[0]!.line);
      return;
    }
    this.abandon(UNBALANCED_QUOTE);
  }

  private begin(raw: string, line: number, alone: boolean): void {
    const text = this.header === undefined && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (isBlank(text)) return;
    const state: CsvRecordState = { cells: [], quoted: null };
    const outcome = readCsvLine(text, state);
    if (outcome === 'complete') this.complete(state.cells, line);
    else if (outcome === 'open' && alone) this.sink.error(line, UNBALANCED_QUOTE);
    else if (outcome === 'open') this.open = { state, lines: [{ text, line }], chars: text.length };
    else this.sink.error(line, `unreadable CSV row: ${outcome.broken}`);
  }

  /** The open record is broken: its first line is reported, and the other lines it took in are read again on their own. */
  private abandon(reason: string, after?: Item): void {
    const open = this.open!;
    this.open = undefined;
    this.sink.error(open.lines[0]!.line, `${reason} ${READ_ON}`);
    const again: Item[] = open.lines.slice(1).map((l) => ({ text: l.text, line: l.line, alone: true }));
    if (after) again.push(after);
    this.queue = [...again, ...this.queue.slice(this.next)];
    this.next = 0;
    this.drain();
  }

  /** More cells than the header, some not empty: a record that spans lines has run away. */
  private overgrown(cells: string[]): boolean {
    const header = this.header;
    return header !== undefined && cells.length > header.length && hasTextFrom(cells, header.length);
  }

  /** A record that spans lines is taken only with as many cells as the header (empty extra cells aside). */
  private fits(cells: string[]): boolean {
    return this.header === undefined || (cells.length >= this.header.length && !this.overgrown(cells));
  }

  private exceeds(open: OpenRecord): boolean {
    if (open.chars * 3 <= this.maxBytes) return false;
    let bytes = open.lines.length - 1;
    for (const l of open.lines) bytes += Buffer.byteLength(l.text, 'utf8');
    return bytes > this.maxBytes;
  }

  private complete(record: string[], line: number): void {
    if (!this.header) {
      this.header = record.map((cell) => cell.trim());
      const seen = new Set<string>();
      this.header.forEach((key, column) => {
        // A name an empty object already has (constructor, toString, __proto__) never became a key of a row.
        if (seen.has(key) || key in EMPTY_ROW) return;
        seen.add(key);
        this.keys.push(key);
        this.columns.push(column);
      });
      this.buildRow = rowBuilder(this.keys, this.columns);
      return;
    }
    const width = this.header.length;
    if (record.length < width || hasTextFrom(record, width)) {
      this.sink.error(line, `row has ${record.length} cells, the header has ${width}`);
      return;
    }
    this.sink.record(this.buildRow(record), line);
  }
}

/** Where the first line of the text ends (at a CR or an LF); -1 when it does not. */
function firstLineEnd(text: string): number {
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  return cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
}

const EMPTY_ROW: Record<string, string> = {};

/**
 * A function that builds a row as one object literal of the header's keys, in the header's order: every row of a file
 * has one shape, and is built without a keyed store per cell (a loop of those stores went through V8's slow path,
 * its keys being new at each store). Keys are written as JSON strings, which are JavaScript string literals; none is
 * a name an empty object already has (`__proto__` among them), as `complete` checks.
 */
function rowBuilder(keys: readonly string[], columns: readonly number[]): (cells: readonly string[]) => Record<string, string> {
  const members = keys.map((key, k) => `${JSON.stringify(key)}: c[${columns[k]!}]`).join(', ');
  return new Function('c', `return { ${members} };`) as (cells: readonly string[]) => Record<string, string>;
}

/** Whether any cell from `from` on holds more than white space. */
function hasTextFrom(cells: readonly string[], from: number): boolean {
  for (let i = from; i < cells.length; i++) if (!isBlank(cells[i]!)) return true;
  return false;
}

/** `text.trim() === ''`, settled by the first character for almost every line. */
function isBlank(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return text.trim().length === 0;
}

/** The header and first records of a CSV text, as the reader would read them: what detection looks at. */
export function readCsvHead(text: string, maxRecords: number): { header: string[] | undefined; records: Record<string, string>[] } {
  const records: Record<string, string>[] = [];
  const splitter = new CsvSplitter({
    record: (value) => {
      if (records.length < maxRecords) records.push(value as Record<string, string>);
    },
    error: () => undefined,
  });
  splitter.push(text);
  splitter.end();
  return { header: splitter.headerCells, records };
}
