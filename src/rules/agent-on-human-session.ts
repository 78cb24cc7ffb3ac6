import type { AgentRegistry, DeclaredAgent } from '../config/registry.js';
import type { ClientUsage, Session } from '../model/session.js';
import { agentByClient, agentDetails, isDeclaredDelegation } from './declared.js';
import { DELEGATION_ADVICE, REF } from './references.js';
import type { Rule, RuleContext, RuleHit } from './rule.js';
import { actsOnOwnCredential } from '../model/client.js';
import {
  borrowingClients,
  humanClients,
  humanStarter,
  iso,
  label,
  labelWithClass,
  networksOf,
  sortedIps,
  tieOf,
  clientFacts,
  starterDetails,
} from './session-facts.js';
import { networkOf } from '../shared/network.js';

const EVIDENCE_FROM_AUTOMATION = 4;

/**
 * The automation on a session: clients of an automation class, and with a registry, any other client that is a
 * declared agent (its user agent may classify as unknown), except the client that signed the person in.
 */
function riders(
  session: Session,
  starter: ClientUsage,
  registry: AgentRegistry | undefined,
): { client: ClientUsage; agent?: DeclaredAgent }[] {
  const automation = new Set(borrowingClients(session));
  const found: { client: ClientUsage; agent?: DeclaredAgent }[] = [];
  for (const client of session.clients.values()) {
    // The identity provider or the token says it acts with a credential of its own: not a borrowed session.
    if (actsOnOwnCredential(client.identity)) continue;
    const agent = registry ? agentByClient(registry, client) : undefined;
    if (automation.has(client) || (agent && client !== starter)) found.push({ client, agent });
  }
  return found;
}

export const agentOnHumanSession: Rule = {
  id: 'agent-on-human-session',
  severity: 'high',
  title: 'Automation rides on a human session',
  description:
    'A session that a person started with an interactive sign-in (browser or native app) is later used by an ' +
    "automation client: an AI agent, a headless browser, an HTTP library or a CLI. The agent holds the person's " +
    'whole entitlement set and its actions look like theirs. Fires whether or not the IP changes (an agent on the ' +
    "user's own laptop keeps the IP); critical when the automation also comes from another network (/24 for IPv4, " +
    '/64 for IPv6) than every human client of the session. Needs a session tie: a session id, a token id, or the ' +
    'labeled user + IP + time join of access-log activity into an identity-provider session; activity grouped only ' +
    'by user and IP is not judged. With a registry (--agents FILE), a client that is a declared agent counts as ' +
    'automation whatever its class and the finding names the agent and its owner; a declared agent acting for the ' +
    'person through its own delegated session (a task onBehalfOf that person) is no finding.',
  references: [REF.owaspAsi03, REF.attackT1550004, REF.attackT1539, REF.rfc8693],
  evaluate(session: Session, context?: RuleContext): RuleHit[] {
    const starter = humanStarter(session);
    if (!starter?.signIn || !session.start) return [];
    const startedAt = session.start.time;
    const humanNets = networksOf(humanClients(session));
    const hits: RuleHit[] = [];
    for (const { client: agent, agent: declared } of riders(session, starter, context?.registry)) {
      if (agent.lastSeen < startedAt) continue;
      // A declared agent acting for this person through its own delegated session is the pattern we recommend.
      if (declared && context && isDeclaredDelegation(declared, session, context)) continue;
      // Same user and IP in one log alone do not prove that automation used the person's session: it may hold
      // a token of its own (a personal access token beside a web login).
      if (tieOf(session, agent) === 'inferred') continue;
      const agentNets = [...agent.ips].map(networkOf);
      const otherNetwork = agentNets.some((n) => !humanNets.has(n));
      const sameIp = [...agent.ips].some((ip) => starter.ips.has(ip));
      const where = otherNetwork ? 'from another network' : sameIp ? 'from the same IP' : 'from the same network';
      hits.push({
        severity: otherNetwork ? 'critical' : 'high',
        title: `${label(agent)} used ${label(starter)} session`,
        reason:
          `${labelWithClass(agent)} made ${agent.count} call(s) on a session signed in ` +
          `interactively with ${label(starter)}, ${where}` +
          (declared ? `; it is declared agent ${declared.name} (owner ${declared.owner}), which should use its own identity` : ''),
        client: agent,
        firstSeen: agent.firstSeen,
        lastSeen: agent.lastSeen,
        count: agent.count,
        evidence: [starter.signIn, ...agent.evidence.slice(0, EVIDENCE_FROM_AUTOMATION)],
        recommendation: DELEGATION_ADVICE,
        details: {
          ...starterDetails(starter, starter.signIn),
          automation: clientFacts(agent),
          humanIps: sortedIps(starter),
          automationIps: sortedIps(agent),
          network: otherNetwork ? 'other' : sameIp ? 'same-ip' : 'same-network',
          sessionEnded: session.endedAt !== undefined ? iso(session.endedAt) : null,
          usedAfterSignOut: session.endedAt !== undefined && agent.lastSeen > session.endedAt,
          ...(declared ? { declaredAgent: agentDetails(declared) } : {}),
        },
      });
    }
    return hits;
  },
};
