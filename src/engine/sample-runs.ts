import type { Timeline, TimelineSamples, TimelineVisitor } from '../model/session.js';
import { RECORD_BYTES, RECORD_WORDS, RecordBuffer, type SpillFile } from './sample-spill.js';

/** What reading back needs of a sample store (engine/timeline.ts): its chunks in memory and its spilled runs. */
export interface ChunkedSamples {
  size: number;
  chunkBits: number;
  chunkMask: number;
  limit: number;
  tagCount: number;
  times: Float64Array[];
  resources: Uint32Array[];
  lines: Uint32Array[];
  files: Uint32Array[];
  tags: Uint32Array[];
  spill: SpillFile | undefined;
  runs: readonly { start: number; count: number }[];
}

const END = Number.POSITIVE_INFINITY;
const MIN_READ_RECORDS = 1024;
const MAX_READ_RECORDS = 16_384;

/**
 * The samples in memory, by index, ordered by tag and, within a tag, as added (a counting sort, linear in both), in the
 * first `store.size` places of `into` when given.
 */
export function countingOrder(store: ChunkedSamples, tagCount: number, into?: Int32Array): Int32Array {
  const n = store.size;
  const next = new Int32Array(tagCount + 1);
  const { chunkBits: bits, chunkMask: mask, tags } = store;
  for (let i = 0; i < n; i++) next[tags[i >>> bits]![i & mask]! + 1]!++;
  for (let t = 1; t <= tagCount; t++) next[t]! += next[t - 1]!;
  const order = into ?? new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[tags[i >>> bits]![i & mask]!]!++] = i;
  return order;
}

/** Columns a tag's samples are gathered into. */
class Columns implements TimelineSamples {
  length = 0;
  times: Float64Array;
  resources: Uint32Array;
  files: Uint32Array;
  lines: Uint32Array;
  constructor(capacity: number) {
    this.times = new Float64Array(capacity);
    this.resources = new Uint32Array(capacity);
    this.files = new Uint32Array(capacity);
    this.lines = new Uint32Array(capacity);
  }
}

/** A run read in tag order: `tag` is that of the current record (END past the last). */
interface Cursor {
  tag: number;
  copy(into: Columns, at: number): void;
  skip(): void;
}

class MemoryCursor implements Cursor {
  tag = END;
  private k = -1;
  constructor(
    private readonly store: ChunkedSamples,
    private readonly order: Int32Array,
  ) {
    this.skip();
  }
  copy(into: Columns, at: number): void {
    const i = this.order[this.k]!;
    const c = i >>> this.store.chunkBits;
    const j = i & this.store.chunkMask;
    into.times[at] = this.store.times[c]![j]!;
    into.resources[at] = this.store.resources[c]![j]!;
    into.files[at] = this.store.files[c]![j]!;
    into.lines[at] = this.store.lines[c]![j]!;
    this.skip();
  }
  skip(): void {
    if (++this.k >= this.order.length) {
      this.tag = END;
      return;
    }
    const i = this.order[this.k]!;
    this.tag = this.store.tags[i >>> this.store.chunkBits]![i & this.store.chunkMask]!;
  }
}

class SpilledCursor implements Cursor {
  tag = END;
  /** Records of the run not yet read into the buffer, and where they start in the file. */
  private unread: number;
  private position: number;
  private held = 0;
  private r = -1;
  constructor(
    private readonly file: SpillFile,
    run: { start: number; count: number },
    private readonly buffer: RecordBuffer,
  ) {
    this.unread = run.count;
    this.position = run.start;
    this.skip();
  }
  copy(into: Columns, at: number): void {
    const w = this.r * RECORD_WORDS;
    const words = this.buffer.words;
    into.resources[at] = words[w + 1]!;
    into.lines[at] = words[w + 2]!;
    into.files[at] = words[w + 3]!;
    into.times[at] = this.buffer.floats[(w >>> 1) + 2]!;
    this.skip();
  }
  skip(): void {
    if (++this.r >= this.held) {
      if (this.unread === 0) {
        this.tag = END;
        return;
      }
      const records = Math.min(this.unread, this.buffer.records);
      const bytes = records * RECORD_BYTES;
      if (this.file.read(this.buffer.bytes, bytes, this.position) !== bytes) throw new Error('the sample spill file ended early');
      this.position += bytes;
      this.unread -= records;
      this.held = records;
      this.r = 0;
    }
    this.tag = this.buffer.words[this.r * RECORD_WORDS]!;
  }
}

