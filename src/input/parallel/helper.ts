import { Worker } from 'node:worker_threads';
import type { NormalizedEvent } from '../../model/event.js';
import type { LineContainer } from '../block.js';
import type { FormatChoice } from '../select.js';
import { WORKER_URL } from './available.js';
import { BlockStates, newStateBuffer, STATE_SLOTS } from './block-states.js';
import { EventDecoder } from './codec.js';
import type { WorkerInput, WorkerReply, WorkerRequest } from './protocol.js';
import { YOUNG_GENERATION_CAP_MB } from '../../shared/heap-hold.js';

export type BlockResult = Extract<WorkerReply, { type: 'block' }>;

interface Waiting {
  slot: number;
  /** This thread parsed the block itself after all: the answer's events are dropped, its table entries kept. */
  discarded: boolean;
  resolve(result: BlockResult): void;
  reject(err: Error): void;
}

/** A block sent to the worker: where its state lives, and the worker's answer (its events, or that it skipped it). */
export interface SentBlock {
  id: number;
  slot: number;
  reply: Promise<BlockResult>;
}

/**
 * A worker thread that parses and maps blocks of lines while this thread does the rest. Blocks are answered in
 * the order they are sent, and their events must be decoded in that order: the string table the encoded events
 * refer to is built up as they are made. A block the worker has not started yet can be taken back (`takeBack`):
 * the worker then skips it, and its answer carries no events.
 */
export class ParseHelper {
  private readonly worker: Worker;
  private readonly decoder = new EventDecoder();
  private readonly waiting = new Map<number, Waiting>();
  private readonly states: BlockStates;
  private readonly freeSlots: number[] = [];
  private nextId = 0;
  private failure: Error | undefined;
  /** Settles once the worker has loaded and can parse (or has failed). */
  readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;

  constructor(choice: FormatChoice) {
    const stateBuffer = newStateBuffer();
    this.states = new BlockStates(stateBuffer);
    for (let s = STATE_SLOTS - 1; s >= 0; s--) this.freeSlots.push(s);
    const input: WorkerInput = { choice, states: stateBuffer };
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    // The same young generation cap as the main thread's (V8's default for a worker is 2 × 32 MB on Node 24).
    this.worker = new Worker(WORKER_URL, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_CAP_MB } });
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        this.markReady();
        return;
      }
      if (reply.type === 'failed') {
        this.fail(new Error(`the parsing thread failed: ${reply.message}`));
        return;
      }
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (waiting) {
        this.states.free(waiting.slot);
        this.freeSlots.push(waiting.slot);
        // Answers come in order, so a dropped block's table entries are taken in before any later block is decoded.
        if (waiting.discarded) this.drop(reply);
        waiting.resolve(reply);
      }
    });
    this.worker.on('error', (err) => this.fail(new Error(`the parsing thread stopped: ${err.message}`)));
    this.worker.on('exit', (code) => this.fail(new Error(`the parsing thread stopped (exit code ${code})`)));
  }

  /** Whether the thread failed or was closed: nothing more can be parsed with it. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Why the thread failed or was closed. */
  get failureReason(): string | undefined {
    return this.failure?.message;
  }

  /** Blocks sent that the worker has not answered for yet. */
  get pending(): number {
    return this.waiting.size;
  }

  /** Says which file and format the blocks that follow belong to, and the record size limit. */
  openFile(path: string, format: string, container: LineContainer, maxRecordBytes: number): void {
    this.send({ type: 'file', path, format, container, maxRecordBytes });
  }

  /**
   * Sends a block, whose bytes must be in shared memory (the worker reads them where they are); they must not change
   * until the answer comes. Undefined when no state slot is free (too many blocks in flight).
   */
  parse(block: Uint8Array): SentBlock | undefined {
    const slot = this.freeSlots.pop();
    if (slot === undefined) return undefined;
    const id = this.nextId++;
    // Blocks queued behind a failure are rejected too: that is reported when they are awaited, if ever.
    if (this.failure) return { id, slot, reply: quietly(Promise.reject(this.failure)) };
    const reply = quietly(new Promise<BlockResult>((resolve, reject) => this.waiting.set(id, { slot, discarded: false, resolve, reject })));
    this.states.queue(slot);
    this.send({ type: 'block', id, slot, bytes: block.buffer as SharedArrayBuffer, offset: block.byteOffset, length: block.byteLength });
    return { id, slot, reply };
  }

  /**
   * Gives up on a block the worker has started and not answered yet: this thread parses it itself, and the worker's
   * events for it, when they come, are dropped (their new string table entries are kept, for the blocks after it).
   */
  discard(sent: SentBlock): void {
    const waiting = this.waiting.get(sent.id);
    if (waiting) waiting.discarded = true;
  }

  /** Takes a sent block back if the worker has not started it: this thread then parses it, and the worker skips it. */
  takeBack(sent: SentBlock): boolean {
    return !this.failure && this.states.takeBack(sent.slot);
  }

  /** The block's events, with line numbers counted from `firstLine` of the file. */
  decode(result: BlockResult, file: string, firstLine: number, onEvent: (event: NormalizedEvent) => void): void {
    for (const batch of result.batches) this.decoder.decode(batch, file, onEvent, firstLine - 1);
    this.recycle(result);
  }

  private drop(result: BlockResult): void {
    for (const batch of result.batches) this.decoder.define(batch);
    this.recycle(result);
  }

  private recycle(result: BlockResult): void {
    const buffers = result.batches.flatMap((b) => [b.numbers.buffer, b.slots.buffer]);
    if (!this.failure && buffers.length > 0) this.send({ type: 'recycle', buffers }, buffers);
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the parsing thread was closed');
    await this.worker.terminate();
  }

  private send(request: WorkerRequest, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(request, transfer);
  }

  private fail(err: Error): void {
    if (this.failure === undefined) void this.worker.terminate();
    this.failure ??= err;
    this.markReady();
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
  }
}

/** Marks a rejection as handled for now; whoever awaits the promise still gets it. */
function quietly<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
