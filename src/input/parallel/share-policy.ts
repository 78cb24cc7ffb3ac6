import { cpus } from 'node:os';
import { type CpuQuota, IDLE_CORES_FOR_WORKER, processCpuQuota } from './cpu-quota.js';

/**
 * Which blocks go to the worker, decided by measurement as the file is read (`--worker auto`).
 *
 * What counts is how fast this thread gets through the file: on a quiet machine the worker takes parsing off it, but
 * on a busy one the worker's thread competes for the cores with this one and with everyone else, and for a log whose
 * lines cost little to parse, decoding the worker's events costs about what parsing them here does. So the file is
 * read in epochs of a few blocks, each with the worker or without it, timed on the clock; most epochs use the way that
 * was faster, and every few epochs the other way is timed again, as the machine's load changes.
 *
 * With the worker, the share of blocks sent is the one that keeps both threads busy for the same time, from what each
 * block costs this thread (parsing it, or decoding the worker's events) and the worker (parsing it, on the clock).
 * Whatever the policy, this thread never stalls for long: a block the worker has not started when its turn comes is
 * taken back, and one it has started is waited for only as long as parsing it here would take half of.
 *
 * Timing alone missed one case: with another process keeping a core busy (measured with `npm run bench -- --busy 1`),
 * the worker's epochs cost this thread the core it shared with it, and the warm-up and the retries made the access-log
 * scan 11% slower than one thread. So the worker is used only while the machine has a core idle, as seen over epochs
 * this thread reads alone while the worker has nothing to do: the first epochs of a scan, and any run of epochs read
 * alone later (the timing above ends a run of epochs with the worker when it stops paying).
 */

/** Blocks the worker holds unanswered, at most: more would only wait in its queue. */
export const MAX_PENDING = 4;
/** Blocks measured each way before the share is computed. */
const MIN_SAMPLES = 3;
/** The least share of blocks sent in an epoch with the worker. */
const MIN_SHARE = 1 / 8;
/** Blocks per epoch. */
export const EPOCH_BLOCKS = 8;
/**
 * Every this many epochs, the way that was slower is timed again; each retry that finds it slower still doubles the
 * wait, up to MAX_RETRY_EVERY, and a change of way starts it over. A retry costs an epoch the slower way: with the
 * worker twice as fast (Okta, quiet), one epoch in six read alone took about a seventh of the time sharing saves.
 */
export const RETRY_EVERY = 6;
export const MAX_RETRY_EVERY = 24;
/** Epochs with the worker before any is timed: a worker that has parsed little runs its code cold, twice as slow. */
export const WARMUP_EPOCHS = 4;
/** The worker is kept unless reading alone is faster by more than this share (epochs differ by chance too). */
const MARGIN = 0.05;
/** Weight of the latest block in the running costs: conditions change (another process takes the other core). */
const WEIGHT = 0.25;
/** Of what parsing a block here would cost, the longest this thread waits for the worker to finish it. */
const PATIENCE = 0.5;

export interface SharePolicy {
  /** Whether a file waits for the worker to have started before its first block (else it reads on without it). */
  waitsForWorker: boolean;
  /** True once no block will be sent again, for the rest of the scan: the worker can be stopped. */
  readonly retired: boolean;
  /** Whether blocks of the epoch being decided may be sent: if not, none need be read far ahead for the worker. */
  readonly sharing: boolean;
  /** Whether to send the next block, given how many the worker has not answered yet. */
  send(pending: number): boolean;
  /** How long to wait, in ms, for the worker to finish a block of this size it has started, before parsing it here. */
  patience(bytes: number): number;
  /** A block this thread parsed itself: its time and size. */
  parsedHere(ms: number, bytes: number): void;
  /** A block the worker parsed, decoded here: its time and size. */
  decoded(ms: number, bytes: number): void;
  /** A block the worker parsed: the time it took there. */
  parsedThere(ms: number, bytes: number): void;
  /** This thread is done with a block (parsed, or decoded), in its turn. */
  blockDone(bytes: number): void;
}

/** Waits for the worker, then sends whenever it has room, and waits for every block it starts (`--worker always`). */
export function alwaysSend(): SharePolicy {
  return {
    waitsForWorker: true,
    retired: false,
    sharing: true,
    send: (pending) => pending < MAX_PENDING,
    patience: () => Infinity,
    parsedHere: () => undefined,
    decoded: () => undefined,
    parsedThere: () => undefined,
    blockDone: () => undefined,
  };
}

/** Epochs timed each way that are kept: the median of the latest few, which a stall of one epoch (a pause of the collector, another process) does not move. */
const EPOCHS_KEPT = 5;

/** The latest epochs' costs per byte, one way. */
class RecentCosts {
  private readonly values: number[] = [];
  /** Epochs timed so far, kept or not. */
  timed = 0;

  get samples(): number {
    return this.values.length;
  }

