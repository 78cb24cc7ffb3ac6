import type { Baseline } from '../config/baseline.js';
import type { Finding } from '../model/finding.js';
import { compareFindings, previousIdOf } from './findings.js';

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
  const found = [...current];
  const now: Finding[] = found.map(({ suppression: _s, ...f }) => ({ ...f, status: 'known' as const }));
  // A finding of an earlier baseline is this run's when either its id or the id it had before 0.2 matches.
  const seen = new Set(found.flatMap((f) => [f.id, previousIdOf(f)]).filter((id): id is string => id !== undefined));
  const kept = prune || !previous ? [] : previous.findings.filter((f) => !seen.has(f.id));
  const isOld = (f: Finding) => previous !== undefined && (previous.ids.has(f.id) || previous.ids.has(previousIdOf(f) ?? ''));
  const added = found.filter((f) => !isOld(f)).length;
  return { findings: [...now, ...kept].sort(compareFindings), added, kept: kept.length };
}
