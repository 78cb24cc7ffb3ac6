import { toEvidence } from '../shared/evidence.js';
import type { NormalizedEvent } from '../model/event.js';
import type { ClientUsage, EvidenceEvent, Session } from '../model/session.js';
import { REF } from './references.js';
import type { Rule, RuleContext, RuleHit } from './rule.js';
import { agentDetails, agentOfClient, agentOfEvent, clientState, clientStates, later, mergeClientStates } from './declared.js';
import { iso, labelWithClass } from './session-facts.js';

export const OVERLONG_SESSION = 'overlong-session';

/** The latest event of a declared agent's client: the evidence of how long its credential stayed in use. */
interface Latest {
  latest?: EvidenceEvent;
}

function observe(event: NormalizedEvent, session: Session, client: ClientUsage, context: RuleContext): void {
  const registry = context.registry;
  if (!registry) return;
  const agent = agentOfEvent(context, event, session, client);
  if (agent?.maxSessionMinutes === undefined) return;
  const state = clientState<Latest>(session, OVERLONG_SESSION, client.identity.key, () => ({}));
  if (!state.latest || event.time >= state.latest.time) state.latest = later(state.latest, toEvidence(event));
}

function minutes(ms: number): number {
  return Math.round(ms / 60_000);
}

function evaluate(session: Session, context: RuleContext): RuleHit[] {
  const registry = context.registry;
  // A session grouped only by user and IP is not one credential: its span says nothing about a credential's life.
  if (!registry || session.correlation === 'inferred') return [];
  const began = session.start?.time ?? session.firstSeen;
  const beganEvidence = session.start?.evidence;
  const latest = clientStates<Latest>(session, OVERLONG_SESSION);
  const hits: RuleHit[] = [];
  for (const [key, client] of session.clients) {
    const agent = agentOfClient(registry, session, client);
    if (agent?.maxSessionMinutes === undefined) continue;
    const limit = agent.maxSessionMinutes * 60_000;
    const used = client.lastSeen - began;
    if (used <= limit) continue;
    const last = latest.get(key)?.latest;
    const evidence: EvidenceEvent[] = [beganEvidence ?? client.evidence[0]].filter((e): e is EvidenceEvent => e !== undefined);
    if (last && !evidence.some((e) => e.file === last.file && e.line === last.line)) evidence.push(last);
    hits.push({
      severity: 'medium',
      title: `Declared agent ${agent.name} used a credential longer than ${agent.maxSessionMinutes} min`,
      reason:
        `declared agent ${agent.name} (${labelWithClass(client)}, owner ${agent.owner}) still used its session ` +
        `${minutes(used)} min after it began at ${iso(began)}, longer than its maxSessionMinutes of ${agent.maxSessionMinutes}`,
      client,
      firstSeen: began,
      lastSeen: client.lastSeen,
      count: client.count,
      evidence,
      recommendation:
        'Issue the agent short-lived credentials that expire within maxSessionMinutes (token lifetime, session ' +
        'policy), and have it get a fresh one per task instead of keeping one session alive.',
      details: {
        declaredAgent: agentDetails(agent),
        maxSessionMinutes: agent.maxSessionMinutes,
        minutesUsed: minutes(used),
        began: iso(began),
        beganWith: session.start ? 'sign-in' : 'first event',
        lastUse: iso(client.lastSeen),
      },
    });
  }
  return hits;
}

export const overlongSession: Rule = {
  id: OVERLONG_SESSION,
  severity: 'medium',
  title: 'Declared agent credential used too long',
  description:
    "A declared agent's session or credential was still used more than its maxSessionMinutes after it began (its " +
    'earliest sign-in, or else its first event). Quiet without a registry, for agents without maxSessionMinutes, ' +
    'and for sessions grouped only by user and IP.',
  references: [REF.owaspAsi03, REF.attackT1528],
  observe,
  mergeState: (target, source) => mergeClientStates<Latest>(target, source, (a, b) => ({ latest: later(a.latest, b.latest) })),
  evaluate,
};
