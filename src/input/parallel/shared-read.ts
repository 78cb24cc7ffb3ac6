import { readBlock, type LineContainer } from '../block.js';
import type { FieldMap } from '../field-map.js';
import type { LogFormat } from '../format.js';
import { mappingSink, type MappedSink } from '../map-record.js';
import type { ByteCounter, InputFile } from '../open.js';
import { oversizeReason } from '../records/limit.js';
import { BlockReader } from './block-reader.js';
import type { ParseHelper, SentBlock } from './helper.js';
import type { SharePolicy } from './share-policy.js';

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
  /** Whether to send each block: a new policy per file, which measures that file's costs. */
  policy(): SharePolicy;
  /** Stops the worker for the rest of the scan (its policy sends no more blocks): later files are read on this thread. */
  retire(): void;
}

/** Blocks read ahead of the one being taken: the worker's queue, and a bound on the memory between the threads. */
const BLOCKS_AHEAD = 8;
/**
 * Blocks read ahead while the policy sends none (`auto` on a busy machine reads alone for the whole file): eight
 * would only hold 8 MB more, read long before they are parsed.
 */
const BLOCKS_AHEAD_ALONE = 2;

interface SentItem {
  sent: SentBlock;
  block: Uint8Array;
  answered: boolean;
  /** Who still needs the block's bytes: the worker until it answers, this thread until it is done with the block. */
  holders: number;
}

type Item = { own: Uint8Array } | SentItem | { overlong: true };

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Settles when `promise` does, or after `ms`, whichever comes first. */
function within(promise: Promise<unknown>, ms: number): Promise<void> {
  const settled = promise.then(
    () => undefined,
    () => undefined,
  );
  if (ms === Infinity) return settled;
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void settled.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Reads a file in blocks of whole lines, parsed by a worker thread and by this one, and hands the events on block by
 * block in file order, with their line numbers, exactly as a read on one thread hands them on. If the worker stops
 * before the end (it ran out of its memory, say), the blocks it did not answer are parsed here: the events are the
 * same, and the reason it stopped is returned.
 *
 * The policy says which blocks are sent. This thread takes them in order: a block it kept, it parses; a block whose
 * events the worker sent back, it decodes; a block the worker has not started when its turn comes, it takes back and
 * parses itself, so that it never waits for a worker that is behind (a busy machine), only for one at work on that
 * very block. Parsing later blocks ahead while the worker is behind, holding their events until their turn, was
 * measured slower: the held events outlive the young generation and tax the collector.
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
): Promise<string | undefined> {
  const reader = new BlockReader(file.path, sharing.blockBytes, maxRecordBytes);
  const policy = sharing.policy();
  // The worker is started (or told of this file) when the first block is sent: on a machine without a core to spare,
  // `auto` sends none, and a thread that loads its modules only to idle costs this one time on the shared cores.
  let helper: ParseHelper | undefined;
  const worker = (): ParseHelper => {
    if (helper === undefined) {
      helper = sharing.helper();
      helper.openFile(file.path, format.id, container, maxRecordBytes);
    }
    return helper;
  };
  if (policy.waitsForWorker) await worker().ready;
  const sink = mappingSink(format, file.path, fieldMap, out);
  const queue: Item[] = [];
  let ended = false;
  const readAhead = (): void => {
    while (!ended && queue.length < (policy.sharing ? BLOCKS_AHEAD : BLOCKS_AHEAD_ALONE)) {
      const next = reader.next();
      if (!next) {
        ended = true;
        break;
      }
      onBytes?.(next.bytesRead);
      if ('overlongLine' in next) {
        queue.push({ overlong: true });
        continue;
      }
      const sent = !helper?.failed && policy.send(helper?.pending ?? 0) ? worker().parse(next.block) : undefined;
      if (sent === undefined) {
        queue.push({ own: next.block });
        continue;
      }
      const item: SentItem = { sent, block: next.block, answered: false, holders: 2 };
      void sent.reply.then(
        () => {
          item.answered = true;
          release(item);
        },
        () => undefined,
      );
      queue.push(item);
    }
  };
  /** The buffer is used again once the worker has answered for it and this thread is done with it. */
  const release = (item: SentItem): void => {
    if (--item.holders === 0) reader.recycle(item.block.buffer);
  };
  /** Parses a block on this thread, timing it for the policy. */
  const parseHere = (block: Uint8Array, firstLine: number): number => {
    const t0 = performance.now();
    const next = readBlock(block, container, sink, firstLine, maxRecordBytes);
    policy.parsedHere(performance.now() - t0, block.byteLength);
    return next;
  };
  let line = 1;
  let stoppedBy: string | undefined;
  try {
    readAhead();
    while (queue.length > 0) {
      if (policy.retired && helper && !helper.failed && !queue.some((queued) => 'sent' in queued)) sharing.retire();
      // Let the worker's answers that have come in be seen: they free its room for more blocks.
      if (helper && helper.pending > 0) await nextTurn();
      const item = queue.shift()!;
      readAhead();
      if ('overlong' in item) {
        // A line too long to hold, which the reader dropped as it read it.
        out.error(line++, oversizeReason(maxRecordBytes));
      } else if ('own' in item) {
        line = parseHere(item.own, line);
        policy.blockDone(item.own.byteLength);
        reader.recycle(item.own.buffer);
      } else {
        // A block was sent: the worker was started for it.
        const sentTo = helper!;
        if (!item.answered) {
          if (!sentTo.failed && !sentTo.takeBack(item.sent)) await within(item.sent.reply, policy.patience(item.block.byteLength));
          // Not started, or started and still not done: parsed here (the worker skips it, or its events are dropped).
          // A worker that stopped (out of its memory, say) never answers: this block and the rest are parsed here.
          if (!item.answered) {
            if (sentTo.failed) stoppedBy ??= sentTo.failureReason;
            else sentTo.discard(item.sent);
            line = parseHere(item.block, line);
            policy.blockDone(item.block.byteLength);
            if (sentTo.failed) reader.recycle(item.block.buffer);
            else release(item);
            continue;
          }
        }
        const result = await item.sent.reply;
        if (result.skipped) {
          // Taken back before the worker reached it, though its answer came first: this thread parses it.
          line = parseHere(item.block, line);
          policy.blockDone(item.block.byteLength);
          release(item);
          continue;
        }
        const t0 = performance.now();
        sentTo.decode(result, file.path, line, out.event);
        for (const [at, reason] of result.errors) out.error(at + line - 1, reason);
        line += result.lines;
        policy.decoded(performance.now() - t0, item.block.byteLength);
        policy.parsedThere(result.ms, item.block.byteLength);
        policy.blockDone(item.block.byteLength);
        release(item);
      }
    }
  } finally {
    reader.close();
  }
  return stoppedBy;
}
