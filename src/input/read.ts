import { statSync } from 'node:fs';
import type { InputReport } from '../model/report.js';
import type { NormalizedEvent } from '../model/event.js';
import { countCoverage, describeGaps, emptyCoverage } from './coverage.js';
import { detectFormat } from './detect.js';
import type { LineContainer } from './block.js';
import { activeFieldMap, injectMapped, type FieldMap } from './field-map.js';
import type { Container, LogFormat } from './format.js';
import { mappingSink, type MappedSink } from './map-record.js';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-error.js';
import { detach } from '../shared/detach.js';
import { decodeText, openBytes, type ByteCounter, type InputFile } from './open.js';
import { startsWithGzipMagic } from './parallel/block-reader.js';
import { CsvSplitter } from './records/csv.js';
import { JsonRecordSplitter, jsonLayout } from './records/json.js';
import { DEFAULT_MAX_RECORD_BYTES } from './records/limit.js';
import { LineSplitter } from './records/lines.js';
import type { RecordSink } from './records/sink.js';
import { readShared, type Sharing } from './parallel/shared-read.js';
import { readBlocksHere } from './read-blocks.js';

export type { Sharing } from './parallel/shared-read.js';

/** Head of a file that detection looks at. */
const HEAD_CHARS = 64 * 1024;
/** Skipped lines listed per file; all are counted. */
export const MAX_LISTED_ERRORS = 1000;

export interface ReadOptions {
  formats: readonly LogFormat[];
  forced?: LogFormat;
  onEvent(event: NormalizedEvent): void;
  onBytes?: ByteCounter;
  stdin?: NodeJS.ReadableStream;
  /** `--map field=path` overrides, for JSON and CSV records. */
  fieldMap?: FieldMap;
  /** Share parsing with a worker thread, for large files whose records are lines. */
  sharing?: Sharing;
  /** `--max-record-size`: larger records are skipped with the reason. */
  maxRecordBytes?: number;
}

/** What an input with nothing in it is: read, no events, and said so. */
export const EMPTY_FILE_WARNING = 'empty file: no events';

/** Reads one file from head to end: detects its format, parses and maps every record. */
export async function readInput(file: InputFile, options: ReadOptions): Promise<InputReport> {
  const fieldMap = activeFieldMap(options.fieldMap);
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const report: InputReport = { path: file.path, format: null, events: 0, skipped: 0, errors: [], errorsNotListed: 0, gaps: [] };
  if (file.notRead !== undefined) {
    report.notRead = file.notRead;
    return report;
  }
  const coverage = emptyCoverage();
  const addError = (line: number, reason: string): void => {
    report.skipped++;
    // A reason may quote the record: a cut of the text it came from, which it must not keep alive.
    if (report.errors.length < MAX_LISTED_ERRORS) report.errors.push({ line, reason: detach(reason) });
    else report.errorsNotListed++;
  };

  const chunks = decodeText(openBytes(file, options.stdin), options.onBytes)[Symbol.asyncIterator]();
  let head = '';
  let exhausted = false;
  try {
    while (head.length < HEAD_CHARS) {
      const next = await chunks.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      head += next.value;
    }
  } catch (err) {
    addError(0, `file could not be read: ${describeFsError(err)}`);
    report.notRead = report.errors[0]?.reason;
    return report;
  }

  if (exhausted && head.trim().length === 0) {
    report.warning = EMPTY_FILE_WARNING;
    return report;
  }

  let format = options.forced;
  if (!format) {
    const detection = detectFormat(head, options.formats, fieldMap ? (r) => injectMapped(r, fieldMap) : undefined);
    if ('reason' in detection) {
      report.notRead = detection.reason;
      return report;
    }
    format = detection.format;
  }
  report.format = format.id;

  const fmt = format;
  const mapped: MappedSink = {
    event(event) {
      report.events++;
      countCoverage(coverage, event);
      options.onEvent(event);
    },
    error: addError,
  };
  const container = lineContainer(fmt.container, head, exhausted, maxRecordBytes);
  if (options.sharing && container && canShare(file, options.sharing)) {
    // Read again from the first byte in blocks of whole lines; the head read so far only served detection.
    await chunks.return(undefined);
    try {
      const stoppedBy = await readShared(file, fmt, container, fieldMap, mapped, options.sharing, options.onBytes, maxRecordBytes);
      if (stoppedBy !== undefined) report.warning ??= `${stoppedBy}; the rest of the file was read on the main thread`;
    } catch (err) {
      stopOrThrow(err, addError);
    }
    report.gaps = describeGaps(coverage, report.events);
    return report;
  }

  const sink = mappingSink(fmt, file.path, fieldMap, mapped);
  if (((container === 'json' && sink.line) || container === 'text') && canReadAgain(file)) {
    // Lines this format maps straight from their bytes, or text lines (each then a string of its own, which the text
    // formats read faster than a cut of a larger text): read again from the first byte, in blocks of whole lines.
    await chunks.return(undefined);
    try {
      readBlocksHere(file.path, container, sink, options.onBytes, maxRecordBytes);
    } catch (err) {
      stopOrThrow(err, addError);
    }
    report.gaps = describeGaps(coverage, report.events);
    return report;
  }

  const splitter = createSplitter(fmt.container, sink, maxRecordBytes);
  try {
    await splitter.push(head);
    if (!exhausted) {
      for (;;) {
        const next = await chunks.next();
        if (next.done) break;
        await splitter.push(next.value);
      }
    }
    await splitter.end();
  } catch (err) {
    stopOrThrow(err, addError);
  }
  report.gaps = describeGaps(coverage, report.events);
  return report;
}

/**
 * A file that cannot be read to its end is reported and the scan goes on; a usage error raised by the scan itself
 * while it takes the events (a ceiling reached) ends the scan instead.
 */
function stopOrThrow(err: unknown, addError: (line: number, reason: string) => void): void {
  if (err instanceof UsageError) throw err;
  addError(0, `reading stopped early: ${describeFsError(err)}`);
}

/** The container, when its records are whole lines: text lines, or JSON with one value per line. */
function lineContainer(container: Container, head: string, exhausted: boolean, maxRecordBytes: number): LineContainer | undefined {
  if (container === 'text') return 'text';
  if (container === 'json' && jsonLayout(head, exhausted, maxRecordBytes) === 'lines') return 'json';
  return undefined;
}

/**
 * Whether to read a file in shared blocks: its size is the policy (`--worker always` shares even a small one). Only
 * a regular file can be: a pipe, a FIFO or a device cannot be opened again from its first byte (`<(cat f)`).
 */
function canShare(file: InputFile, sharing: Sharing): boolean {
  return sharing.usable() && (file.size ?? 0) >= sharing.minBytes && canReadAgain(file);
}

/** Whether a file can be read again from its first byte, in blocks of lines: a regular file, not gzip-compressed. */
function canReadAgain(file: InputFile): boolean {
  return file.path !== '-' && isRegularFile(file.path) && !startsWithGzipMagic(file.path);
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

interface Splitter {
  push(text: string): void | Promise<void>;
  end(): void | Promise<void>;
}

function createSplitter(container: Container, sink: RecordSink, maxBytes: number): Splitter {
  switch (container) {
    case 'json':
      return new JsonRecordSplitter(sink, { maxBytes });
    case 'csv':
      return new CsvSplitter(sink, { maxBytes });
    case 'text':
      return new LineSplitter(sink, { maxBytes });
  }
}