  add(ms: number, bytes: number): void {
    if (bytes <= 0) return;
    this.timed++;
    this.values.push(ms / bytes);
    if (this.values.length > EPOCHS_KEPT) this.values.shift();
  }

  latest(): number {
    return this.values[this.values.length - 1] ?? 0;
  }

  median(): number {
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[(sorted.length - 1) >> 1] ?? 0;
  }
}

/** A running cost per byte, weighted toward the latest blocks. */
class Cost {
  perByte = 0;
  samples = 0;

  add(ms: number, bytes: number): void {
    if (bytes <= 0) return;
    const value = ms / bytes;
    this.perByte = this.samples++ === 0 ? value : this.perByte + WEIGHT * (value - this.perByte);
  }
}

/** Epochs read alone are measured together until they last this long: the system counts idle time in 10 ms ticks. */
export const IDLE_WINDOW_MS = 50;

/** The machine's idle time so far, in ms summed over its cores; undefined where the system does not say. */
export function machineIdleMs(): number | undefined {
  const all = cpus();
  if (all.length === 0) return undefined;
  let idle = 0;
  for (const cpu of all) idle += cpu.times.idle;
  return idle;
}

/**
 * The CPU time a quota leaves unused so far, in ms (what the group may use since this process started, less what it
 * used): over a window, how many cores' worth the quota still grants, whatever the host's own idle cores.
 */
export function quotaSpareMs(quota: CpuQuota, now: () => number = () => performance.now()): () => number | undefined {
  return () => {
    const used = quota.usedMs();
    return used === undefined ? undefined : quota.cores * now() - used;
  };
}

/** Time idle so far, in ms: the machine's, and what a CPU quota leaves, where the process has one. */
export type IdleSource = () => number | undefined;

function defaultSources(): IdleSource[] {
  const quota = processCpuQuota();
  return quota === undefined ? [machineIdleMs] : [machineIdleMs, quotaSpareMs(quota)];
}

/** What every source read at one moment. */
export type IdleReading = readonly (number | undefined)[];

/**
 * How many cores the machine left idle while this thread read alone, from windows of at least IDLE_WINDOW_MS; shared
 * by the policies of a scan's files, so that a file after the first one knows it from the start. With several sources
 * (the machine's idle time, a CPU quota's), the least idle of those that could be read counts.
 */
export class IdleProbe {
  /** Idle cores in the latest full window; undefined until one is measured. */
  idleCores: number | undefined;
  private windowMs = 0;
  private windowIdleMs = 0;

  constructor(private readonly sources: readonly IdleSource[] = defaultSources()) {}

  read(): IdleReading {
    return this.sources.map((source) => source());
  }

  /** An epoch read alone: its duration, and the readings at its start and end. */
  aloneEpoch(ms: number, from: IdleReading | undefined, to: IdleReading): void {
    let idleMs: number | undefined;
    for (let k = 0; k < to.length; k++) {
      const start = from?.[k];
      const end = to[k];
      if (start !== undefined && end !== undefined) idleMs = Math.min(idleMs ?? Number.POSITIVE_INFINITY, end - start);
    }
    if (idleMs === undefined) {
      this.idleCores = Number.POSITIVE_INFINITY;
      return;
    }
    this.windowMs += ms;
    this.windowIdleMs += Math.max(0, idleMs);
    if (this.windowMs < IDLE_WINDOW_MS) return;
    this.idleCores = this.windowIdleMs / this.windowMs;
    this.windowMs = 0;
    this.windowIdleMs = 0;
  }

  /** Whether the worker would have a core of its own; false until a window is measured. */
  get spareCore(): boolean {
    return this.idleCores !== undefined && this.idleCores >= IDLE_CORES_FOR_WORKER;
  }
}

export interface MeasuredOptions {
  now?: () => number;
  /** The process's resident set, in bytes. */
  rss?: () => number;
  retireAtBytes?: number;
  /** Where the machine's idle cores are measured: pass one probe to every file's policy. */
  idle?: IdleProbe;
}

/**
 * Past this resident memory the worker is stopped for the rest of the scan. Its thread holds a heap of its own (about
 * 100 MB committed), and the main thread's heap holds more garbage while it decodes the worker's events: 1,000,000
 * sessions peaked at 1.0 GB with the worker against 0.79 GB without it, for no gain in time. A scan that holds this
 * much is one whose sessions, not its parsing, cost the most.
 */
export const RETIRE_RSS_BYTES = 512 * 1024 * 1024;

/**
 * Epochs with the worker and without it, timed; blocks sent in the share that keeps both threads busy alike, only
 * while the machine has a core idle; and no more blocks at all once the process holds more than `retireAtBytes`
 * (`rss` reads it, once per epoch).
 */
