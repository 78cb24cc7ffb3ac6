import type { FormatChoice } from '../select.js';
import type { LineContainer } from '../block.js';
import type { EncodedBatch } from './codec.js';

/** What the parsing worker is given when it starts. */
export interface WorkerInput {
  choice: FormatChoice;
}

/** Events per batch: large enough that messages are few, small enough that a batch is a few hundred KB. */
export const BATCH_SIZE = 2048;

/** Main thread → worker, handled in order. */
export type WorkerRequest =
  | { type: 'file'; path: string; format: string; container: LineContainer; maxRecordBytes: number }
  /** A block of whole lines of the current file; its lines are numbered from 1 in the reply. */
  | { type: 'block'; id: number; bytes: ArrayBuffer; offset: number; length: number }
  /** Buffers of decoded batches, given back for the encoder to reuse. */
  | { type: 'recycle'; buffers: ArrayBuffer[] };

/** Worker → main thread: one reply per block, in the order the blocks were sent. */
export type WorkerReply =
  | {
      type: 'block';
      id: number;
      batches: EncodedBatch[];
      errors: [line: number, reason: string][];
      lines: number;
      /** The block's own buffer, given back for reuse. */
      bytes: ArrayBuffer;
    }
  | { type: 'failed'; message: string };
