/**
 * The one matching algorithm behind every glob: a pattern is blocks of fixed-length pieces separated by stars
 * (`a?c*de*f`: `a?c`, `de`, `f`), where a star matches any run of items and each piece exactly one item (a character of
 * a user agent, a segment of a path). Without a star the one block must match the whole input. With stars, the first
 * block must match at the start, the last at the end, and each block between is taken at its leftmost place after
 * the one before: if any placement matches, the leftmost does too, so nothing is ever retried.
 *
 * Cost, by construction: the starts tried for the middle blocks are disjoint ranges of the input (each search begins
 * after the previous block's match), so there are at most input length + block count of them, and each start costs
 * at most one block's length in comparisons. A match is linear in the input, whatever the pattern: no backtracking.
 */

/** Counts the comparisons a matcher makes, so tests can prove its bound. */
export interface StepMeter {
  steps: number;
}

export interface Blocks<B> {
  /** The pieces between stars, in order; one block when the pattern has no star. */
  blocks: readonly B[];
  /** Whether the pattern has a star (then blocks has at least two: what comes before the first and after the last). */
  starred: boolean;
  /** Length of every block together: the fewest items a match needs. */
  minLength: number;
}

/** How a kind of input is matched, piece by piece: glob.ts for characters, path-glob.ts for path segments. */
export interface BlockMatcher<B, I> {
  /** A block's length in items. */
  width(block: B): number;
  /** Whether a block matches the items of input from start; counts one step per start tried and per comparison. */
  fits(block: B, input: I, start: number, meter: StepMeter | undefined): boolean;
  /**
   * The leftmost start from `from` up to `last` (included) where the block fits, or -1: what calling fits on each
   * start in turn gives (seekByFits), in a loop the matcher may write tighter, counting the same steps.
   */
  seek(block: B, input: I, from: number, last: number, meter: StepMeter | undefined): number;
}

/** seek as a loop over fits. */
export function seekByFits<B, I>(
  matcher: BlockMatcher<B, I>,
  block: B,
  input: I,
  from: number,
  last: number,
  meter: StepMeter | undefined,
): number {
  for (let start = from; start <= last; start++) if (matcher.fits(block, input, start, meter)) return start;
  return -1;
}

/** Whether the blocks match the items of input from `from` up to (not including) `to`. */
export function matchBlocks<B, I>(
  pattern: Blocks<B>,
  input: I,
  from: number,
  to: number,
  matcher: BlockMatcher<B, I>,
  meter: StepMeter | undefined,
): boolean {
  const { blocks } = pattern;
  if (!pattern.starred) return to - from === pattern.minLength && matcher.fits(blocks[0]!, input, from, meter);
  if (to - from < pattern.minLength) return false;
  const last = blocks[blocks.length - 1]!;
  const end = to - matcher.width(last);
  if (!matcher.fits(blocks[0]!, input, from, meter) || !matcher.fits(last, input, end, meter)) return false;
  let position = from + matcher.width(blocks[0]!);
  for (let i = 1; i < blocks.length - 1; i++) {
    const block = blocks[i]!;
    const size = matcher.width(block);
    const start = matcher.seek(block, input, position, end - size, meter);
    if (start < 0) return false;
    position = start + size;
  }
  return true;
}
