import { foldCase } from './case-fold.js';
import { matchBlocks, type BlockMatcher, type Blocks, type StepMeter } from './star-blocks.js';

/**
 * Globs over text: `*` matches any run of characters, `?` (where it is a wildcard) exactly one; everything else is
 * literal. A character is a UTF-16 code unit and, ignoring case, compares as a RegExp with the `i` flag compares it
 * (see case-fold.ts). Matching is linear in the text: see star-blocks.ts.
 */

export type { StepMeter } from './star-blocks.js';

/** A compiled pattern: `test` says whether a text matches it; a meter, when given, counts the comparisons made. */
export interface TextMatcher {
  readonly source: string;
  test(text: string, meter?: StepMeter): boolean;
}

/** A text glob that can also match a part of a text (a path segment) without cutting it out. */
export interface RangeMatcher extends TextMatcher {
  /** Whether the units of text from `from` up to (not including) `to` match. */
  testRange(text: string, from: number, to: number, meter?: StepMeter): boolean;
}

export interface GlobOptions {
  ignoreCase: boolean;
  /** Whether `?` matches any one character; otherwise it is literal. */
  questionMark: boolean;
}

const STAR = 0x2a;
const QUESTION = 0x3f;
/** A block item that matches any one unit. */
const ANY = -1;

/** Blocks of units, compared exactly. */
const EXACT: BlockMatcher<Int32Array, string> = {
  width: (block) => block.length,
  fits: (block, text, start, meter) => fitsAt(block, text, start, false, meter),
  seek: (block, text, from, last, meter) => seek(block, text, from, last, false, meter),
};

/** Blocks of folded units, against the text folded as it is read. */
const FOLDED: BlockMatcher<Int32Array, string> = {
  width: (block) => block.length,
  fits: (block, text, start, meter) => fitsAt(block, text, start, true, meter),
  seek: (block, text, from, last, meter) => seek(block, text, from, last, true, meter),
};

function unitAt(text: string, index: number, fold: boolean): number {
  const unit = text.charCodeAt(index);
  if (!fold || unit < 0x61) return unit;
  if (unit <= 0x7a) return unit - 0x20;
  return unit < 0x80 ? unit : foldCase(unit);
}

function fitsAt(block: Int32Array, text: string, start: number, fold: boolean, meter: StepMeter | undefined): boolean {
  if (meter) meter.steps += 1;
  for (let j = 0; j < block.length; j++) {
    if (meter) meter.steps += 1;
    const want = block[j]!;
    if (want !== ANY && unitAt(text, start + j, fold) !== want) return false;
  }
  return true;
}

/** seekByFits, with the first unit compared before the call: most starts fail there. Counts the same steps. */
function seek(block: Int32Array, text: string, from: number, last: number, fold: boolean, meter: StepMeter | undefined): number {
  const first = block.length > 0 ? block[0]! : ANY;
  for (let start = from; start <= last; start++) {
    if (first !== ANY && unitAt(text, start, fold) !== first) {
      if (meter) meter.steps += 2;
      continue;
    }
    if (fitsAt(block, text, start, fold, meter)) return start;
  }
  return -1;
}

export function compileGlob(source: string, options: GlobOptions): RangeMatcher {
  const blocks: Int32Array[] = [];
  let current: number[] = [];
  let afterStar = false;
  for (let i = 0; i < source.length; i++) {
    const unit = source.charCodeAt(i);
    if (unit === STAR) {
      // A run of stars is one star.
      if (!afterStar) blocks.push(Int32Array.from(current));
      current = [];
      afterStar = true;
    } else {
      current.push(unit === QUESTION && options.questionMark ? ANY : options.ignoreCase ? foldCase(unit) : unit);
      afterStar = false;
    }
  }
  blocks.push(Int32Array.from(current));
  const pattern: Blocks<Int32Array> = { blocks, starred: blocks.length > 1, minLength: blocks.reduce((n, b) => n + b.length, 0) };
  const matcher = options.ignoreCase ? FOLDED : EXACT;
  return {
    source,
    test: (text, meter) => matchBlocks(pattern, text, 0, text.length, matcher, meter),
    testRange: (text, from, to, meter) => matchBlocks(pattern, text, from, to, matcher, meter),
  };
}
