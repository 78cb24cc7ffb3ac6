import { allowedBy, tasksAt, type DeclaredAgent, type DeclaredTask } from '../config/registry.js';
import { READ_METHODS, describeOperation } from '../config/allow-pattern.js';
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
  delegatorOf,
  keepEarliest,
  mergeClientStates,
  mergeEvidence,
  mergeSorted,
  mergeSpan,
  operationOf,
  widenSpan,
} from './declared.js';
import { labelWithClass } from './session-facts.js';

export const SCOPE_EXCEEDED = 'scope-exceeded';

const MAX_NAMES = 8;
const MAX_OPERATIONS = 20;

/** What one client of a session did against its agent's allow patterns: bounded, whatever the event count. */
export interface ScopeTally {
  /** Declared agents this client was recognized as (normally one). */
  agents: string[];
  /** Events observed once the client was recognized as a declared agent. */
  seen: number;
  /** Events the allow patterns judge (requests, app events). */
  judged: number;
  inScope: number;
  outOfScope: number;
  /** Out-of-scope writes (POST, PUT, PATCH, DELETE, ...) where the allowed tasks only read. */
  writesWhereReadOnly: number;
  /** Methods of those writes. */
  writeMethods: string[];
  /** Distinct out-of-scope operations, the smallest few in sort order. */
  operations: string[];
  /** Tasks whose patterns allowed an event. */
  tasksUsed: string[];
  first?: number;
  last?: number;
  /** The earliest out-of-scope events. */
  evidence: EvidenceEvent[];
}

function newTally(): ScopeTally {
  return {
    agents: [],
    seen: 0,
    judged: 0,
    inScope: 0,
    outOfScope: 0,
    writesWhereReadOnly: 0,
    writeMethods: [],
    operations: [],
    tasksUsed: [],
    evidence: [],
  };
}

function mergeTally(a: ScopeTally, b: ScopeTally): ScopeTally {
  mergeSorted(a.agents, b.agents, MAX_NAMES);
  a.seen += b.seen;
  a.judged += b.judged;
  a.inScope += b.inScope;
  a.outOfScope += b.outOfScope;
  a.writesWhereReadOnly += b.writesWhereReadOnly;
  mergeSorted(a.writeMethods, b.writeMethods, MAX_NAMES);
  mergeSorted(a.operations, b.operations, MAX_OPERATIONS);
  mergeSorted(a.tasksUsed, b.tasksUsed, MAX_NAMES);
  mergeSpan(a, b);
  a.evidence = mergeEvidence(a.evidence, b.evidence);
  return a;
}

/** The scope tallies of a session, by client key (read by the agent inventory). */
export function scopeTallies(session: Session): ReadonlyMap<string, ScopeTally> {
  return clientStates<ScopeTally>(session, SCOPE_EXCEEDED);
}

function observe(event: NormalizedEvent, session: Session, client: ClientUsage, context: RuleContext): void {
  const registry = context.registry;
  if (!registry) return;
  const agent = agentOfEvent(context, event, session, client);
  if (!agent) return;
  const tally = clientState(session, SCOPE_EXCEEDED, client.identity.key, newTally);
  addSorted(tally.agents, agent.name, MAX_NAMES);
  tally.seen++;
  const op = operationOf(event);
  if (!op || agent.tasks.length === 0) return;
  tally.judged++;
  // Inside a task window the tasks of that window decide; outside every window (outside-task-window's concern)
  // the agent's tasks together say what it could ever have been allowed.
  const active = tasksAt(agent, event.time);
  const tasks = active.length > 0 ? active : agent.tasks;
  const task = allowedBy(tasks, op);
  if (task) {
    tally.inScope++;
    addSorted(tally.tasksUsed, task.name, MAX_NAMES);
    return;
  }
  tally.outOfScope++;
  widenSpan(tally, event.time);
  keepEarliest(tally.evidence, event);
  addSorted(tally.operations, describeOperation(op), MAX_OPERATIONS);
  // "Only reads allowed": the tasks that allow HTTP at all allow only reading methods. An MCP call counts as the HTTP
  // request it is only where no task judges MCP calls by name (allow-pattern.ts judgingPatterns).
  const http = tasks.filter((t) => t.http !== 'none');
  const method = op.kind === 'http' ? op.method : op.kind === 'mcp' && !tasks.some(judgesMcpByName) ? op.method : undefined;
  if (method !== undefined && !READ_METHODS.has(method) && http.length > 0 && http.every((t) => t.http === 'read-only')) {
    tally.writesWhereReadOnly++;
    addSorted(tally.writeMethods, method, MAX_NAMES);
  }
}