/** Where each piece of each timeline asked for comes from: tag, timeline, offset in it and sample count, by tag. */
function piecesByTag(timelines: readonly Timeline[], tagCount: number) {
  let count = 0;
  for (const t of timelines) count += t.parts ? t.parts.length / 2 : 1;
  const tag = new Uint32Array(count);
  const owner = new Int32Array(count);
  const offset = new Int32Array(count);
  const samples = new Int32Array(count);
  const pieces = new Int32Array(timelines.length);
  let p = 0;
  timelines.forEach((t, ti) => {
    const parts = t.parts ?? [t.tag, t.length];
    let at = 0;
    for (let k = 0; k < parts.length; k += 2) {
      if (parts[k + 1] === 0) continue;
      tag[p] = parts[k]!;
      owner[p] = ti;
      offset[p] = at;
      samples[p] = parts[k + 1]!;
      at += parts[k + 1]!;
      pieces[ti]!++;
      p++;
    }
  });
  const next = new Int32Array(tagCount + 1);
  for (let k = 0; k < p; k++) next[tag[k]! + 1]!++;
  for (let t = 1; t <= tagCount; t++) next[t]! += next[t - 1]!;
  const byTag = new Int32Array(p);
  for (let k = 0; k < p; k++) byTag[next[tag[k]!]!++] = k;
  return { tag, owner, offset, samples, pieces, byTag };
}

function view(c: Columns, length: number): TimelineSamples {
  return {
    length,
    times: c.times.subarray(0, length),
    resources: c.resources.subarray(0, length),
    files: c.files.subarray(0, length),
    lines: c.lines.subarray(0, length),
  };
}

function copyInto(target: Columns, at: number, source: Columns, length: number): void {
  target.times.set(source.times.subarray(0, length), at);
  target.resources.set(source.resources.subarray(0, length), at);
  target.files.set(source.files.subarray(0, length), at);
  target.lines.set(source.lines.subarray(0, length), at);
}

/**
 * Reads every timeline asked for back, in one pass over the spilled runs and the samples in memory, tag by tag: each
 * run is ordered by tag, and runs were written in the order their samples came, so a tag's samples taken from each run
 * in turn, then from memory, are in the order they were added. A timeline of one tag is visited as soon as its tag is
 * read; one with appended parts (sessions joined) waits in memory until all its parts are.
 */
export function visitTimelines(store: ChunkedSamples, timelines: readonly Timeline[], visit: TimelineVisitor): void {
  if (timelines.length === 0) return;
  const pieces = piecesByTag(timelines, store.tagCount);
  const cursors: Cursor[] = [];
  if (store.spill !== undefined && store.runs.length > 0) {
    const records = Math.max(MIN_READ_RECORDS, Math.min(MAX_READ_RECORDS, Math.floor(store.limit / store.runs.length)));
    for (const run of store.runs) cursors.push(new SpilledCursor(store.spill, run, new RecordBuffer(Math.min(records, run.count))));
  }
  cursors.push(new MemoryCursor(store, countingOrder(store, store.tagCount)));
  let most = 0;
  for (let k = 0; k < pieces.samples.length; k++) most = Math.max(most, pieces.samples[k]!);
  const gathered = new Columns(most);
  const waiting = new Map<number, { columns: Columns; left: number }>();
  const order = pieces.byTag;
  for (let g = 0; g < order.length; ) {
    const tag = pieces.tag[order[g]!]!;
    let end = g;
    let need = 0;
    while (end < order.length && pieces.tag[order[end]!] === tag) need = Math.max(need, pieces.samples[order[end++]!]!);
    let n = 0;
    for (const cursor of cursors) {
      while (cursor.tag < tag) cursor.skip();
      while (cursor.tag === tag) {
        if (n < need) cursor.copy(gathered, n++);
        else cursor.skip();
      }
    }
    if (n < need) throw new Error(`request samples of timeline ${tag} are missing (${n} of ${need})`);
    for (; g < end; g++) {
      const p = order[g]!;
      const ti = pieces.owner[p]!;
      const timeline = timelines[ti]!;
      if (pieces.pieces[ti] === 1) {
        visit(timeline, view(gathered, pieces.samples[p]!));
        continue;
      }
      let whole = waiting.get(ti);
      if (!whole) {
        whole = { columns: new Columns(timeline.length), left: pieces.pieces[ti]! };
        waiting.set(ti, whole);
      }
      copyInto(whole.columns, pieces.offset[p]!, gathered, pieces.samples[p]!);
      if (--whole.left === 0) {
        waiting.delete(ti);
        visit(timeline, view(whole.columns, timeline.length));
      }
    }
  }
  timelines.forEach((t, ti) => {
    if (pieces.pieces[ti] === 0) visit(t, view(gathered, 0));
  });
}
