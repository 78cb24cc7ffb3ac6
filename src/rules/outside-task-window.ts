import { tasksAt, type DeclaredAgent } from '../config/registry.js';
import { toEvidence } from '../shared/evidence.js';
import type { NormalizedEvent } from '../model/event.js';
import type { ClientUsage, EvidenceEvent, Session } from '../model/session.js';
import { REF } from './references.js';
import type { Rule, RuleContext, RuleHit } from './rule.js';
import {
  addSorted,
  agentDetails,
  agentOfClient,
  agentOfEvent,
  clientState,
  clientStates,
  keepEarliest,
  later,
  mergeClientStates,
  mergeEvidence,
  mergeSorted,
  mergeSpan,
  widenSpan,
} from './declared.js';
import { iso, labelWithClass } from './session-facts.js';

export const OUTSIDE_TASK_WINDOW = 'outside-task-window';

const MAX_NAMES = 8;

/** When one client of a session was active against its agent's task windows: bounded, whatever the event count. */
export interface WindowTally {
  agents: string[];
  seen: number;
  /** Events inside some task window. */
  inWindow: number;
  /** Events outside every task window: before the first, between two, after the last. */
  outside: number;
  before: number;
  between: number;
  after: number;
  /** Tasks whose windows covered an event. */
  tasksUsed: string[];
  first?: number;
  last?: number;
  /** The earliest events outside every window. */
  evidence: EvidenceEvent[];
  /** The latest event outside every window: how long the credential outlived its task. */
  latest?: EvidenceEvent;
}

function newTally(): WindowTally {
  return { agents: [], seen: 0, inWindow: 0, outside: 0, before: 0, between: 0, after: 0, tasksUsed: [], evidence: [] };
}

function mergeTally(a: WindowTally, b: WindowTally): WindowTally {
  mergeSorted(a.agents, b.agents, MAX_NAMES);
  a.seen += b.seen;
  a.inWindow += b.inWindow;
  a.outside += b.outside;
  a.before += b.before;
  a.between += b.between;
  a.after += b.after;
  mergeSorted(a.tasksUsed, b.tasksUsed, MAX_NAMES);
  mergeSpan(a, b);
  a.evidence = mergeEvidence(a.evidence, b.evidence);
  a.latest = later(a.latest, b.latest);
  return a;
}

/** The window tallies of a session, by client key (read by the agent inventory). */
export function windowTallies(session: Session): ReadonlyMap<string, WindowTally> {
  return clientStates<WindowTally>(session, OUTSIDE_TASK_WINDOW);
}

function firstStart(agent: DeclaredAgent): number {
  return Math.min(...agent.tasks.map((t) => t.start));
}

function lastEnd(agent: DeclaredAgent): number {
  return Math.max(...agent.tasks.map((t) => t.end));
}

function observe(event: NormalizedEvent, session: Session, client: ClientUsage, context: RuleContext): void {
  const registry = context.registry;
  if (!registry) return;
  const agent = agentOfEvent(context, event, session, client);
  if (!agent) return;
  const tally = clientState(session, OUTSIDE_TASK_WINDOW, client.identity.key, newTally);
  addSorted(tally.agents, agent.name, MAX_NAMES);
  tally.seen++;
  if (agent.tasks.length === 0) return;
  const active = tasksAt(agent, event.time);
  if (active.length > 0) {
    tally.inWindow++;
    for (const t of active) addSorted(tally.tasksUsed, t.name, MAX_NAMES);
    return;
  }
  tally.outside++;
  if (event.time > lastEnd(agent)) tally.after++;
  else if (event.time < firstStart(agent)) tally.before++;
  else tally.between++;
  widenSpan(tally, event.time);
  keepEarliest(tally.evidence, event);
  tally.latest = later(tally.latest, toEvidence(event));
}

function evaluate(session: Session, context: RuleContext): RuleHit[] {
  const registry = context.registry;
  if (!registry) return [];
  const hits: RuleHit[] = [];
  for (const [key, tally] of windowTallies(session)) {
    const client = session.clients.get(key);
    if (!client || tally.outside === 0) continue;
    const agent = agentOfClient(registry, session, client) ?? registry.agents.find((a) => a.name === tally.agents[0]);
    if (!agent || agent.tasks.length === 0) continue;
    const last = agent.tasks.reduce((a, b) => (b.end > a.end ? b : a));
    const evidence = [...tally.evidence];
    if (tally.latest && !evidence.some((e) => e.file === tally.latest!.file && e.line === tally.latest!.line)) evidence.push(tally.latest);
    const who = `declared agent ${tally.agents.join(', ')} (${labelWithClass(client)}, owner ${agent.owner})`;
    const reason =
      tally.after > 0
        ? `${who} was used ${tally.after} time(s) after its last task (${last.name}) ended at ${iso(last.end)}, ` +
          `until ${iso(tally.last!)}: a credential that outlived its task and should have been revoked` +
          (tally.outside > tally.after ? `; ${tally.outside - tally.after} more event(s) outside its task windows` : '')
        : `${who} was active ${tally.outside} time(s) outside all of its task windows` +
          (tally.before > 0 ? `, ${tally.before} before its first task began` : '');
    hits.push({
      severity: 'high',
      title:
        tally.after > 0
          ? `Declared agent ${tally.agents.join(', ')} still active after its task ended`
          : `Declared agent ${tally.agents.join(', ')} active outside its task windows`,
      reason,
      client,
      firstSeen: tally.first!,
      lastSeen: tally.last!,
      count: tally.outside,
      evidence,
      recommendation:
        "Revoke the agent's credential when its task ends (short-lived tokens, or revocation as the last step of " +
        'the task), and find out what ran it outside its window; if the work is legitimate, declare the task and its window.',
      details: {
        declaredAgent: agentDetails(agent),
        agents: tally.agents,
        outside: tally.outside,
        before: tally.before,
        between: tally.between,
        after: tally.after,
        inWindow: tally.inWindow,
        lastTask: { name: last.name, end: iso(last.end) },
        windows: agent.tasks.map((t) => ({ task: t.name, start: iso(t.start), end: iso(t.end) })),
        notChecked: Math.max(0, client.count - tally.seen),
      },
    });
  }
  return hits;
}

export const outsideTaskWindow: Rule = {
  id: OUTSIDE_TASK_WINDOW,
  severity: 'high',
  title: 'Declared agent active outside its task windows',
  description:
    'A declared agent (--agents FILE) was active outside all of its task windows; above all after the last one ' +
    'ended: a credential that outlived its task and should have been revoked. Every event of the agent counts, ' +
    'sign-ins and token grants included. Quiet without a registry, and for agents declared without tasks.',
  references: [REF.owaspAsi10, REF.owaspAsi03, REF.attackT1528],
  observe,
  mergeState: (target, source) => mergeClientStates<WindowTally>(target, source, mergeTally),
  evaluate,
};
