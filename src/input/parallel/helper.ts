import { Worker } from 'node:worker_threads';
import type { NormalizedEvent } from '../../model/event.js';
import type { LineContainer } from '../block.js';
import type { FormatChoice } from '../select.js';
import { WORKER_URL } from './available.js';
import { EventDecoder } from './codec.js';
import type { WorkerInput, WorkerReply, WorkerRequest } from './protocol.js';

export type BlockResult = Extract<WorkerReply, { type: 'block' }>;

interface Waiting {
  resolve(result: BlockResult): void;
  reject(err: Error): void;
}

/**
 * A worker thread that parses and maps blocks of lines while this thread does the rest. Blocks are answered in
 * the order they are sent, and their events must be decoded in that order: the string table the encoded events
 * refer to is built up as they are made.
 */
export class ParseHelper {
  private readonly worker: Worker;
  private readonly decoder = new EventDecoder();
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(choice: FormatChoice) {
    const input: WorkerInput = { choice };
    this.worker = new Worker(WORKER_URL, { workerData: input });
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'failed') {
        this.fail(new Error(`the parsing thread failed: ${reply.message}`));
        return;
      }
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      waiting?.resolve(reply);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`the parsing thread stopped (exit code ${code})`)));
  }

  /** Whether the thread failed or was closed: nothing more can be parsed with it. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Says which file and format the blocks that follow belong to, and the record size limit. */
  openFile(path: string, format: string, container: LineContainer, maxRecordBytes: number): void {
    this.send({ type: 'file', path, format, container, maxRecordBytes });
  }

  /** Sends a block (its buffer moves to the worker and is no longer usable here). */
  parse(block: Uint8Array): Promise<BlockResult> {
    // Blocks queued behind a failure are rejected too: that is reported when they are awaited, if ever.
    if (this.failure) return quietly(Promise.reject(this.failure));
    const id = this.nextId++;
    const result = quietly(new Promise<BlockResult>((resolve, reject) => this.waiting.set(id, { resolve, reject })));
    const buffer = block.buffer as ArrayBuffer;
    this.send({ type: 'block', id, bytes: buffer, offset: block.byteOffset, length: block.byteLength }, [buffer]);
    return result;
  }

  /** The block's events, with line numbers counted from `firstLine` of the file. */
  decode(result: BlockResult, file: string, firstLine: number, onEvent: (event: NormalizedEvent) => void): void {
    for (const batch of result.batches) this.decoder.decode(batch, file, onEvent, firstLine - 1);
    const buffers = result.batches.flatMap((b) => [b.numbers.buffer, b.slots.buffer]);
    if (!this.failure) this.send({ type: 'recycle', buffers }, buffers);
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the parsing thread was closed');
    await this.worker.terminate();
  }

  private send(request: WorkerRequest, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(request, transfer);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
  }
}

/** Marks a rejection as handled for now; whoever awaits the promise still gets it. */
function quietly<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
