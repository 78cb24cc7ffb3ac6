import { StringDecoder } from 'node:string_decoder';
import type { Container } from './format.js';
import { DEFAULT_MAX_RECORD_BYTES } from './records/limit.js';
import { JsonRecordSplitter } from './records/json.js';
import { LineSplitter } from './records/lines.js';
import type { RecordSink } from './records/sink.js';

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
  const splitter =
    container === 'json'
      ? new JsonRecordSplitter(sink, { linesFrom: firstLine, maxBytes })
      : new LineSplitter(sink, { firstLine, maxBytes });
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
