import type { SamplePool, Timeline, TimelineVisitor } from '../model/session.js';
import { UsageError } from '../shared/errors.js';
import { fileIdIn } from './pool-columns.js';
import { RECORD_BYTES, RECORD_WORDS, RecordBuffer, SpillFile } from './sample-spill.js';
import { countingOrder, visitTimelines } from './sample-runs.js';

/** Request samples kept per browser client and session for pacing analysis. */
export const MAX_TIMELINE_SAMPLES = 50_000;
/** A sample in memory: time (8 bytes), resource, line, file and tag (4 each). */
export const SAMPLE_BYTES = 24;
/** Megabytes of samples a scan keeps in memory before it spills them to a temporary file (README, Limits). */
export const DEFAULT_SAMPLE_MEMORY_MB = 8;
export const SAMPLE_MEMORY_VARIABLE = 'BORROWSCAN_SAMPLE_MEMORY';
/** The evidence pool's first size, when the input's size is unknown (engine/sessions.ts). */
export const INITIAL_POOL_CAPACITY = 16_384;
const CHUNK_BITS = 16;
const WRITE_RECORDS = 65_536;
const MAX_SAMPLES_IN_MEMORY = 2 ** 31 - 2 ** CHUNK_BITS;

export interface SamplePoolOptions {
  /** Bytes of samples kept in memory (default: BORROWSCAN_SAMPLE_MEMORY megabytes, or DEFAULT_SAMPLE_MEMORY_MB). */
  memoryBytes?: number;
  /** Where the spill file goes (default: os.tmpdir()). */
  dir?: string;
}

/** One spilled run: `count` records from byte `start` of the spill file, ordered by tag, then as added. */
export interface SpilledRun {
  start: number;
  count: number;
}

/** The memory budget BORROWSCAN_SAMPLE_MEMORY asks for, in bytes. */
export function sampleMemoryBytes(value = process.env[SAMPLE_MEMORY_VARIABLE]): number {
  if (value === undefined || value === '') return DEFAULT_SAMPLE_MEMORY_MB * 1024 * 1024;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) {
    throw new UsageError(`${SAMPLE_MEMORY_VARIABLE} must be a number of megabytes above 0 (got ${JSON.stringify(value)})`);
  }
  return Math.max(SAMPLE_BYTES, Math.floor(mb * 1024 * 1024));
}

/**
 * The samples of every timeline of a scan, each tagged with its timeline's number, in fixed-size chunks of columns
 * (a full chunk is never copied, and tens of thousands of clients cost a few large arrays, not small ones each). Once
 * the chunks fill the memory budget they are written to a temporary file as one run ordered by tag, and reused; reading
 * back (`visit`) merges the runs by tag, so that each timeline's samples come back together and in the order they were
 * added, as if they had never left memory.
 */
export class SampleStore implements SamplePool {
  /** Samples in memory; sample i is in chunk i >>> chunkBits, at i & chunkMask. */
  size = 0;
  readonly chunkBits: number;
  readonly chunkMask: number;
  /** Samples in memory at most: a whole number of chunks. */
  readonly limit: number;
  times: Float64Array[] = [];
  resources: Uint32Array[] = [];
  lines: Uint32Array[] = [];
  files: Uint32Array[] = [];
  tags: Uint32Array[] = [];
  /** Samples the allocated chunks hold. */
  capacity = 0;
  fileNames: string[] = [];
  fileIds = new Map<string, number>();
  /** Cache of the last file added and its id: consecutive samples mostly come from one file. */
  lastFile: string | undefined;
  lastFileId = 0;
  /** Tags handed out. */
  tagCount = 0;
  spill: SpillFile | undefined;
  readonly runs: SpilledRun[] = [];
  private readonly dir: string | undefined;
  private writeBuffer: RecordBuffer | undefined;
  private order: Int32Array | undefined;

  constructor(options: SamplePoolOptions = {}) {
    // Sample numbers are 32-bit: a budget past 2^31 samples (48 GiB) is as good as none.
    const budget = Math.min(MAX_SAMPLES_IN_MEMORY, Math.floor((options.memoryBytes ?? sampleMemoryBytes()) / SAMPLE_BYTES));
    this.chunkBits = Math.min(CHUNK_BITS, Math.max(0, Math.floor(Math.log2(Math.max(1, budget)))));
    this.chunkMask = (1 << this.chunkBits) - 1;
    this.limit = Math.max(1, Math.floor(budget / 2 ** this.chunkBits)) * 2 ** this.chunkBits;
    this.dir = options.dir;
  }

