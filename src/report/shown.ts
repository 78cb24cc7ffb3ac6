import type { Finding } from '../model/finding.js';
import type { ScanResult } from '../model/report.js';
import { atLeast } from '../model/severity.js';
import type { ReportOptions } from './reporter.js';

/**
 * The findings a report lists: every finding at or above --min-severity, in the result's order. Lazy, and walkable
 * again, so that a report can count in one pass and write in the next without holding the findings.
 */
export function shownFindings(result: ScanResult, options: ReportOptions): Iterable<Finding> {
  const min = options.minSeverity;
  return {
    *[Symbol.iterator]() {
      for (const f of result.findings) if (min === undefined || atLeast(f.severity, min)) yield f;
    },
  };
}

/** Counts what a predicate accepts, without gathering. */
export function countWhere<T>(items: Iterable<T>, accept: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (accept(item)) n++;
  return n;
}