function judgesMcpByName(task: DeclaredTask): boolean {
  return task.allow.some((p) => p.kind === 'mcp');
}

/** A derived session in which a declared agent acts for someone none of its tasks names in `onBehalfOf`. */
function foreignDelegation(agent: DeclaredAgent, session: Session, context: RuleContext): string | undefined {
  const named = agent.tasks.map((t) => t.onBehalfOf?.toLowerCase()).filter((p): p is string => p !== undefined);
  if (named.length === 0) return undefined;
  const person = delegatorOf(session, context);
  return person !== undefined && !named.includes(person.toLowerCase()) ? person : undefined;
}

function evaluate(session: Session, context: RuleContext): RuleHit[] {
  const registry = context.registry;
  if (!registry) return [];
  const tallies = scopeTallies(session);
  const hits: RuleHit[] = [];
  for (const [key, client] of session.clients) {
    const tally = tallies.get(key);
    const agent = agentOfClient(registry, session, client) ?? registry.agents.find((a) => a.name === tally?.agents[0]);
    const actedFor = agent ? foreignDelegation(agent, session, context) : undefined;
    if (!agent || ((tally?.outOfScope ?? 0) === 0 && actedFor === undefined)) continue;
    const names = tally && tally.agents.length > 0 ? tally.agents : [agent.name];
    const parts: string[] = [];
    if (tally && tally.outOfScope > 0) {
      const writes =
        tally.writesWhereReadOnly > 0
          ? `, ${tally.writesWhereReadOnly} of them write(s) (${tally.writeMethods.join(', ')}) where its tasks allow only reads`
          : '';
      parts.push(`made ${tally.outOfScope} request(s) outside every allow pattern of its tasks${writes}`);
    }
    if (actedFor !== undefined) parts.push(`acted for ${actedFor} through a delegated session, whom none of its tasks names in onBehalfOf`);
    const count = (tally?.outOfScope ?? 0) + (actedFor !== undefined && (tally?.outOfScope ?? 0) === 0 ? 1 : 0);
    const evidence = tally && tally.evidence.length > 0 ? tally.evidence : client.evidence;
    hits.push({
      severity: 'high',
      title: `Declared agent ${names.join(', ')} went outside its task scope`,
      reason: `declared agent ${names.join(', ')} (${labelWithClass(client)}, owner ${agent.owner}) ${parts.join('; ')}`,
      client,
      firstSeen: tally?.first ?? client.firstSeen,
      lastSeen: tally?.last ?? client.lastSeen,
      count,
      evidence,
      recommendation:
        'Check what the agent did outside its task and whether it was asked to; narrow its credential to the task ' +
        '(scopes or roles that allow only the declared operations), or, if the task really needs this, add the ' +
        "operation to the task's allow list so the registry says what is expected.",
      details: {
        declaredAgent: agentDetails(agent),
        agents: names,
        outOfScope: tally?.outOfScope ?? 0,
        inScope: tally?.inScope ?? 0,
        judged: tally?.judged ?? 0,
        writesWhereReadOnly: tally?.writesWhereReadOnly ?? 0,
        writeMethods: tally?.writeMethods ?? [],
        operations: tally?.operations ?? [],
        actedFor: actedFor ?? null,
        notChecked: Math.max(0, client.count - (tally?.seen ?? 0)),
      },
    });
  }
  return hits;
}

export const scopeExceeded: Rule = {
  id: SCOPE_EXCEEDED,
  severity: 'high',
  title: 'Declared agent outside its task scope',
  description:
    'A declared agent (--agents FILE) made a request that no allow pattern of its tasks permits: within a task ' +
    'window, the patterns of the tasks of that window; outside every window, those of any of its tasks. A write ' +
    'where its tasks allow only reads says so. Also fires when the agent acts through a delegated session for a ' +
    'person none of its tasks names in onBehalfOf. Quiet without a registry, and for agents declared without tasks.',
  references: [REF.owaspAsi02, REF.owaspAsi10, REF.owaspAsi03],
  observe,
  mergeState: (target, source) => mergeClientStates<ScopeTally>(target, source, mergeTally),
  evaluate,
};
