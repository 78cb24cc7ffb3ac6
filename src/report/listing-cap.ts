import type { Finding } from '../model/finding.js';
import type { Severity } from '../model/severity.js';

/** How many findings of one rule and severity the table and the Markdown report list before they only count. */
export const DEFAULT_LIST_LIMIT = 20;

export interface LeftOut {
  rule: string;
  severity: Severity;
  count: number;
}

/**
 * Lets the first `limit` findings of each rule and severity through (0: all of them) and counts the rest, so a
 * report of 300,000 findings stays readable and the reader still learns what was not listed.
 */
export class ListingCap {
  private readonly listed = new Map<string, number>();
  private readonly skipped = new Map<string, LeftOut>();

  constructor(private readonly limit: number) {}

  admit(f: Finding): boolean {
    const key = `${f.severity}\u0000${f.rule}`;
    const listed = this.listed.get(key) ?? 0;
    if (this.limit === 0 || listed < this.limit) {
      this.listed.set(key, listed + 1);
      return true;
    }
    const left = this.skipped.get(key);
    if (left) left.count++;
    else this.skipped.set(key, { rule: f.rule, severity: f.severity, count: 1 });
    return false;
  }

  /** What was not listed, in the order it was first met (the report's order). */
  leftOut(): LeftOut[] {
    return [...this.skipped.values()];
  }

  /** Forgets what was counted, for the next group (the limit still applies per rule and severity). */
  reset(): void {
    this.listed.clear();
    this.skipped.clear();
  }
}
