import type { NormalizedEvent } from '../model/event.js';
import { countCoverage, describeGaps, emptyCoverage } from './coverage.js';
import { detectFormat } from './detect.js';
import { readBlock, type LineContainer } from './block.js';
import { injectMapped, type FieldMap } from './field-map.js';
import type { Container, LogFormat } from './format.js';
import { mappingSink, type MappedSink } from './map-record.js';
import { decodeText, describeFsError, openBytes, type ByteCounter, type InputFile } from './open.js';
import { BlockReader, startsWithGzipMagic } from './parallel/block-reader.js';
import type { BlockResult, ParseHelper } from './parallel/helper.js';
import { CsvSplitter } from './records/csv.js';
import { JsonRecordSplitter, jsonLayout } from './records/json.js';
import { LineSplitter } from './records/lines.js';
import type { RecordSink } from './records/sink.js';

/** Head of a file that detection looks at. */
const HEAD_CHARS = 64 * 1024;
/** Skipped lines listed per file; all are counted. */
export const MAX_LISTED_ERRORS = 1000;

export interface LineError {
  line: number;
  reason: string;
}

/** What reading one file produced, for the report. */
export interface InputReport {
  path: string;
  format: string | null;
  events: number;
  skipped: number;
  errors: LineError[];
  /** Skipped lines counted but not listed, past MAX_LISTED_ERRORS. */
  errorsNotListed: number;
  /** Why the file was not read at all (unknown format, empty), when it was not. */
  notRead?: string;
  /** What this input lacked for correlation, and what that means for the findings. */
  gaps: string[];
}

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
}

export interface Sharing {
  /** Smaller files are read on this thread alone. */
  minBytes: number;
  /** Bytes per block of lines. */
  blockBytes: number;
  /** The worker, started on first use. */
  helper(): ParseHelper;
}

/** Of every SHARE_CYCLE blocks, this thread parses the first; the worker the rest (this thread also builds sessions). */
const SHARE_CYCLE = 4;
/** Blocks read ahead of the one being taken: bounds the memory between the two threads. */
const BLOCKS_AHEAD = 6;

/** Reads one file from head to end: detects its format, parses and maps every record. */
export async function readInput(file: InputFile, options: ReadOptions): Promise<InputReport> {
  const fieldMap = options.fieldMap && Object.keys(options.fieldMap).length > 0 ? options.fieldMap : undefined;
  const report: InputReport = { path: file.path, format: null, events: 0, skipped: 0, errors: [], errorsNotListed: 0, gaps: [] };
  const coverage = emptyCoverage();
  const addError = (line: number, reason: string): void => {
    report.skipped++;
    if (report.errors.length < MAX_LISTED_ERRORS) report.errors.push({ line, reason });
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
  const sink = mappingSink(fmt, file.path, fieldMap, mapped);

  const container = lineContainer(fmt.container, head, exhausted);
  if (options.sharing && container && canShare(file, exhausted, options.sharing)) {
    // Read again from the first byte in blocks of whole lines; the head read so far only served detection.
    await chunks.return(undefined);
    try {
      await readShared(file, fmt.id, container, sink, mapped, options.sharing, options.onBytes);
    } catch (err) {
      addError(0, `reading stopped early: ${describeFsError(err)}`);
    }
    report.gaps = describeGaps(coverage, report.events);
    return report;
  }

  const splitter = createSplitter(fmt.container, sink);
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
    addError(0, `reading stopped early: ${describeFsError(err)}`);
  }
  report.gaps = describeGaps(coverage, report.events);
  return report;
}

/** The container, when its records are whole lines: text lines, or JSON with one value per line. */
function lineContainer(container: Container, head: string, exhausted: boolean): LineContainer | undefined {
  if (container === 'text') return 'text';
  if (container === 'json' && jsonLayout(head, exhausted) === 'lines') return 'json';
  return undefined;
}

function canShare(file: InputFile, exhausted: boolean, sharing: Sharing): boolean {
  return file.path !== '-' && !exhausted && (file.size ?? 0) >= sharing.minBytes && !startsWithGzipMagic(file.path);
}

/**
 * Reads a file in blocks of lines; this thread parses one block of every SHARE_CYCLE and the worker the others, and
 * the events are taken block by block in file order, so they come in the same order as a read on one thread.
 */
async function readShared(
  file: InputFile,
  format: string,
  container: LineContainer,
  sink: RecordSink,
  mapped: MappedSink,
  sharing: Sharing,
  onBytes: ByteCounter | undefined,
): Promise<void> {
  const reader = new BlockReader(file.path, sharing.blockBytes);
  const helper = sharing.helper();
  helper.openFile(file.path, format, container);
  type Queued = { own: Uint8Array } | { sent: Promise<BlockResult> };
  const queue: Queued[] = [];
  let count = 0;
  let ended = false;
  const readAhead = (): void => {
    while (!ended && queue.length < BLOCKS_AHEAD) {
      const next = reader.next();
      if (!next) {
        ended = true;
        break;
      }
      onBytes?.(next.bytesRead);
      queue.push(count++ % SHARE_CYCLE === 0 ? { own: next.block } : { sent: helper.parse(next.block) });
    }
  };
  let line = 1;
  try {
    readAhead();
    while (queue.length > 0) {
      const item = queue.shift()!;
      readAhead();
      if ('own' in item) {
        line = readBlock(item.own, container, sink, line);
        reader.recycle(item.own.buffer as ArrayBuffer);
      } else {
        const result = await item.sent;
        helper.decode(result, file.path, line, mapped.event);
        for (const [at, reason] of result.errors) mapped.error(at + line - 1, reason);
        line += result.lines;
        reader.recycle(result.bytes);
      }
    }
  } finally {
    reader.close();
  }
}

interface Splitter {
  push(text: string): void | Promise<void>;
  end(): void | Promise<void>;
}

function createSplitter(container: Container, sink: RecordSink): Splitter {
  switch (container) {
    case 'json':
      return new JsonRecordSplitter(sink);
    case 'csv':
      return new CsvSplitter(sink);
    case 'text':
      return new LineSplitter(sink);
  }
}
