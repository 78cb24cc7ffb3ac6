import { isAutomationClient } from '../model/client.js';
import type { Session } from '../model/session.js';
import { REF } from './references.js';
import type { Rule, RuleContext, RuleHit } from './rule.js';
import { agentOfClient, delegatorOf } from './declared.js';
import { humanStarter, label, labelWithClass, sortedIps } from './session-facts.js';

export const UNDECLARED_AGENT = 'undeclared-agent';

function evaluate(session: Session, context: RuleContext): RuleHit[] {
  const registry = context.registry;
  // A human session used by automation is agent-on-human-session's; a break-glass account, break-glass-use's.
  if (!registry || humanStarter(session)) return [];
  if ([...session.users].some((u) => registry.isBreakGlass(u))) return [];
  const hits: RuleHit[] = [];
  for (const client of session.clients.values()) {
    if (!isAutomationClient(client.identity)) continue;
    if (agentOfClient(registry, session, client)) continue;
    // Anonymous traffic is no identity: only a signed-in user or an OAuth client can be declared.
    const clientIds = [...client.clientIds].sort();
    if (session.user === undefined && clientIds.length === 0) continue;
    const who = session.user ?? `OAuth client ${clientIds[0]}`;
    const delegator = delegatorOf(session, context);
    const acting = delegator !== undefined ? ` on behalf of ${delegator} (a delegated session)` : '';
    hits.push({
      severity: 'medium',
      title: `Undeclared agent ${label(client)} acting as ${who}`,
      reason: `${labelWithClass(client)} made ${client.count} call(s) as ${who}${acting}, which no agent in ${registry.file} declares`,
      client,
      firstSeen: client.firstSeen,
      lastSeen: client.lastSeen,
      count: client.count,
      evidence: client.evidence,
      recommendation:
        `Declare the agent in ${registry.file} (owner, identities or clients, tasks with windows and allowed ` +
        'operations), so its scope can be checked; or, if nobody owns it, revoke its credentials.',
      details: {
        identity: session.user ?? null,
        clientIds,
        delegatedFor: delegator ?? null,
        ips: sortedIps(client),
        automation: { class: client.identity.class, family: client.identity.family, matchedToken: client.identity.matchedToken ?? null },
      },
    });
  }
  return hits;
}

export const undeclaredAgent: Rule = {
  id: UNDECLARED_AGENT,
  severity: 'medium',
  title: 'Automation by an undeclared identity',
  description:
    'With a registry (--agents FILE): automation (an AI agent, HTTP library, headless browser or CLI) acting as a ' +
    'user or OAuth client that no declared agent names, in a session no person started interactively. Human ' +
    'sessions used by automation stay agent-on-human-session; break-glass accounts are break-glass-use.',
  references: [REF.owaspAsi03, REF.owaspAsi10],
  evaluate,
};
