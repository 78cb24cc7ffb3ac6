import { describe, expect, it } from 'vitest';
import {
  alwaysSend,
  EPOCH_BLOCKS,
  IdleProbe,
  IDLE_WINDOW_MS,
  MAX_PENDING,
  MAX_RETRY_EVERY,
  measuredSend,
  quotaSpareMs,
  RETRY_EVERY,
  WARMUP_EPOCHS,
} from '../../../src/input/parallel/share-policy.js';

/** A probe that has measured a quiet machine: a core idle. */
function spare(): IdleProbe {
  const probe = new IdleProbe([() => 0]);
  probe.idleCores = 1;
  return probe;
}

describe('--worker auto', () => {
  it('sends every other block until both ways are measured, and never more than the worker has room for', () => {
    const policy = measuredSend({ rss: () => 0, idle: spare() });
    const sends = Array.from({ length: 8 }, () => policy.send(0));
    expect(sends.filter(Boolean)).toHaveLength(4);
    expect(policy.send(MAX_PENDING)).toBe(false);
    expect(alwaysSend().send(MAX_PENDING - 1)).toBe(true);
    expect(alwaysSend().send(MAX_PENDING)).toBe(false);
  });

  it('waits for a started block at most half of what parsing it here costs', () => {
    const policy = measuredSend({ rss: () => 0, idle: spare() });
    expect(policy.patience(1000)).toBe(0);
    policy.parsedHere(10, 1000);
    expect(policy.patience(1000)).toBeCloseTo(5);
    expect(alwaysSend().patience(1000)).toBe(Infinity);
  });
});

