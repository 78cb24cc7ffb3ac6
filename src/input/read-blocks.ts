import { readBlock, type LineContainer } from './block.js';
import type { ByteCounter } from './open.js';
import { BlockReader } from './parallel/block-reader.js';
import { oversizeReason } from './records/limit.js';
import type { RecordSink } from './records/sink.js';

/** Bytes per block when a file is read in blocks on this thread alone. */
const BLOCK_BYTES = 1024 * 1024;

/**
 * Reads a file in blocks of whole lines on this thread, as the worker would: for a format that maps lines straight
 * from their bytes (`LogFormat.mapLine`), which a read of decoded text cannot offer it. The lines, their numbers and
 * the lines skipped are those of the text reading.
 */
export function readBlocksHere(
  path: string,
  container: LineContainer,
  sink: RecordSink,
  onBytes: ByteCounter | undefined,
  maxRecordBytes: number,
): void {
  const reader = new BlockReader(path, BLOCK_BYTES, maxRecordBytes);
  let line = 1;
  try {
    for (let next = reader.next(); next !== undefined; next = reader.next()) {
      onBytes?.(next.bytesRead);
      if ('overlongLine' in next) {
        // A line too long to hold, which the reader dropped as it read it.
        sink.error(line++, oversizeReason(maxRecordBytes));
        continue;
      }
      line = readBlock(next.block, container, sink, line, maxRecordBytes);
      reader.recycle(next.block.buffer);
    }
  } finally {
    reader.close();
  }
}
