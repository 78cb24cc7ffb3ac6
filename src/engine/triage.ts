import type { Baseline } from '../config/baseline.js';
import type { Suppression } from '../config/suppressions.js';
import type { Finding, StaleSuppression } from '../model/finding.js';
import { previousIdOf, withPreviousId } from './findings.js';

export interface TriageOptions {
  baseline?: Baseline;
  suppressions?: readonly Suppression[];
  /** Epoch ms: entries that expired before it no longer suppress. */
  now: number;
}

export interface Triaged {
  findings: Finding[];
  /** Ignore-file entries that expired or matched nothing. */
  stale: StaleSuppression[];
}

/**
 * The triage stage: sorts findings into new, known (in the baseline) and suppressed (by an ignore-file entry with a
 * reason), and reports suppressions that expired or matched nothing. Only new findings count toward the exit code.
 */
export function triage(findings: readonly Finding[], options: TriageOptions): Triaged {
  const suppressions = options.suppressions ?? [];
  const used = new Set<Suppression>();
  const triaged: Finding[] = findings.map((finding) => {
    const previous = previousIdOf(finding);
    for (const s of suppressions) {
      if (!s.matches(finding) && !(previous !== undefined && s.entry.id === previous)) continue;
      if (s.entry.expires !== undefined && s.entry.expires < options.now) continue;
      used.add(s);
      return withPreviousId(
        {
          ...finding,
          status: 'suppressed',
          suppression: {
            reason: s.entry.reason,
            owner: s.entry.owner ?? null,
            expires: s.entry.expires !== undefined ? new Date(s.entry.expires).toISOString() : null,
            file: s.file,
            line: s.line,
          },
        },
        finding,
      );
    }
    // A baseline written before ids hashed the version-free user agent holds the previous id.
    const ids = options.baseline?.ids;
    const known = ids !== undefined && (ids.has(finding.id) || (previous !== undefined && ids.has(previous)));
    return withPreviousId({ ...finding, status: known ? 'known' : 'new' }, finding);
  });

  const stale: StaleSuppression[] = [];
  for (const s of suppressions) {
    const expired = s.entry.expires !== undefined && s.entry.expires < options.now;
    if (!expired && used.has(s)) continue;
    stale.push({
      file: s.file,
      line: s.line,
      why: expired ? 'expired' : 'matched nothing',
      entry: {
        ...s.entry,
        expires: s.entry.expires !== undefined ? new Date(s.entry.expires).toISOString().slice(0, 10) : undefined,
      },
    });
  }
  return { findings: triaged, stale };
}
