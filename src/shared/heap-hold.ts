import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * How V8's heap may grow while a scan runs. A scan's garbage is its lines and events, which die within a block; what
 * survives is sessions, which grow slowly and stay. V8's defaults are tuned for the opposite, and cost a scan memory:
 *
 * - It doubles the young generation's two semi-spaces while objects survive, up to 16 MB each on Node 20 and 22 and
 *   32 MB on Node 24 (64 MB in a worker thread there), and never hands the room back. Past 8 MB a semi-space buys a
 *   scan little: over 2M events (Okta + access log, Node 20) scavenges took 0.30 s with 16 MB semi-spaces, 0.40 s
 *   with 8 MB and 0.55 s with 4 MB, at 139, 120 and 108 MB peak RSS. Node sets the ceiling only at start-up, but V8
 *   reads its growth factor at every growth: once the semi-spaces have reached 8 MB, a factor of 1 keeps them there.
 * - It lets the old generation grow to up to four times what the last full collection left alive before it collects
 *   again. Promoted garbage, and the read buffers it holds outside the heap, wait that long. At 20% over the live heap
 *   (`--heap-growing-percent`, also read at every full collection) the 5M-event memory bench peaked at 257 MB instead
 *   of 286 to 300, at the same CPU time per event (the marking is concurrent). On Node 24 the row peaked at 266 to
 *   311 MB either way (V8 13's own growth is more careful), so the one setting serves every version.
 *
 * Flags are the process's, so holds are counted and the last to end restores V8's defaults. A user who sets one of
 * these flags (as a `node` option, or in NODE_OPTIONS where Node allows it) keeps it.
 */
export const SEMI_SPACE_CAP_MB = 8;
export const OLD_GENERATION_GROWTH_PERCENT = 20;

/**
 * The cap as a worker thread's `resourceLimits.maxYoungGenerationSizeMb`: V8 sizes a young generation as three
 * semi-spaces (its two, and as much again for new objects too large for them).
 */
export const YOUNG_GENERATION_CAP_MB = 3 * SEMI_SPACE_CAP_MB;

/** V8's own values, restored when the last hold ends (0: V8 picks the old generation's growth itself). */
const DEFAULT_SEMI_SPACE_GROWTH_FACTOR = 2;
const DEFAULT_HEAP_GROWING_PERCENT = 0;
const NEW_SPACE_CAP_BYTES = 2 * SEMI_SPACE_CAP_MB * 1024 * 1024;

const YOUNG_GENERATION_FLAG = /^--(?:(?:max|min)[-_]semi[-_]space[-_]size|semi[-_]space[-_]growth[-_]factor)(?:=|$)/;
const OLD_GENERATION_FLAG = /^--heap[-_]growing[-_]percent(?:=|$)/;

export interface HeapHold {
  /** Stops the young generation growing once it has reached the cap (cheap once it has: call it per block read). */
  check(): void;
  /** Ends the hold; the last one to end gives V8 its defaults back. */
  release(): void;
}

/** Which of the flags a hold sets the user has set: Node's options (`process.execArgv`) or NODE_OPTIONS name them. */
export function tunedByUser(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions = process.env.NODE_OPTIONS,
): { young: boolean; old: boolean } {
  // execArgv holds a `-e` script's text too: only whole options count.
  const options = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  return {
    young: options.some((option) => YOUNG_GENERATION_FLAG.test(option)),
    old: options.some((option) => OLD_GENERATION_FLAG.test(option)),
  };
}

/** Bytes of the young generation's two semi-spaces now, or undefined where V8 does not say. */
export function newSpaceBytes(): number | undefined {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size;
}

function setFlag(flag: string): boolean {
  try {
    setFlagsFromString(flag);
    return true;
  } catch {
    return false;
  }
}

let holders = 0;
let youngCapped = false;
let oldHeld = false;

export function holdHeap(): HeapHold {
  const tuned = tunedByUser();
  if (holders++ === 0 && !tuned.old) oldHeld = setFlag(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`);
  let released = false;
  return {
    check() {
      if (youngCapped || released || tuned.young) return;
      const bytes = newSpaceBytes();
      if (bytes !== undefined && bytes >= NEW_SPACE_CAP_BYTES) youngCapped = setFlag('--semi-space-growth-factor=1');
    },
    release() {
      if (released) return;
      released = true;
      if (--holders > 0) return;
      if (youngCapped) setFlag(`--semi-space-growth-factor=${DEFAULT_SEMI_SPACE_GROWTH_FACTOR}`);
      if (oldHeld) setFlag(`--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`);
      youngCapped = false;
      oldHeld = false;
    },
  };
}
