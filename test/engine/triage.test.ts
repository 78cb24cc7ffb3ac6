import { describe, expect, it } from 'vitest';
import type { Suppression } from '../../src/config/suppressions.js';
import { summarize } from '../../src/engine/summary.js';
import { triage as triageStage, type TriageOptions } from '../../src/engine/triage.js';
import type { Finding } from '../../src/model/finding.js';
import { finding } from '../helpers/finding.js';

function result(findings = [finding(), finding({ id: 'bs-1111111111111111', user: 'carol@example.com' })]): Finding[] {
  return findings;
}

/** The triage stage, and the summary the scan then counts from its findings. */
function triage(findings: Finding[], options: TriageOptions) {
  const t = triageStage(findings, options);
  const tally = { inputs: [], events: 0, outsideTimeWindow: 0, ignoredByRegistry: 0, first: Infinity, last: -Infinity };
  return { findings: t.findings, staleSuppressions: t.stale, summary: summarize(tally, 0, t.findings, false) };
}

function suppression(id: string, expires?: number): Suppression {
  return { entry: { id, reason: 'because', expires }, file: 'ignore.yaml', line: 2, matches: (f) => f.id === id };
}

const NOW = Date.parse('2026-11-03T00:00:00Z');

describe('triage', () => {
  it('marks baseline findings known and the rest new', () => {
    const t = triage(result(), { baseline: { file: 'b.json', findings: [], ids: new Set(['bs-0123456789abcdef']) }, now: NOW });
    expect(t.findings.map((f) => f.status)).toEqual(['known', 'new']);
    expect([t.summary.new, t.summary.known, t.summary.suppressed]).toEqual([1, 1, 0]);
  });

  it('suppresses with the reason, and a suppression wins over the baseline', () => {
    const t = triage(result(), {
      baseline: { file: 'b.json', findings: [], ids: new Set(['bs-0123456789abcdef']) },
      suppressions: [suppression('bs-0123456789abcdef')],
      now: NOW,
    });
    expect(t.findings[0]!.status).toBe('suppressed');
    expect(t.findings[0]!.suppression!.reason).toBe('because');
    expect(t.staleSuppressions).toEqual([]);
  });

  it('lets an expired entry stop suppressing and reports it', () => {
    const t = triage(result(), { suppressions: [suppression('bs-0123456789abcdef', NOW - 1)], now: NOW });
    expect(t.findings[0]!.status).toBe('new');
    expect(t.staleSuppressions.map((s) => s.why)).toEqual(['expired']);
  });

  it('reports entries that matched nothing', () => {
    const t = triage(result(), { suppressions: [suppression('bs-9999999999999999')], now: NOW });
    expect(t.staleSuppressions).toMatchObject([{ why: 'matched nothing', file: 'ignore.yaml', line: 2 }]);
  });
});
