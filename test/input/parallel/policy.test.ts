import { describe, expect, it } from 'vitest';
import { spareCore } from '../../../src/input/parallel/policy.js';
import {
  alwaysSend,
  EPOCH_BLOCKS,
  MAX_PENDING,
  measuredSend,
  RETRY_EVERY,
  WARMUP_EPOCHS,
} from '../../../src/input/parallel/share-policy.js';

describe('--worker auto', () => {
  it('shares only while the machine has a core to spare', () => {
    expect(spareCore(2, 0.3)).toBe(true);
    expect(spareCore(2, 1.5)).toBe(true);
    expect(spareCore(2, 1.6)).toBe(false);
    expect(spareCore(2, 9.8)).toBe(false);
    expect(spareCore(8, 6.2)).toBe(true);
  });

  it('sends every other block until both ways are measured, and never more than the worker has room for', () => {
    const policy = measuredSend(undefined, () => 0);
    const sends = Array.from({ length: 8 }, () => policy.send(0));
    expect(sends.filter(Boolean)).toHaveLength(4);
    expect(policy.send(MAX_PENDING)).toBe(false);
    expect(alwaysSend().send(MAX_PENDING - 1)).toBe(true);
    expect(alwaysSend().send(MAX_PENDING)).toBe(false);
  });

  it('waits for a started block at most half of what parsing it here costs', () => {
    const policy = measuredSend(undefined, () => 0);
    expect(policy.patience(1000)).toBe(0);
    policy.parsedHere(10, 1000);
    expect(policy.patience(1000)).toBeCloseTo(5);
    expect(alwaysSend().patience(1000)).toBe(Infinity);
  });
});

describe('--worker auto, epoch by epoch', () => {
  /** Runs epochs of blocks that take the time `cost` says, with or without the worker; whether each epoch sent any. */
  function epochs(count: number, cost: (shared: boolean) => number): boolean[] {
    let clock = 0;
    const policy = measuredSend(
      () => clock,
      () => 0,
    );
    const shared: boolean[] = [];
    for (let e = 0; e < count; e++) {
      let sent = false;
      for (let b = 0; b < EPOCH_BLOCKS; b++) {
        if (policy.send(0)) sent = true;
        clock += cost(sent);
        policy.blockDone(1000);
      }
      shared.push(sent);
    }
    return shared;
  }

  it('warms the worker up, then reads alone when the worker is slower, and tries it again now and then', () => {
    const shared = epochs(WARMUP_EPOCHS + 4 + 2 * RETRY_EVERY, (withWorker) => (withWorker ? 20 : 10));
    expect(shared.slice(0, WARMUP_EPOCHS)).toEqual(Array(WARMUP_EPOCHS).fill(true));
    const later = shared.slice(WARMUP_EPOCHS + 3);
    expect(later.filter(Boolean).length).toBeGreaterThan(0);
    expect(later.filter(Boolean).length).toBeLessThan(later.length / 3);
  });

  it('sends no block again, for the rest of the scan, once the process holds more memory than the limit', () => {
    let rss = 100;
    const policy = measuredSend(
      () => 0,
      () => rss,
      1000,
    );
    const epoch = () => Array.from({ length: EPOCH_BLOCKS }, () => policy.send(0)).filter(Boolean).length;
    expect(epoch()).toBeGreaterThan(0);
    expect(policy.retired).toBe(false);
    rss = 1001;
    expect(epoch()).toBe(0);
    expect(policy.retired).toBe(true);
    rss = 100;
    expect(epoch()).toBe(0);
    expect(policy.retired).toBe(true);
    expect(alwaysSend().retired).toBe(false);
  });

  it('keeps the worker when it is faster', () => {
    const shared = epochs(WARMUP_EPOCHS + 4 + 2 * RETRY_EVERY, (withWorker) => (withWorker ? 5 : 10));
    expect(shared.slice(WARMUP_EPOCHS).includes(false)).toBe(true);
    const later = shared.slice(WARMUP_EPOCHS + 3);
    expect(later.filter(Boolean).length).toBeGreaterThan((later.length * 2) / 3);
  });
});