export function measuredSend(options: MeasuredOptions = {}): SharePolicy {
  const now = options.now ?? (() => performance.now());
  const rss = options.rss ?? (() => process.memoryUsage.rss());
  const retireAtBytes = options.retireAtBytes ?? RETIRE_RSS_BYTES;
  const idle = options.idle ?? new IdleProbe();
  const here = new Cost();
  const decode = new Cost();
  const there = new Cost();
  const withWorker = new RecentCosts();
  const alone = new RecentCosts();
  let credit = 0;
  let sinceRetry = 0;
  let retryEvery = RETRY_EVERY;
  /** The way found faster at the last decision. */
  let lastFaster: boolean | undefined;
  /** The slower way, being timed again: with the worker or not, and its epochs timed when it was last chosen. */
  let retry: { way: boolean; timed: number } | undefined;
  /** Blocks decided (when read ahead) and done (in their turn, later): an epoch is timed over the blocks decided in it. */
  let decided = 0;
  let done = 0;
  let shared = true;
  /** The way of each epoch decided and not yet timed, oldest first (undefined: warming up, not timed). */
  const pending: (boolean | undefined)[] = [];
  let epochStart = -1;
  let epochIdle: IdleReading | undefined;
  let epochBytes = 0;
  /** The share of blocks to send, from what was measured so far. */
  const share = (): number => {
    // Until both ways are measured, every other block each way.
    if (here.samples < MIN_SAMPLES || decode.samples < MIN_SAMPLES || there.samples < MIN_SAMPLES) return 0.5;
    // Sending a share f of the bytes: this thread spends f*d + (1-f)*p per byte, the worker f*w; equal when f is:
    const p = here.perByte;
    const d = decode.perByte;
    const w = there.perByte;
    return w <= d ? 1 : Math.max(MIN_SHARE, Math.min(1, p / (w - d + p)));
  };
  let epochs = 0;
  let retired = false;
  /** Whether the epoch being decided is a warm-up one, which is not timed. */
  let warming = false;
  const nextEpoch = (): boolean => {
    warming = false;
    if (retired || rss() > retireAtBytes) {
      retired = true;
      return false;
    }
    // No core idle (or not measured yet): this epoch is read alone, and measures the machine again.
    if (!idle.spareCore) return false;
    if (epochs++ < WARMUP_EPOCHS || withWorker.samples === 0) {
      warming = epochs <= WARMUP_EPOCHS;
      return true;
    }
    if (alone.samples === 0) return false;
    const faster = withWorker.median() <= alone.median() * (1 + MARGIN);
    if (faster !== lastFaster) {
      lastFaster = faster;
      retryEvery = RETRY_EVERY;
    }
    if (retry !== undefined && retry.way !== faster) {
      // A retried way whose latest epoch beat the other way's median is kept until its own median says so (the
      // median of five moves only after three epochs): the machine changed, and waiting for the next retry would not.
      const tried = retry.way ? withWorker : alone;
      const other = retry.way ? alone : withWorker;
      if (tried.timed === retry.timed) return faster;
      if (tried.latest() < other.median() * (1 - MARGIN)) {
        retry.timed = tried.timed;
        return retry.way;
      }
    }
    retry = undefined;
    if (++sinceRetry >= retryEvery) {
      sinceRetry = 0;
      retryEvery = Math.min(MAX_RETRY_EVERY, retryEvery * 2);
      retry = { way: !faster, timed: (faster ? alone : withWorker).timed };
      return !faster;
    }
    return faster;
  };
  return {
    waitsForWorker: false,
    get retired() {
      return retired;
    },
    get sharing() {
      return shared && !retired;
    },
    send(inFlight) {
      // The first epoch starts with the first block read.
      if (epochStart < 0) {
        epochStart = now();
        epochIdle = idle.read();
      }
      if (decided++ % EPOCH_BLOCKS === 0) {
        shared = nextEpoch();
        pending.push(warming ? undefined : shared);
      }
      if (!shared || inFlight >= MAX_PENDING) return false;
      credit += share();
      if (credit < 1) return false;
      credit -= 1;
      return true;
    },
    patience: (bytes) => (here.samples === 0 ? 0 : PATIENCE * here.perByte * bytes),
    parsedHere: (ms, bytes) => here.add(ms, bytes),
    decoded: (ms, bytes) => decode.add(ms, bytes),
    parsedThere: (ms, bytes) => there.add(ms, bytes),
    blockDone(bytes) {
      epochBytes += bytes;
      if (++done % EPOCH_BLOCKS !== 0) return;
      const at = now();
      const idleAt = idle.read();
      const way = pending.shift();
      if (way !== undefined) (way ? withWorker : alone).add(at - epochStart, epochBytes);
      // Blocks are decided an epoch ahead: an epoch read alone before one with the worker saw the worker busy.
      const nextAlone = pending.length === 0 || pending[0] === false;
      if (way === false && nextAlone) {
        idle.aloneEpoch(at - epochStart, epochIdle, idleAt);
      }
      epochBytes = 0;
      epochStart = at;
      epochIdle = idleAt;
    },
  };
}
