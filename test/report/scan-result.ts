import { describeRules } from '../../src/engine/rule-catalog.js';
import type { Finding } from '../../src/model/finding.js';
import type { ScanResult } from '../../src/model/report.js';
import { finding } from '../helpers/finding.js';

/** Findings that are no array: a reporter that assumes one (`.map`, `.length`) fails on them. */
export function iterableOnly(findings: readonly Finding[]): Iterable<Finding> {
  return {
    *[Symbol.iterator]() {
      yield* findings;
    },
  };
}

/** `n` distinct new findings over two rules and two severities, as an iterable that is no array. */
export function manyFindings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) =>
    finding({
      id: `bs-${i.toString(16).padStart(16, '0')}`,
      rule: i % 2 === 0 ? 'agent-on-human-session' : 'inhuman-cadence',
      severity: i % 3 === 0 ? 'critical' : 'high',
      user: `user${i}@example.com`,
      session: `102s${i}`,
    }),
  );
}

/** A scan result around the given findings, with a summary that counts them. */
export function scanResult(findings: readonly Finding[], over: Partial<ScanResult> = {}): ScanResult {
  const bySeverity = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };
  for (const f of findings) bySeverity[f.severity]++;
  const count = (status: Finding['status']) => findings.filter((f) => f.status === status).length;
  return {
    tool: { name: 'borrowscan', version: '0.1.0' },
    rules: describeRules(),
    inputs: [{ path: 'okta.json', format: 'okta', events: 10, skipped: 0, errors: [], errorsNotListed: 0, gaps: [] }],
    summary: {
      files: 1,
      filesNotRead: 0,
      events: 10,
      outsideTimeWindow: 0,
      skipped: 0,
      sessions: findings.length,
      findings: findings.length,
      new: count('new'),
      known: count('known'),
      suppressed: count('suppressed'),
      bySeverity,
      timeRange: null,
    },
    findings: iterableOnly(findings),
    staleSuppressions: [],
    observedAgents: [],
    ...over,
  };
}
