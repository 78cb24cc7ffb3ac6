import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import type { RiskEvidence, Session } from '../model/session.js';
import { severityRank } from '../model/severity.js';
import type { Rule, RuleHit } from '../rules/rule.js';

/**
 * A finding's id names what was found: the rule, the user, the session and the client.
 * Line numbers, file order and run time never enter it, so it survives re-exports and reruns.
 */
export function findingId(rule: string, user: string | undefined, session: string, clientKey: string): string {
  const digest = createHash('sha256')
    .update([rule, (user ?? '').toLowerCase(), session, clientKey].join('\u0000'))
    .digest('hex');
  return `bs-${digest.slice(0, 16)}`;
}

export function toFinding(rule: Rule, session: Session, hit: RuleHit): Finding {
  const ips = [...hit.client.ips].sort();
  return {
    id: findingId(rule.id, session.user, session.id, hit.client.identity.key),
    rule: rule.id,
    severity: hit.severity,
    title: hit.title,
    reason: hit.reason,
    user: session.user ?? null,
    session: session.id,
    correlation: hit.client.joinedBy ?? session.correlation,
    client: { userAgent: hit.client.userAgent, class: hit.client.identity.class, ip: ips[0] ?? null },
    firstSeen: new Date(hit.firstSeen).toISOString(),
    lastSeen: new Date(hit.lastSeen).toISOString(),
    count: hit.count,
    evidence: hit.evidence.map((e) => ({ file: e.file, line: e.line, time: new Date(e.time).toISOString(), summary: e.summary })),
    recommendation: hit.recommendation,
    status: 'new',
    details: hit.details,
    ...(session.risk?.length ? { corroboratedBy: session.risk.map(corroboration) } : {}),
  };
}

function corroboration(r: RiskEvidence): NonNullable<Finding['corroboratedBy']>[number] {
  return { file: r.file, line: r.line, time: new Date(r.time).toISOString(), summary: r.summary, signal: r.signal, detail: r.detail ?? null };
}

/** Most severe first, then earliest, then by id: the same input always gives the same order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
