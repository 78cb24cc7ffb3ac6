import { StringDecoder } from 'node:string_decoder';
import type { Container } from './format.js';
import { DEFAULT_MAX_RECORD_BYTES, exceedsLimit, oversizeReason } from './records/limit.js';
import { JsonRecordSplitter, readJsonLine } from './records/json.js';
import type { RecordSink } from './records/sink.js';
import { utf8Text } from './records/bytes.js';

/** Containers whose records are whole lines, so that a file can be cut at any line end and read in blocks. */
export type LineContainer = Extract<Container, 'json' | 'text'>;

/** Text is decoded in pieces of this size: V8 makes strings much above it far more slowly. */
const DECODE_BYTES = 64 * 1024;

/**
 * Reads one block of whole lines (the last block of a file may lack its final newline) whose first line is
 * `firstLine`; returns the number of the line after the block. Lines larger than `maxBytes` are skipped with the
 * reason, as when the file is read as a stream.
 */
export function readBlock(
  bytes: Uint8Array,
  container: LineContainer,
  sink: RecordSink,
  firstLine: number,
  maxBytes = DEFAULT_MAX_RECORD_BYTES,
): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (container === 'json' && sink.line) return readJsonLines(buffer, sink, firstLine, maxBytes);
  if (container === 'text') return readTextLines(buffer, sink, firstLine, maxBytes);
  const splitter = new JsonRecordSplitter(sink, { linesFrom: firstLine, maxBytes });
  const decoder = new StringDecoder('utf8');
  for (let at = 0; at < buffer.length; at += DECODE_BYTES) {
    splitter.push(decoder.write(buffer.subarray(at, at + DECODE_BYTES)));
  }
  const tail = decoder.end();
  if (tail.length > 0) splitter.push(tail);
  const next = splitter.nextLine;
  splitter.end();
  return next;
}

/**
 * A block of one-value-per-line JSON read line by line from its bytes, for a sink that maps lines straight from them
 * (`RecordSink.line`): each line is offered as bytes first, and decoded and parsed only if the sink leaves it. The
 * lines, their numbers, the blank lines passed over and the lines over the size limit are those the text reading
 * gives (LineSplitter, then JsonRecordSplitter), as a test holds on every fixture and the corpus.
 */
function readJsonLines(buffer: Buffer, sink: RecordSink, firstLine: number, maxBytes: number): number {
  return eachLine(buffer, firstLine, (start, end, line) => readJsonLineBytes(buffer, start, end, line, sink, maxBytes));
}

const NEWLINE = 0x0a;
const CR = 0x0d;

/**
 * A block of text lines, each decoded from its own bytes: the lines, their numbers, the blank lines passed over and
 * the lines over the size limit are those LineSplitter gives on the decoded text (a test holds the two equal). A line
 * decoded alone is a string of its own, where LineSplitter's is a cut of a 64 KB piece of text, which V8 reads more
 * slowly character by character (the text formats' readers do that all along a line: about a quarter of their time).
 */
function readTextLines(buffer: Buffer, sink: RecordSink, firstLine: number, maxBytes: number): number {
  return eachLine(buffer, firstLine, (start, end, line) => {
    if (end > start) readTextLine(buffer, start, end, line, sink, maxBytes);
  });
}

/**
 * Calls `read` with the bounds of every line of a block (without its newline or CR) and its number; returns the
 * number the block after it starts at. A last line without its newline is read, and not counted: the block after it
 * starts no line.
 */
function eachLine(buffer: Buffer, firstLine: number, read: (start: number, end: number, line: number) => void): number {
  const n = buffer.length;
  let line = firstLine;
  let start = 0;
  while (start < n) {
    const nl = buffer.indexOf(NEWLINE, start);
    let end = nl < 0 ? n : nl;
    if (end > start && buffer[end - 1] === CR) end--;
    read(start, end, line);
    if (nl < 0) return line;
    line++;
    start = nl + 1;
  }
  return line;
}

function readTextLine(buffer: Buffer, start: number, end: number, line: number, sink: RecordSink, maxBytes: number): void {
  const raw = utf8Text(buffer, start, end);
  if (3 * (end - start) > maxBytes && exceedsLimit(raw, maxBytes)) {
    sink.error(line, oversizeReason(maxBytes));
    return;
  }
  const first = raw.charCodeAt(0);
  if ((first > 32 && first < 127) || raw.trim().length > 0) sink.record(raw, line);
}

function readJsonLineBytes(buffer: Buffer, start: number, end: number, line: number, sink: RecordSink, maxBytes: number): void {
  if (end === start) return;
  const first = buffer[start]!;
  // Decoded, a line is at most three UTF-8 bytes per byte it has (U+FFFD for a byte that is no UTF-8): well within
  // the limit, and starting with a printable character, it is a line with text, as the text reading would find.
  if (3 * (end - start) <= maxBytes && first > 32 && first < 127) {
    if (!sink.line!(buffer, start, end, line)) readJsonLine(utf8Text(buffer, start, end), line, sink);
    return;
  }
  const raw = utf8Text(buffer, start, end);
  if (raw.length > maxBytes || exceedsLimit(raw, maxBytes)) {
    sink.error(line, oversizeReason(maxBytes));
    return;
  }
  if (raw.trim().length > 0) readJsonLine(raw, line, sink);
}
