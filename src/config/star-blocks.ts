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

/**
 * Whether the blocks match an input of `length` items. `fits(block, start)` says whether a block matches the items
 * from start (it is called once per start tried, so it can count them); `width(block)` is a block's length in items.
 */
export function matchBlocks<B>(
  pattern: Blocks<B>,
  length: number,
  width: (block: B) => number,
  fits: (block: B, start: number) => boolean,
): boolean {
  const { blocks } = pattern;
  if (!pattern.starred) return length === pattern.minLength && fits(blocks[0]!, 0);
  if (length < pattern.minLength) return false;
  const last = blocks[blocks.length - 1]!;
  const end = length - width(last);
  if (!fits(blocks[0]!, 0) || !fits(last, end)) return false;
  let position = width(blocks[0]!);
  for (let i = 1; i < blocks.length - 1; i++) {
    const block = blocks[i]!;
    const size = width(block);
    let start = position;
    while (start + size <= end && !fits(block, start)) start++;
    if (start + size > end) return false;
    position = start + size;
  }
  return true;
}
