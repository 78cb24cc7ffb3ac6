import { readBlock, type LineContainer } from '../block.js';
import type { FieldMap } from '../field-map.js';
import type { LogFormat } from '../format.js';
import { mappingSink, type MappedSink } from '../map-record.js';
import type { ByteCounter, InputFile } from '../open.js';
import { oversizeReason } from '../records/limit.js';
import { BlockReader } from './block-reader.js';
import type { BlockResult, ParseHelper } from './helper.js';

/** How a scan shares parsing with a worker thread. */
export interface Sharing {
  /** Smaller files are read on this thread alone. */
  minBytes: number;
  /** Bytes per block of lines. */
  blockBytes: number;
  /** The worker, started on first use. */
  helper(): ParseHelper;
  /** False once the worker has failed: later files are read on this thread alone. */
  usable(): boolean;
}

/** Of every SHARE_CYCLE blocks, this thread parses the first and the worker the others: this thread also builds sessions. */
const SHARE_CYCLE = 4;
/** Blocks read ahead of the one being taken: bounds the memory between the two threads. */
const BLOCKS_AHEAD = 6;

/**
 * Reads a file in blocks of whole lines, parsed by a worker thread and by this one, and hands the events on block by
 * block in file order, with their line numbers, exactly as a read on one thread hands them on.
 *
 * The split is fixed: letting this thread parse later blocks itself while the worker is behind (holding their events
 * until their turn) was measured slower, as the held events outlive the young generation and tax the collector.
 */
export async function readShared(
  file: InputFile,
  format: LogFormat,
  container: LineContainer,
  fieldMap: FieldMap | undefined,
  out: MappedSink,
  sharing: Sharing,
  onBytes: ByteCounter | undefined,
  maxRecordBytes: number,
): Promise<void> {
  const reader = new BlockReader(file.path, sharing.blockBytes, maxRecordBytes);
  const helper = sharing.helper();
  helper.openFile(file.path, format.id, container, maxRecordBytes);
  const sink = mappingSink(format, file.path, fieldMap, out);
  const queue: ({ own: Uint8Array } | { sent: Promise<BlockResult> } | { overlong: true })[] = [];
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
      if ('overlongLine' in next) queue.push({ overlong: true });
      else queue.push(count++ % SHARE_CYCLE === 0 ? { own: next.block } : { sent: helper.parse(next.block) });
    }
  };
  let line = 1;
  try {
    readAhead();
    while (queue.length > 0) {
      const item = queue.shift()!;
      readAhead();
      if ('overlong' in item) {
        // A line too long to hold, which the reader dropped as it read it.
        out.error(line++, oversizeReason(maxRecordBytes));
      } else if ('own' in item) {
        line = readBlock(item.own, container, sink, line, maxRecordBytes);
        reader.recycle(item.own.buffer as ArrayBuffer);
      } else {
        const result = await item.sent;
        helper.decode(result, file.path, line, out.event);
        for (const [at, reason] of result.errors) out.error(at + line - 1, reason);
        line += result.lines;
        reader.recycle(result.bytes);
      }
    }
  } finally {
    reader.close();
  }
}
