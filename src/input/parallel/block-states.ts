/**
 * Who parses a block sent to the worker, settled between the two threads in shared memory: the worker when it starts
 * the block before this thread needs it, else this thread, which then takes the block back and parses it in its turn
 * (the worker skips it). Exactly one of them parses each block: both claim it with a compare-and-swap.
 *
 * A block's state lives in one slot of a small ring; this thread reuses a slot only once the worker has answered for
 * the block that held it.
 */

/** Blocks that can be in flight at once. */
export const STATE_SLOTS = 32;

const FREE = 0;
const QUEUED = 1;
const STARTED = 2;
const TAKEN_BACK = 3;

export function newStateBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(STATE_SLOTS * Int32Array.BYTES_PER_ELEMENT);
}

export class BlockStates {
  private readonly states: Int32Array;

  constructor(buffer: SharedArrayBuffer) {
    this.states = new Int32Array(buffer);
  }

  /** This thread: the block in `slot` is about to be sent. */
  queue(slot: number): void {
    Atomics.store(this.states, slot, QUEUED);
  }

  /** The worker: claims the block in `slot`; false when this thread took it back first. */
  start(slot: number): boolean {
    return Atomics.compareExchange(this.states, slot, QUEUED, STARTED) === QUEUED;
  }

  /** This thread: takes back the block in `slot` if the worker has not started it. */
  takeBack(slot: number): boolean {
    return Atomics.compareExchange(this.states, slot, QUEUED, TAKEN_BACK) === QUEUED;
  }

  /** This thread: the worker has answered for the block in `slot`, which may hold another. */
  free(slot: number): void {
    Atomics.store(this.states, slot, FREE);
  }
}
