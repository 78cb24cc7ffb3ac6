import { actsOnOwnCredential, isAutomationClient, isHumanClient } from '../model/client.js';
import type { ClientUsage, Session } from '../model/session.js';
import { networkOf } from '../shared/network.js';
import { describeClient } from '../clients/classify.js';

/**
 * The client that began the session with an interactive human sign-in, if it began that way: the identity
 * provider says the sign-in was interactive, and the client is a browser or native app, or unknown because the
 * log names none (Google Workspace logins carry no user agent). Automation that signs in "interactively" is not human.
 */
export function humanStarter(session: Session): ClientUsage | undefined {
  const start = session.start;
  if (!start?.interactive) return undefined;
  const client = session.clients.get(start.clientKey);
  if (!client) return undefined;
  const identity = client.identity;
  if (identity.authority !== undefined && identity.authority.kind !== 'not-agent') return undefined;
  return isHumanClient(identity) || (identity.class === 'unknown' && identity.contradiction === undefined) ? client : undefined;
}

/** How a client's events were tied to the session: its own join, else the session's. */
export function tieOf(session: Session, client: ClientUsage): Session['correlation'] {
  return client.joinedBy ?? session.correlation;
}

export function humanClients(session: Session): ClientUsage[] {
  return [...session.clients.values()].filter((c) => isHumanClient(c.identity));
}

export function automationClients(session: Session): ClientUsage[] {
  return [...session.clients.values()].filter((c) => isAutomationClient(c.identity));
}

/**
 * Automation that holds no credential of its own: the identity provider or the token does not say it acts through
 * its own identity or a delegation.
 */
export function borrowingClients(session: Session): ClientUsage[] {
  return automationClients(session).filter((c) => !actsOnOwnCredential(c.identity));
}

export function networksOf(clients: Iterable<ClientUsage>): Set<string> {
  const nets = new Set<string>();
  for (const c of clients) for (const ip of c.ips) nets.add(networkOf(ip));
  return nets;
}

export function sortedIps(client: ClientUsage): string[] {
  return [...client.ips].sort();
}

export function label(client: ClientUsage): string {
  return describeClient(client.identity);
}

/** `python-requests (http-library)`, `Claude Code (ai-agent)`: the label, with the class once. */
export function labelWithClass(client: ClientUsage): string {
  const text = label(client);
  return text.endsWith(`(${client.identity.class})`) ? text : `${text} (${client.identity.class})`;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** What a finding says of the person's side of a session: the client that signed them in, and that sign-in. */
export function starterDetails(starter: ClientUsage, signIn: NonNullable<ClientUsage['signIn']>) {
  return {
    humanClient: { userAgent: starter.userAgent, class: starter.identity.class, label: label(starter) },
    signIn: { time: iso(signIn.time), ip: signIn.ip ?? null, file: signIn.file, line: signIn.line },
  };
}

/** What a finding says of the client it is about: its class, family, and the table token that named it. */
export function clientFacts(client: ClientUsage) {
  return {
    class: client.identity.class,
    family: client.identity.family,
    matchedToken: client.identity.matchedToken ?? null,
    tokenSource: client.identity.source ?? null,
  };
}
