import type { AgentClientInventory, AgentInventory } from '../model/report.js';
import type { AgentRegistry, DeclaredAgent } from '../config/registry.js';
import type { Finding } from '../model/finding.js';
import type { RuleContext } from '../rules/rule.js';
import { agentOfClient, delegatorOf } from '../rules/declared.js';
import { scopeTallies } from '../rules/scope-exceeded.js';
import { humanStarter, label } from '../rules/session-facts.js';
import { windowTallies } from '../rules/outside-task-window.js';

/** Sessions listed per agent; the count is always complete. */
const MAX_SESSIONS_LISTED = 50;
const MAX_NAMES = 32;

interface Tally {
  agent: DeclaredAgent;
  sessions: Set<string>;
  kinds: AgentInventory['sessionKinds'];
  actingFor: Set<string>;
  clients: Map<string, { inv: AgentClientInventory; first: number; last: number; ids: Set<string> }>;
  events: number;
  judged: number;
  inScope: number;
  outOfScope: number;
  notChecked: number;
  outside: number;
  tasksUsed: Set<string>;
  first: number;
  last: number;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Per declared agent, in the registry's order: sessions, clients, requests in and out of scope, activity. */
export function buildInventory(registry: AgentRegistry, context: RuleContext, findings: Iterable<Finding>): AgentInventory[] {
  const sessions = context.sessions;
  const tallies = new Map<string, Tally>();
  for (const agent of registry.agents) {
    tallies.set(agent.name, {
      agent,
      sessions: new Set(),
      kinds: { own: 0, delegated: 0, onHumanSession: 0, other: 0 },
      actingFor: new Set(),
      clients: new Map(),
      events: 0,
      judged: 0,
      inScope: 0,
      outOfScope: 0,
      notChecked: 0,
      outside: 0,
      tasksUsed: new Set(),
      first: Infinity,
      last: -Infinity,
    });
  }
  for (const session of sessions.values()) {
    const scope = scopeTallies(session);
    const windows = windowTallies(session);
    const kindCounted = new Set<string>();
    for (const [key, client] of session.clients) {
      const s = scope.get(key);
      // A client recognized only by some of its events (a later user agent) still counts as the agent.
      const agent = agentOfClient(registry, session, client) ?? registry.agents.find((a) => a.name === s?.agents[0]);
      const t = agent ? tallies.get(agent.name) : undefined;
      if (!agent || !t) continue;
      t.sessions.add(session.id);
      if (!kindCounted.has(agent.name)) {
        kindCounted.add(agent.name);
        const own = [...session.users].some((u) => agent.identities.some((i) => i.toLowerCase() === u));
        const delegator = delegatorOf(session, context);
        if (own) t.kinds.own++;
        else if (delegator !== undefined) {
          t.kinds.delegated++;
          if (t.actingFor.size < MAX_NAMES) t.actingFor.add(delegator);
        } else if (humanStarter(session)) t.kinds.onHumanSession++;
        else t.kinds.other++;
      }
      t.events += client.count;
      t.first = Math.min(t.first, client.firstSeen);
      t.last = Math.max(t.last, client.lastSeen);
      let c = t.clients.get(key);
      if (!c) {
        c = {
          inv: {
            userAgent: client.userAgent,
            class: client.identity.class,
            label: label(client),
            clientIds: [],
            sessions: 0,
            events: 0,
            firstSeen: '',
            lastSeen: '',
          },
          first: client.firstSeen,
          last: client.lastSeen,
          ids: new Set(),
        };
        t.clients.set(key, c);
      }
      c.inv.sessions++;
      c.inv.events += client.count;
      c.first = Math.min(c.first, client.firstSeen);
      c.last = Math.max(c.last, client.lastSeen);
      for (const id of client.clientIds) if (c.ids.size < MAX_NAMES) c.ids.add(id);
      t.judged += s?.judged ?? 0;
      t.inScope += s?.inScope ?? 0;
      t.outOfScope += s?.outOfScope ?? 0;
      t.notChecked += Math.max(0, client.count - (s?.seen ?? 0));
      const w = windows.get(key);
      t.outside += w?.outside ?? 0;
      for (const name of w?.tasksUsed ?? []) t.tasksUsed.add(name);
    }
  }

  const byAgent = new Map<string, Record<string, number>>();
  for (const f of findings) {
    const name = (f.details.declaredAgent as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string') continue;
    const counts = byAgent.get(name) ?? {};
    counts[f.rule] = (counts[f.rule] ?? 0) + 1;
    byAgent.set(name, counts);
  }

  return [...tallies.values()].map((t) => {
    const hasTasks = t.agent.tasks.length > 0;
    const clients = [...t.clients.values()]
      .map((c) => ({ ...c.inv, clientIds: [...c.ids].sort(), firstSeen: iso(c.first), lastSeen: iso(c.last) }))
      .sort((a, b) => (a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : a.label < b.label ? -1 : 1));
    return {
      name: t.agent.name,
      owner: t.agent.owner,
      declaredAt: { file: t.agent.file, line: t.agent.line },
      sessions: t.sessions.size,
      sessionIds: [...t.sessions].sort().slice(0, MAX_SESSIONS_LISTED),
      sessionKinds: t.kinds,
      actingFor: [...t.actingFor].sort(),
      clients,
      events: t.events,
      requests: hasTasks ? { judged: t.judged, inScope: t.inScope, outOfScope: t.outOfScope, notChecked: t.notChecked } : null,
      outsideTaskWindows: hasTasks ? t.outside : null,
      tasks: t.agent.tasks.map((task) => ({
        name: task.name,
        start: iso(task.start),
        end: iso(task.end),
        onBehalfOf: task.onBehalfOf ?? null,
        used: t.tasksUsed.has(task.name),
      })),
      firstSeen: t.events > 0 ? iso(t.first) : null,
      lastSeen: t.events > 0 ? iso(t.last) : null,
      findings: byAgent.get(t.agent.name) ?? {},
    };
  });
}
