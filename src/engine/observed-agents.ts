import type { AgentRegistry } from '../config/registry.js';
import { actsOnOwnCredential } from '../model/client.js';
import type { Finding } from '../model/finding.js';
import type { ObservedAgent } from '../model/report.js';
import type { ClientUsage, Session } from '../model/session.js';
import { agentOfClient, delegatorOf } from '../rules/declared.js';
import type { RuleContext } from '../rules/rule.js';
import { humanStarter, label } from '../rules/session-facts.js';

const MAX_LISTED = 10;

interface Tally {
  agent: ObservedAgent;
  sessions: Set<string>;
  proof: Set<string>;
  people: Set<string>;
  clients: Map<string, ObservedAgent['clients'][number]>;
  first: number;
  last: number;
}

/** What a client is as an agent, if it is one: named by the identity provider, the registry, or its user agent. */
function agentOf(session: Session, client: ClientUsage, registry: AgentRegistry | undefined) {
  const declared = registry ? agentOfClient(registry, session, client) : undefined;
  const authority = client.identity.authority;
  const byLog = authority !== undefined && authority.kind !== 'not-agent';
  if (!declared && !byLog && client.identity.class !== 'ai-agent') return undefined;
  const knownBy: ObservedAgent['knownBy'] = [];
  if (byLog) knownBy.push('identity-provider');
  if (declared) knownBy.push('registry');
  if (client.identity.class === 'ai-agent') knownBy.push('client');
  const name = declared?.name ?? (byLog ? authority.agent : undefined) ?? client.identity.family;
  return { name, knownBy, declared };
}

/** How an agent's client acted on a session, strongest claim first. */
function howActed(session: Session, client: ClientUsage, context: RuleContext, ownIdentity: boolean): keyof ObservedAgent['acted'] {
  const kind = client.identity.authority?.kind;
  if (kind === 'own' || ownIdentity) return 'ownIdentity';
  if (kind === 'delegated' || delegatorOf(session, context) !== undefined) return 'delegated';
  if (humanStarter(session) !== undefined && !actsOnOwnCredential(client.identity)) return 'onPersonSession';
  return 'other';
}

/**
 * Every agent the logs show, with or without a registry: declared by the identity provider or a token, declared in
 * agents.yaml, or recognized by its client; and how it acted: through its own identity, a delegation (with what
 * proves it), or on a person's session.
 */
export function observeAgents(context: RuleContext, findings: Iterable<Finding>): ObservedAgent[] {
  const registry = context.registry;
  const tallies = new Map<string, Tally>();
  const byClient = new Map<string, Tally>();
  for (const session of context.sessions.values()) {
    for (const client of session.clients.values()) {
      const found = agentOf(session, client, registry);
      if (!found) continue;
      let t = tallies.get(found.name);
      if (!t) {
        t = {
          agent: {
            name: found.name,
            knownBy: [],
            sessions: 0,
            acted: { ownIdentity: 0, delegated: 0, onPersonSession: 0, other: 0 },
            proof: [],
            people: [],
            clients: [],
            events: 0,
            firstSeen: '',
            lastSeen: '',
            findings: {},
          },
          sessions: new Set(),
          proof: new Set(),
          people: new Set(),
          clients: new Map(),
          first: Infinity,
          last: -Infinity,
        };
        tallies.set(found.name, t);
      }
      for (const k of found.knownBy) if (!t.agent.knownBy.includes(k)) t.agent.knownBy.push(k);
      const ownIdentity =
        found.declared !== undefined && [...session.users].some((u) => found.declared!.identities.some((i) => i.toLowerCase() === u));
      const how = howActed(session, client, context, ownIdentity);
      t.agent.acted[how]++;
      t.sessions.add(session.id);
      const authority = client.identity.authority;
      if (authority && authority.kind !== 'not-agent') t.proof.add(authority.proof);
      const person =
        authority?.onBehalfOf ??
        (how === 'delegated' ? delegatorOf(session, context) : how === 'onPersonSession' ? session.user : undefined);
      if (person !== undefined) t.people.add(person);
      t.agent.events += client.count;
      t.first = Math.min(t.first, client.firstSeen);
      t.last = Math.max(t.last, client.lastSeen);
      const key = client.identity.key;
      const listed = t.clients.get(key);
      if (listed) listed.events += client.count;
      else t.clients.set(key, { label: label(client), class: client.identity.class, userAgent: client.userAgent, events: client.count });
      byClient.set(`${session.id}\u0000${client.userAgent}`, t);
    }
  }
  for (const f of findings) {
    const t = byClient.get(`${f.session}\u0000${f.client.userAgent}`);
    if (t) t.agent.findings[f.rule] = (t.agent.findings[f.rule] ?? 0) + 1;
  }
  return [...tallies.values()]
    .map((t) => ({
      ...t.agent,
      knownBy: [...t.agent.knownBy].sort(),
      sessions: t.sessions.size,
      proof: [...t.proof].sort().slice(0, MAX_LISTED),
      people: [...t.people]
        .map((p) => p.toLowerCase())
        .filter((p, i, a) => a.indexOf(p) === i)
        .sort()
        .slice(0, MAX_LISTED),
      clients: [...t.clients.values()].sort((a, b) => b.events - a.events || (a.label < b.label ? -1 : 1)).slice(0, MAX_LISTED),
      firstSeen: new Date(t.first).toISOString(),
      lastSeen: new Date(t.last).toISOString(),
      findings: Object.fromEntries(Object.entries(t.agent.findings).sort(([a], [b]) => (a < b ? -1 : 1))),
    }))
    .sort((a, b) =>
      a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.name < b.name ? -1 : 1,
    );
}
