import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import { versionFreeUserAgent } from '../clients/version-free.js';
import type { ClientUsage, RiskEvidence, Session } from '../model/session.js';
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

/**
 * The client part of a finding's id: its user agent without versions (never its class, which changes when the client
 * table learns an entry), plus whatever else told the client apart (agent evidence, identifying headers). A client
 * with no user agent at all is known only by what the identity provider's hints gave it.
 */
export function clientIdKey(client: ClientUsage): string {
  const identity = client.identity;
  const base = client.userAgent !== '' ? `ua:${versionFreeUserAgent(client.userAgent)}` : `hint:${identity.key}`;
  return identity.evidenceKey === undefined ? base : `${base}|${identity.evidenceKey}`;
}

/**
 * The id each finding had before ids hashed the version-free user agent (0.1: they hashed the client's class, family
 * and OS), so that baselines and ignore files written then still match. Kept beside the finding, not in it.
 */
const PREVIOUS_IDS = new WeakMap<Finding, string>();

export function previousIdOf(finding: Finding): string | undefined {
  return PREVIOUS_IDS.get(finding);
}

/** Records the previous id of a finding made elsewhere than toFinding (the SQL engine's, from the client key). */
export function rememberPreviousId(finding: Finding, previousId: string): void {
  PREVIOUS_IDS.set(finding, previousId);
}

/** A copy of a finding (triaged, re-statused) keeps the previous id of the one it was made from. */
export function withPreviousId<F extends Finding>(copy: F, from: Finding): F {
  const previous = PREVIOUS_IDS.get(from);
  if (previous !== undefined) PREVIOUS_IDS.set(copy, previous);
  return copy;
}

export function toFinding(rule: Rule, session: Session, hit: RuleHit): Finding {
  const ips = [...hit.client.ips].sort();
  const finding: Finding = {
    id: findingId(rule.id, session.user, session.id, clientIdKey(hit.client)),
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
  PREVIOUS_IDS.set(finding, findingId(rule.id, session.user, session.id, hit.client.identity.key));
  return finding;
}

function corroboration(r: RiskEvidence): NonNullable<Finding['corroboratedBy']>[number] {
  return {
    file: r.file,
    line: r.line,
    time: new Date(r.time).toISOString(),
    summary: r.summary,
    signal: r.signal,
    detail: r.detail ?? null,
  };
}

/** Most severe first, then earliest, then by id: the same input always gives the same order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
