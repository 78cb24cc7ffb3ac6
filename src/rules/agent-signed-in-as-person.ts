import type { ClientUsage, Session } from '../model/session.js';
import { agentOfClient } from './declared.js';
import { DELEGATION_ADVICE, REF } from './references.js';
import type { Rule, RuleContext, RuleHit } from './rule.js';
import { iso, label, labelWithClass, sortedIps } from './session-facts.js';

/** Programs that sign in the way a person does: an AI agent, or a browser it drives headless. */
const SIGNING_IN_AS_A_PERSON = new Set(['ai-agent', 'headless-browser']);

function signedInAsPerson(client: ClientUsage): boolean {
  const identity = client.identity;
  if (!client.signIn?.interactive) return false;
  if (identity.authority !== undefined && identity.authority.kind !== 'not-agent') return false;
  return SIGNING_IN_AS_A_PERSON.has(identity.class) || identity.contradiction !== undefined;
}

function evaluate(session: Session, context: RuleContext): RuleHit[] {
  if (session.user === undefined) return [];
  const hits: RuleHit[] = [];
  for (const client of session.clients.values()) {
    if (!signedInAsPerson(client)) continue;
    const signIn = client.signIn!;
    // A declared agent's own identity is the agent's account, not a person's.
    const declared = context.registry ? agentOfClient(context.registry, session, client) : undefined;
    if (declared && [...session.users].some((u) => declared.identities.some((i) => i.toLowerCase() === u))) continue;
    const idpSays = client.identity.authority?.kind === 'not-agent' ? client.identity.authority.proof : undefined;
    hits.push({
      severity: 'high',
      title: `${label(client)} signed in as ${session.user}`,
      reason:
        `${labelWithClass(client)} signed in interactively as ${session.user}` +
        (idpSays ? `, and the identity provider recorded it as a person's sign-in (${idpSays})` : '') +
        `: the agent holds the person's credential and ${client.count} event(s) look like theirs`,
      client,
      firstSeen: client.firstSeen,
      lastSeen: client.lastSeen,
      count: client.count,
      evidence: [signIn, ...client.evidence.filter((e) => e.line !== signIn.line || e.file !== signIn.file).slice(0, 3)],
      recommendation: DELEGATION_ADVICE,
      details: {
        signIn: { time: iso(signIn.time), ip: signIn.ip ?? null, file: signIn.file, line: signIn.line },
        identityProviderSays: idpSays ?? null,
        automation: {
          class: client.identity.class,
          family: client.identity.family,
          matchedToken: client.identity.matchedToken ?? null,
          tokenSource: client.identity.source ?? null,
          contradiction: client.identity.contradiction ?? null,
        },
        ips: sortedIps(client),
      },
    });
  }
  return hits;
}

export const agentSignedInAsPerson: Rule = {
  id: 'agent-signed-in-as-person',
  severity: 'high',
  title: 'An agent signed in as a person',
  description:
    'An AI agent, or a headless browser a program drives, completed an interactive sign-in as a person: the agent ' +
    'holds their credential (a password, an MFA approval, a device code) and everything it does looks like them. ' +
    'The Entra sign-in log confirms it when it marks the sign-in notAgentic while the client is an agent. Quiet for ' +
    'browsers and native apps, CLIs and HTTP libraries (a person runs az login or a script with their own password), ' +
    'agents the identity provider or token says act through their own identity or a delegation, and a declared ' +
    "agent's own identities.",
  references: [REF.owaspAsi03, REF.attackT1078, REF.rfc8693],
  evaluate,
};
