import type { FormatChoice } from '../select.js';
import type { LineContainer } from '../block.js';
import type { EncodedBatch } from './codec.js';

/** What the parsing worker is given when it starts. */
export interface WorkerInput {
  choice: FormatChoice;
  /** Who parses each block sent (block-states.ts). */
  states: SharedArrayBuffer;
}

/** Events per batch: large enough that messages are few, small enough that a batch is a few hundred KB. */
export const BATCH_SIZE = 2048;

/** Main thread → worker, handled in order. */
export type WorkerRequest =
  | { type: 'file'; path: string; format: string; container: LineContainer; maxRecordBytes: number }
  /**
   * A block of whole lines of the current file, in shared memory; its lines are numbered from 1 in the reply. The
   * worker parses it only if it claims its state slot first (else this thread took it back).
   */
  | { type: 'block'; id: number; slot: number; bytes: SharedArrayBuffer; offset: number; length: number }
  /** Buffers of decoded batches, given back for the encoder to reuse. */
  | { type: 'recycle'; buffers: ArrayBuffer[] };

/** Worker → main thread: one reply per block, in the order the blocks were sent. */
export type WorkerReply =
  | {
      type: 'block';
      id: number;
      /** The block was taken back before the worker started it: no events, errors or lines. */
      skipped: boolean;
      batches: EncodedBatch[];
      errors: [line: number, reason: string][];
      lines: number;
      /** How long the worker took to parse the block, on the clock. */
      ms: number;
    }
  /** The worker has loaded its modules and parses from now on. */
  | { type: 'ready' }
  | { type: 'failed'; message: string };
