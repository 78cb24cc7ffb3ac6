/**
 * A textbook backtracking glob matcher that counts its steps and gives up past a budget: what a regex engine does
 * with `.*` pieces. Tests use it to show an input is adversarial (backtracking needs more than the budget) before
 * showing the linear matcher needs a small, bounded number of steps on it.
 */

export type Piece<T> = { star: true } | { star: false; matches: (item: T) => boolean };

/** Steps a backtracking matcher takes on items, or `budget + 1` once it has taken more than budget. */
export function backtrackingSteps<T>(pattern: readonly Piece<T>[], items: readonly T[], budget: number): number {
  let steps = 0;
  const match = (p: number, i: number): boolean => {
    if (++steps > budget) throw new RangeError('budget');
    if (p === pattern.length) return i === items.length;
    const piece = pattern[p]!;
    if (piece.star) {
      for (let k = i; k <= items.length; k++) if (match(p + 1, k)) return true;
      return false;
    }
    return i < items.length && piece.matches(items[i]!) && match(p + 1, i + 1);
  };
  try {
    match(0, 0);
    return steps;
  } catch (err) {
    if (err instanceof RangeError && err.message === 'budget') return budget + 1;
    throw err;
  }
}

/** A character glob (`*`, `?`, literals compared exactly) as pieces over characters. */
export function textPieces(glob: string): Piece<string>[] {
  return [...glob].map((ch) => (ch === '*' ? { star: true } : { star: false, matches: (c: string) => ch === '?' || c === ch }));
}
