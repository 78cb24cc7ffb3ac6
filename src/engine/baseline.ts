import type { Baseline } from '../config/baseline.js';
import type { Finding } from '../model/finding.js';
import { compareFindings } from './findings.js';

export interface BaselineUpdate {
  /** Every finding of the new baseline, all `known`, in report order. */
  findings: Finding[];
  /** Findings of this run that the previous baseline did not have. */
  added: number;
  /** Findings of the previous baseline that this run did not see, kept. */
  kept: number;
}

/**
 * A baseline is every finding now. An existing baseline's findings are kept, so that known findings do not come back
 * when old exports rotate out, unless `prune` drops those this run did not see.
 */
export function updateBaseline(current: Iterable<Finding>, previous: Baseline | undefined, prune: boolean): BaselineUpdate {
  const now: Finding[] = [...current].map(({ suppression: _s, ...f }) => ({ ...f, status: 'known' as const }));
  const seen = new Set(now.map((f) => f.id));
  const kept = prune || !previous ? [] : previous.findings.filter((f) => !seen.has(f.id));
  const added = previous ? now.filter((f) => !previous.ids.has(f.id)).length : now.length;
  return { findings: [...now, ...kept].sort(compareFindings), added, kept: kept.length };
}