describe('--worker auto, epoch by epoch', () => {
  /** Runs epochs of blocks that take the time `cost` says, with or without the worker; whether each epoch sent any. */
  function epochs(
    count: number,
    cost: (shared: boolean, epoch: number) => number,
    idleCores: (epoch: number) => number = () => 1,
  ): boolean[] {
    let clock = 0;
    let idleMs = 0;
    let epoch = 0;
    const policy = measuredSend({ now: () => clock, rss: () => 0, idle: new IdleProbe([() => idleMs]) });
    const shared: boolean[] = [];
    for (let e = 0; e < count; e++) {
      let sent = false;
      for (let b = 0; b < EPOCH_BLOCKS; b++) {
        if (policy.send(0)) sent = true;
        const ms = cost(sent, epoch);
        clock += ms;
        idleMs += ms * idleCores(epoch);
        policy.blockDone(1000);
      }
      shared.push(sent);
      epoch++;
    }
    return shared;
  }

  /** Epochs read alone, before anything else, until the machine's idle cores are measured over IDLE_WINDOW_MS. */
  const probing = (blockMs: number) => Math.ceil(IDLE_WINDOW_MS / (blockMs * EPOCH_BLOCKS));

  it('warms the worker up, then reads alone when the worker is slower, and tries it again now and then', () => {
    const shared = epochs(WARMUP_EPOCHS + 4 + 2 * RETRY_EVERY, (withWorker) => (withWorker ? 20 : 10)).slice(probing(10));
    expect(shared.slice(0, WARMUP_EPOCHS)).toEqual(Array(WARMUP_EPOCHS).fill(true));
    const later = shared.slice(WARMUP_EPOCHS + 3);
    expect(later.filter(Boolean).length).toBeGreaterThan(0);
    expect(later.filter(Boolean).length).toBeLessThan(later.length / 3);
  });

  it('sends no block again, for the rest of the scan, once the process holds more memory than the limit', () => {
    let rss = 100;
    const policy = measuredSend({ now: () => 0, rss: () => rss, retireAtBytes: 1000, idle: spare() });
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
    const shared = epochs(WARMUP_EPOCHS + 4 + 2 * RETRY_EVERY, (withWorker) => (withWorker ? 5 : 10)).slice(probing(10));
    expect(shared.slice(WARMUP_EPOCHS).includes(false)).toBe(true);
    const later = shared.slice(WARMUP_EPOCHS + 3);
    expect(later.filter(Boolean).length).toBeGreaterThan((later.length * 2) / 3);
  });

  it('times the slower way again less and less often while it stays slower, down to one epoch in MAX_RETRY_EVERY', () => {
    const shared = epochs(WARMUP_EPOCHS + 200, (withWorker) => (withWorker ? 5 : 10)).slice(probing(10) + WARMUP_EPOCHS);
    const alone = shared.map((s, i) => (s ? -1 : i)).filter((i) => i >= 0);
    const gaps = alone.slice(1).map((at, k) => at - alone[k]!);
    expect(gaps.slice(0, 3)).toEqual([RETRY_EVERY * 2, RETRY_EVERY * 4, MAX_RETRY_EVERY]);
    expect(gaps.every((gap) => gap <= MAX_RETRY_EVERY)).toBe(true);
    // One epoch in six read alone cost about a seventh of the time sharing saved; now about one in twenty.
    expect(alone.length).toBeLessThan(shared.length / 16);
  });

  it('reads alone until it has measured a core idle, then warms the worker up', () => {
    const shared = epochs(probing(2) + WARMUP_EPOCHS, () => 2);
    expect(probing(2)).toBeGreaterThan(1);
    expect(shared.slice(0, probing(2))).toEqual(Array(probing(2)).fill(false));
    expect(shared.slice(probing(2))).toEqual(Array(WARMUP_EPOCHS).fill(true));
  });

  it('never uses the worker while no core is idle, even where timing would say the worker is faster', () => {
    const shared = epochs(
      40,
      (withWorker) => (withWorker ? 1 : 10),
      () => 0.2,
    );
    expect(shared.filter(Boolean)).toEqual([]);
  });

  it('stops using the worker once the machine is busy and the worker no longer pays, and comes back once a core is idle again', () => {
    // A core idle for 30 epochs; then another process takes it (the worker's epochs get slower), then it is idle again.
    const busy = (epoch: number) => epoch >= 30 && epoch < 70;
    const shared = epochs(
      130,
      (withWorker, epoch) => (withWorker ? (busy(epoch) ? 20 : 5) : 10),
      (epoch) => (busy(epoch) ? 0 : 1),
    );
    expect(shared.slice(10, 30).filter(Boolean).length).toBeGreaterThan(10);
    expect(shared.slice(45, 70).filter(Boolean)).toEqual([]);
    // Back: the worker's epochs are timed fast again, and it takes over once they outweigh the slow ones.
    expect(shared.slice(100).filter(Boolean).length).toBeGreaterThan((30 * 2) / 3);
  });

  it('says whether the epoch being decided may send blocks, so that blocks are read far ahead only then', () => {
    const busy = new IdleProbe([() => 0]);
    busy.idleCores = 0;
    const alone = measuredSend({ rss: () => 0, idle: busy });
    alone.send(0);
    expect(alone.sharing).toBe(false);
    const quiet = measuredSend({ rss: () => 0, idle: spare() });
    quiet.send(0);
    expect(quiet.sharing).toBe(true);
    const retiring = measuredSend({ rss: () => Number.MAX_SAFE_INTEGER, idle: spare() });
    retiring.send(0);
    expect(retiring.sharing).toBe(false);
    expect(alwaysSend().sharing).toBe(true);
  });

  it('counts a machine that does not say its idle time as one with a core idle', () => {
    const probe = new IdleProbe([() => undefined]);
    expect(probe.spareCore).toBe(false);
    probe.aloneEpoch(10, probe.read(), probe.read());
    expect(probe.spareCore).toBe(true);
  });

  it('counts the least idle of its sources: a quota used up leaves no core, however idle the machine', () => {
    let clock = 0;
    let machineIdle = 0;
    let groupUsed = 0;
    // One core's quota, which this thread uses all of; the host's other cores idle.
    const quota = { cores: 1, usedMs: () => groupUsed };
    const probe = new IdleProbe([() => machineIdle, quotaSpareMs(quota, () => clock)]);
    const window = (ms: number, idleCores: number, usedCores: number) => {
      const from = probe.read();
      clock += ms;
      machineIdle += ms * idleCores;
      groupUsed += ms * usedCores;
      probe.aloneEpoch(ms, from, probe.read());
    };
    window(IDLE_WINDOW_MS, 7, 1);
    expect(probe.idleCores).toBe(0);
    expect(probe.spareCore).toBe(false);
    // A quota of two cores, half used: one core's worth spare, and the machine has more.
    quota.cores = 2;
    window(IDLE_WINDOW_MS, 7, 1);
    expect(probe.idleCores).toBe(1);
    // The quota has room, but the host is busy: the machine's idle time counts.
    window(IDLE_WINDOW_MS, 0.25, 1);
    expect(probe.idleCores).toBe(0.25);
    // A source that cannot be read is left out; the other counts.
    const unreadable = new IdleProbe([() => machineIdle, () => undefined]);
    const from = unreadable.read();
    machineIdle += IDLE_WINDOW_MS * 3;
    unreadable.aloneEpoch(IDLE_WINDOW_MS, from, unreadable.read());
    expect(unreadable.idleCores).toBe(3);
  });
});
