import type { AgentRegistry } from '../config/registry.js';
import { actsOnOwnCredential, isAutomationClient, isHumanClient } from '../model/client.js';
import type { ActivityPool, ClientUsage, Session } from '../model/session.js';
import type { LaneRole, SessionTimeline, TaskWindow, TimelineLane } from '../model/timeline.js';
import { agentOfClient } from '../rules/declared.js';
import { label } from '../rules/session-facts.js';
import { readBuckets, readNetworks } from './activity.js';

/** Lanes drawn per timeline: the client a finding is about and the one that signed in always among them. */
export const MAX_LANES = 12;
const IPS_PER_LANE = 8;
const TASK_WINDOWS = 10;

const iso = (ms: number) => new Date(ms).toISOString();

function roleOf(client: ClientUsage): LaneRole {
  if (actsOnOwnCredential(client.identity)) return 'own-credential';
  if (isHumanClient(client.identity)) return 'human';
  if (isAutomationClient(client.identity)) return 'automation';
  return 'other';
}

const ROLE_ORDER: Record<LaneRole, number> = { human: 0, automation: 1, 'own-credential': 2, other: 3 };

/**
 * The clients to draw, in lane order: the one that signed the session in, then people's clients, then automation, then
 * the rest, each by first use; at most MAX_LANES, always with the focus client.
 */
function laneClients(session: Session, focusKey: string | undefined): ClientUsage[] {
  const startKey = session.start?.clientKey;
  const rank = (c: ClientUsage) => (c.identity.key === startKey ? -1 : ROLE_ORDER[roleOf(c)]);
  const all = [...session.clients.values()].sort(
    (a, b) =>
      rank(a) - rank(b) || a.firstSeen - b.firstSeen || (a.identity.key < b.identity.key ? -1 : a.identity.key > b.identity.key ? 1 : 0),
  );
  const shown = all.slice(0, MAX_LANES);
  const focus = focusKey !== undefined ? session.clients.get(focusKey) : undefined;
  if (focus && !shown.includes(focus)) {
    shown[shown.length - 1] = focus;
    shown.sort((a, b) => all.indexOf(a) - all.indexOf(b));
  }
  return shown;
}

function lane(client: ClientUsage, pool: ActivityPool, registry: AgentRegistry | undefined, session: Session): TimelineLane {
  const row = client.activity;
  const buckets = (row !== undefined ? readBuckets(pool, row) : null) ?? {
    start: client.firstSeen,
    width: Math.max(1000, client.lastSeen - client.firstSeen + 1),
    counts: [client.count],
  };
  const signIn = client.signIn;
  const agent = registry ? agentOfClient(registry, session, client) : undefined;
  return {
    label: label(client),
    userAgent: client.userAgent,
    class: client.identity.class,
    role: roleOf(client),
    agent: agent?.name ?? null,
    firstSeen: iso(client.firstSeen),
    lastSeen: iso(client.lastSeen),
    count: client.count,
    signIn: signIn
      ? { time: iso(signIn.time), interactive: signIn.interactive, ip: signIn.ip ?? null, file: signIn.file, line: signIn.line }
      : null,
    networks: (row !== undefined ? readNetworks(pool, row) : []).map((n) => ({ network: n.network, firstSeen: iso(n.firstSeen) })),
    ips: [...client.ips].sort().slice(0, IPS_PER_LANE),
    buckets: { start: iso(buckets.start), widthMs: buckets.width, counts: buckets.counts },
    evidence: client.evidence.map((e) => ({ file: e.file, line: e.line, time: iso(e.time), summary: e.summary })),
  };
}

function taskWindows(clients: ClientUsage[], session: Session, registry: AgentRegistry | undefined): TaskWindow[] {
  if (!registry) return [];
  const windows: TaskWindow[] = [];
  const seen = new Set<string>();
  for (const client of clients) {
    const agent = agentOfClient(registry, session, client);
    if (!agent || seen.has(agent.name)) continue;
    seen.add(agent.name);
    for (const task of agent.tasks) windows.push({ agent: agent.name, task: task.name, start: iso(task.start), end: iso(task.end) });
  }
  return windows.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)).slice(0, TASK_WINDOWS);
}

/** A session as a timeline: one lane per client (at most MAX_LANES), its sign-in and sign-out, declared task windows. */
export function sessionTimeline(
  session: Session,
  pool: ActivityPool,
  registry: AgentRegistry | undefined,
  focusKey?: string,
): SessionTimeline {
  const clients = laneClients(session, focusKey);
  const start = session.start;
  const startLane = start ? clients.findIndex((c) => c.identity.key === start.clientKey) : -1;
  const focus = focusKey !== undefined ? clients.findIndex((c) => c.identity.key === focusKey) : -1;
  return {
    session: session.id,
    user: session.user ?? null,
    correlation: session.correlation,
    firstSeen: iso(session.firstSeen),
    lastSeen: iso(session.lastSeen),
    signIn: start ? { time: iso(start.time), lane: startLane >= 0 ? startLane : null, interactive: start.interactive } : null,
    signOut: session.endedAt !== undefined ? iso(session.endedAt) : null,
    lanes: clients.map((c) => lane(c, pool, registry, session)),
    lanesNotShown: session.clients.size - clients.length,
    taskWindows: taskWindows(clients, session, registry),
    focus: focus >= 0 ? focus : null,
  };
}
