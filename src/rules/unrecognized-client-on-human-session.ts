import { isNamedByHint } from '../clients/classify.js';
import { actsOnOwnCredential, isAutomationClient, isHumanClient } from '../model/client.js';
import type { ClientUsage, Session } from '../model/session.js';
import { networkOf } from '../shared/network.js';
import { agentByClient } from './declared.js';
import { REF } from './references.js';
import type { Rule, RuleContext, RuleHit } from './rule.js';
import {
  humanClients,
  humanStarter,
  label,
  labelWithClass,
  networksOf,
  sortedIps,
  tieOf,
  clientFacts,
  starterDetails,
} from './session-facts.js';

const EVIDENCE_FROM_CLIENT = 4;

/**
 * Clients that are neither a person's (browser, native app) nor automation `agent-on-human-session` reports: a
 * client borrowscan cannot name (`unknown`), and a crawler (`ai-crawler`), which never holds a person's session.
 * One the identity provider or token says acts with a credential of its own is not on a borrowed session.
 * A client with no user agent of its own is left out: one the log names by the identity provider's or the cloud's
 * label (`AWS Internal`, a console back end, Entra's parsed app) is not a program that sent a user agent, and a log
 * that records none would flag every session.
 */
function unjudged(client: ClientUsage): boolean {
  const { identity } = client;
  if (isHumanClient(identity) || isAutomationClient(identity) || actsOnOwnCredential(identity)) return false;
  if (isNamedByHint(identity)) return false;
  return !(identity.class === 'unknown' && identity.family === 'unknown');
}

export const unrecognizedClientOnHumanSession: Rule = {
  id: 'unrecognized-client-on-human-session',
  severity: 'low',
  title: 'An unrecognized client used a human session',
  description:
    'A session that a person started with an interactive sign-in is later used by a client that is neither a ' +
    'browser or native app nor automation borrowscan can name: an unknown user agent (an agent no table knows yet, ' +
    "or a person's own app with a token of its own), or a crawler, which should never hold a person's session. " +
    "Low, because a person's desktop or company app looks the same; medium when the client comes from another " +
    'network (/24 for IPv4, /64 for IPv6) than every human client of the session, or is a crawler. Clients ' +
    'agent-on-human-session reports (automation classes, declared agents) are left to it; clients with no user ' +
    'agent of their own (none logged, or only a label the identity provider or cloud gives, such as AWS Internal), and activity tied to the person only by user and IP within one log, are not judged.',
  references: [REF.owaspAsi03, REF.attackT1550004, REF.attackT1539],
  evaluate(session: Session, context?: RuleContext): RuleHit[] {
    const starter = humanStarter(session);
    if (!starter?.signIn || !session.start) return [];
    const startedAt = session.start.time;
    const humanNets = networksOf(humanClients(session));
    const hits: RuleHit[] = [];
    for (const client of session.clients.values()) {
      if (client === starter || !unjudged(client) || client.lastSeen < startedAt) continue;
      if (context?.registry && agentByClient(context.registry, client)) continue;
      if (tieOf(session, client) === 'inferred') continue;
      const otherNetwork = [...client.ips].some((ip) => !humanNets.has(networkOf(ip)));
      const crawler = client.identity.class === 'ai-crawler';
      hits.push({
        severity: otherNetwork || crawler ? 'medium' : 'low',
        title: `${label(client)} used ${label(starter)} session`,
        reason:
          `${labelWithClass(client)} made ${client.count} call(s) on a session signed in interactively with ` +
          `${label(starter)}${otherNetwork ? ', from another network' : ''}; ` +
          (crawler
            ? "a crawler never holds a person's session, so something else presents its name"
            : "borrowscan cannot tell whether it is the person's own app or an agent"),
        client,
        firstSeen: client.firstSeen,
        lastSeen: client.lastSeen,
        count: client.count,
        evidence: [starter.signIn, ...client.evidence.slice(0, EVIDENCE_FROM_CLIENT)],
        recommendation:
          'Find out what this client is: if it is an agent or a script, give it an identity of its own (an OAuth ' +
          "client, or a token exchange that names it as actor) and revoke this session; if it is the person's own " +
          'app, declare it (--agents FILE, or suppress the finding with a reason).',
        details: {
          ...starterDetails(starter, starter.signIn),
          client: { userAgent: client.userAgent, ...clientFacts(client) },
          humanIps: sortedIps(starter),
          clientIps: sortedIps(client),
          network: otherNetwork ? 'other' : 'same-network',
        },
      });
    }
    return hits;
  },
};