  /** Room for one more sample: a new chunk while under the budget, else the samples in memory go to the spill file. */
  makeRoom(): void {
    if (this.capacity < this.limit) {
      const n = 1 << this.chunkBits;
      this.times.push(new Float64Array(n));
      this.resources.push(new Uint32Array(n));
      this.lines.push(new Uint32Array(n));
      this.files.push(new Uint32Array(n));
      this.tags.push(new Uint32Array(n));
      this.capacity += n;
    } else {
      this.spillAll();
    }
  }

  /** Writes the samples in memory to the spill file as one run ordered by tag (then as added), and empties memory. */
  spillAll(): void {
    if (this.size === 0) return;
    this.spill ??= new SpillFile(this.dir);
    this.order ??= new Int32Array(this.limit);
    const order = countingOrder(this, this.tagCount, this.order);
    this.writeBuffer ??= new RecordBuffer(Math.min(WRITE_RECORDS, this.limit));
    const out = this.writeBuffer;
    const bits = this.chunkBits;
    const mask = this.chunkMask;
    let start = -1;
    let held = 0;
    for (let k = 0; k < this.size; k++) {
      const i = order[k]!;
      const c = i >>> bits;
      const j = i & mask;
      const w = held * RECORD_WORDS;
      out.words[w] = this.tags[c]![j]!;
      out.words[w + 1] = this.resources[c]![j]!;
      out.words[w + 2] = this.lines[c]![j]!;
      out.words[w + 3] = this.files[c]![j]!;
      out.floats[(w >>> 1) + 2] = this.times[c]![j]!;
      if (++held === out.records) {
        const at = this.spill.append(out.bytes, held * RECORD_BYTES);
        if (start < 0) start = at;
        held = 0;
      }
    }
    if (held > 0) {
      const at = this.spill.append(out.bytes, held * RECORD_BYTES);
      if (start < 0) start = at;
    }
    this.runs.push({ start, count: this.size });
    this.size = 0;
  }

  visit(timelines: readonly Timeline[], visit: TimelineVisitor): void {
    // Once some samples are on disk, the rest join them: the chunks are let go before the scan's last stages run.
    if (this.spill !== undefined) {
      this.spillAll();
      this.release();
    }
    visitTimelines(this, timelines, visit);
  }

  close(): void {
    this.spill?.close();
    this.spill = undefined;
    this.size = 0;
    this.release();
  }

  /** Lets the chunks go (the samples in memory were spilled or are no longer needed); new ones come as samples do. */
  private release(): void {
    this.times = [];
    this.resources = [];
    this.lines = [];
    this.files = [];
    this.tags = [];
    this.capacity = 0;
    this.writeBuffer = undefined;
    this.order = undefined;
  }
}

export function newSamplePool(options?: SamplePoolOptions): SampleStore {
  return new SampleStore(options);
}

export function newTimeline(pool: SamplePool): Timeline {
  return { pool, tag: newTimelineTag(pool), length: 0, dropped: 0 };
}

/** The tag a new timeline's samples carry in the pool. */
export function newTimelineTag(pool: SamplePool): number {
  return (pool as SampleStore).tagCount++;
}

/** Adds one request sample, or counts it as dropped once the timeline's cap is reached. */
export function addSample(t: Timeline, time: number, resource: number, file: string, line: number): void {
  if (t.length >= MAX_TIMELINE_SAMPLES) {
    t.dropped++;
    return;
  }
  const pool = t.pool as SampleStore;
  if (pool.size === pool.capacity) pool.makeRoom();
  const i = pool.size++;
  const c = i >>> pool.chunkBits;
  const j = i & pool.chunkMask;
  pool.times[c]![j] = time;
  pool.resources[c]![j] = resource;
  pool.lines[c]![j] = line;
  const id = file === pool.lastFile ? pool.lastFileId : fileIdIn(pool, file);
  pool.files[c]![j] = id;
  pool.lastFile = file;
  pool.lastFileId = id;
  pool.tags[c]![j] = t.tag;
  const parts = t.parts;
  if (parts !== undefined) parts[parts.length - 1]!++;
  t.length++;
}

/** Appends another timeline of the same pool (two sessions found to be one), up to the cap. */
export function appendTimeline(target: Timeline, source: Timeline): void {
  const take = Math.max(0, Math.min(MAX_TIMELINE_SAMPLES - target.length, source.length));
  target.dropped += source.dropped + source.length - take;
  if (take === 0) return;
  const parts = target.parts ?? [target.tag, target.length];
  const from = source.parts ?? [source.tag, source.length];
  let left = take;
  for (let k = 0; k < from.length && left > 0; k += 2) {
    const n = Math.min(from[k + 1]!, left);
    if (n > 0) parts.push(from[k]!, n);
    left -= n;
  }
  // Samples the target gets from now on follow the appended ones: they carry a tag of their own.
  target.tag = (target.pool as SampleStore).tagCount++;
  parts.push(target.tag, 0);
  target.parts = parts;
  target.length += take;
}
