import type { ClientClass } from '../../model/client.js';
import type { Finding, FindingEvidence } from '../../model/finding.js';
import type { Correlation } from '../../model/session.js';
import type { Severity } from '../../model/severity.js';
import { DELEGATION_ADVICE } from '../../rules/references.js';
import { RULES } from '../../rules/index.js';
import { findingId, rememberPreviousId } from '../findings.js';

/**
 * A finding row of the detection query as the report's Finding. The id is computed by the streaming engine's own
 * findingId from the same four parts (rule, user, session, client key), so ids agree by construction. Titles and
 * reasons are short, built from what the row says; `details.engine` says which engine found it.
 */
const TITLES = new Map(RULES.map((r) => [r.id, r.title]));

function iso(ms: unknown): string {
  return new Date(Number(ms)).toISOString();
}

function reasonOf(rule: string, label: string, cls: string, count: number, detail: string | null, agent: string | null): string {
  const who = label.endsWith(`(${cls})`) ? label : `${label} (${cls})`;
  const declared = agent ? `, declared agent ${agent}` : '';
  switch (rule) {
    case 'agent-on-human-session':
      return `${who} made ${count} call(s) on a session signed in interactively by a person, ${detail === 'other' ? 'from another network' : detail === 'same-ip' ? 'from the same IP' : 'from the same network'}${declared}`;
    case 'unrecognized-client-on-human-session':
      return `${who} made ${count} call(s) on a session signed in interactively by a person${detail === 'other' ? ', from another network' : ''}`;
    case 'agent-signed-in-as-person':
      return `${who} signed in interactively as a person: ${count} event(s) look like theirs`;
    case 'session-context-change':
      return `${label} used a session begun by another client (another ${detail ?? 'client'})`;
    case 'inhuman-cadence':
      return `${label} made ${count} requests at machine pace (${detail ?? 'paced'})`;
    case 'scope-exceeded':
      return `${who}${declared} made ${count} request(s) outside every allow pattern of its tasks${detail === 'acted-for' ? ', or acted for someone its tasks do not name' : ''}`;
    case 'outside-task-window':
      return `${who}${declared} was active ${count} time(s) outside its task windows${detail === 'after' ? ', after its last task ended' : ''}`;
    case 'overlong-session':
      return `${who}${declared} used its session longer than its maxSessionMinutes of ${detail}`;
    case 'undeclared-agent':
      return `${who} made ${count} call(s) as an identity no declared agent names`;
    case 'break-glass-use':
      return `break-glass account used by ${who} ${count} time(s)${detail === 'approved' ? ', inside its approved window' : ''}`;
    default:
      return `${who}: ${count} event(s)`;
  }
}

export function findingFromRow(r: Record<string, unknown>, registryFile: string | undefined): Finding {
  const rule = String(r.rule);
  const user = r.user_name === null || r.user_name === undefined ? undefined : String(r.user_name);
  const session = String(r.session_id);
  const key = String(r.client_key);
  const label = String(r.client_label);
  const cls = String(r.client_class) as ClientClass;
  const count = Number(r.event_count);
  const detail = r.detail === null || r.detail === undefined ? null : String(r.detail);
  const agent = r.declared_agent === null || r.declared_agent === undefined ? null : String(r.declared_agent);
  const evidence: FindingEvidence[] = (
    (r.evidence as { file: string; line: number | null; t: number; summary: string }[] | null) ?? []
  ).map((e) => ({
    file: e.file,
    line: Number(e.line ?? 0),
    time: iso(e.t),
    summary: e.summary,
  }));
  const finding: Finding = {
    id: findingId(rule, user, session, String(r.client_id_key)),
    rule,
    severity: String(r.severity) as Severity,
    title: `${TITLES.get(rule) ?? rule}: ${label}`,
    reason: reasonOf(rule, label, cls, count, detail, agent),
    user: user ?? null,
    session,
    correlation: String(r.correlation) as Correlation,
    client: {
      userAgent: String(r.user_agent ?? ''),
      class: cls,
      ip: r.client_ip === null || r.client_ip === undefined ? null : String(r.client_ip),
    },
    firstSeen: iso(r.first_seen),
    lastSeen: iso(r.last_seen),
    count,
    evidence,
    recommendation:
      rule === 'agent-on-human-session' || rule === 'agent-signed-in-as-person'
        ? DELEGATION_ADVICE
        : `See \`borrowscan rules\` for ${rule}${registryFile ? ` and the agents declared in ${registryFile}` : ''}.`,
    status: 'new',
    details: {
      engine: 'duckdb',
      sqlId: r.finding_id,
      clientKey: key,
      ...(detail !== null ? { detail } : {}),
      ...(agent !== null ? { declaredAgent: agent } : {}),
    },
  };
  // As the streaming engine does: a 0.1 baseline or ignore file (ids of the client key) still matches.
  rememberPreviousId(finding, findingId(rule, user, session, key));
  return finding;
}
