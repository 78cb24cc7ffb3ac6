import { foldCase } from './case-fold.js';
import { matchBlocks, type Blocks, type StepMeter } from './star-blocks.js';

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

export interface GlobOptions {
  ignoreCase: boolean;
  /** Whether `?` matches any one character; otherwise it is literal. */
  questionMark: boolean;
}

const STAR = 0x2a;
const QUESTION = 0x3f;
/** A block item that matches any one unit. */
const ANY = -1;

export function compileGlob(source: string, options: GlobOptions): TextMatcher {
  const fold = options.ignoreCase ? foldCase : (unit: number) => unit;
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
      current.push(unit === QUESTION && options.questionMark ? ANY : fold(unit));
      afterStar = false;
    }
  }
  blocks.push(Int32Array.from(current));
  const pattern: Blocks<Int32Array> = { blocks, starred: blocks.length > 1, minLength: blocks.reduce((n, b) => n + b.length, 0) };
  const width = (block: Int32Array) => block.length;

  return {
    source,
    test(text, meter) {
      let steps = 0;
      const fits = (block: Int32Array, start: number): boolean => {
        steps++;
        for (let j = 0; j < block.length; j++) {
          steps++;
          const want = block[j]!;
          if (want !== ANY && fold(text.charCodeAt(start + j)) !== want) return false;
        }
        return true;
      };
      const matched = matchBlocks(pattern, text.length, width, fits);
      if (meter) meter.steps += steps;
      return matched;
    },
  };
}
