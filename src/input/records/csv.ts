import { parse, type Parser } from 'csv-parse';
import type { RecordSink } from './sink.js';

/**
 * Reads CSV with a header row. Each row becomes an object keyed by the header cell,
 * trimmed; when a header repeats, the first column of that name wins.
 */
export class CsvSplitter {
  private readonly parser: Parser;
  private header: string[] | undefined;
  private readonly done: Promise<void>;

  constructor(private readonly sink: RecordSink) {
    this.parser = parse({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
    });
    this.parser.on('data', (row: { record: string[]; info: { lines: number; records: number } }) => this.onRow(row));
    this.parser.on('skip', (err: Error & { lines?: number }) => {
      this.sink.error(err.lines ?? 0, `unreadable CSV row: ${err.message}`);
    });
    this.done = new Promise((resolve, reject) => {
      this.parser.on('end', () => resolve());
      this.parser.on('error', reject);
    });
  }

  async push(text: string): Promise<void> {
    if (!this.parser.write(text)) await new Promise((resolve) => this.parser.once('drain', resolve));
  }

  async end(): Promise<void> {
    this.parser.end();
    await this.done;
  }

  private onRow({ record, info }: { record: string[]; info: { lines: number } }): void {
    if (!this.header) {
      this.header = record.map((cell) => cell.trim());
      return;
    }
    const header = this.header;
    const extra = record.slice(header.length);
    if (record.length < header.length || extra.some((cell) => cell.trim() !== '')) {
      this.sink.error(info.lines, `row has ${record.length} cells, the header has ${header.length}`);
      return;
    }
    const row: Record<string, string> = {};
    for (let i = 0; i < header.length && i < record.length; i++) {
      const key = header[i]!;
      if (!(key in row)) row[key] = record[i]!;
    }
    this.sink.record(row, info.lines);
  }

  get headerCells(): string[] | undefined {
    return this.header;
  }
}
