import type { AgentRegistry, DeclaredAgent, Operation } from '../config/registry.js';
import { detach } from '../shared/detach.js';
import { compareEvidence, insertEarliest } from '../shared/evidence.js';
import type { NormalizedEvent } from '../model/event.js';
import type { ClientUsage, EvidenceEvent, Session } from '../model/session.js';
import { scanMemo, type RuleContext } from './rule.js';

/**
 * Facts about declared agents (`--agents FILE`) that several rules and the inventory share: which agent a client or
 * an event belongs to, what an event did in allow-pattern terms, and delegation.
 *
 * An agent is recognized by the session's user (one of its identities), the client's OAuth client ids, or the user
 * agent, in that order. A session whose user is an agent identity is the agent's own: all its clients are the agent.
 * On any other session only the clients that match an agent's client ids or user agents are the agent.
 */

/** Evidence kept per client and rule: the earliest few events that matter. */
export const EVIDENCE_KEPT = 5;

/** The agent a client of a session is, judged from everything the session has gathered. */
export function agentOfClient(registry: AgentRegistry, session: Session, client: ClientUsage): DeclaredAgent | undefined {
  return registry.matchAgent({ user: session.users, clientId: client.clientIds, userAgent: client.userAgent });
}

/** The agent a client is by its own clues only (client ids, user agent), whoever the session belongs to. */
export function agentByClient(registry: AgentRegistry, client: ClientUsage): DeclaredAgent | undefined {
  return registry.matchAgent({ clientId: client.clientIds, userAgent: client.userAgent });
}

/** The last question asked: which event (by its place in the input, in case readers reuse event objects), where. */
interface AgentQuery {
  event?: NormalizedEvent;
  file?: string;
  line?: number;
  time?: number;
  session?: Session;
  client?: ClientUsage;
  agent?: DeclaredAgent;
}

/**
 * The agent behind one event as it streams past: its own user, client id and user agent, plus what its session and
 * client have shown so far. Several rules ask about the same event in a row, so the scan remembers the last answer.
 */
export function agentOfEvent(
  context: RuleContext,
  event: NormalizedEvent,
  session: Session,
  client: ClientUsage,
): DeclaredAgent | undefined {
  const registry = context.registry;
  if (!registry) return undefined;
  const memo = scanMemo<AgentQuery>(context, 'declared.agentOfEvent', () => ({}));
  if (
    memo.event === event &&
    memo.session === session &&
    memo.client === client &&
    memo.line === event.source.line &&
    memo.file === event.source.file &&
    memo.time === event.time
  ) {
    return memo.agent;
  }
  // The store has added the event already, so the session's users and the client's ids normally include its own;
  // those sets are capped, hence the event's own values when missing.
  const user = event.user;
  const users = user !== undefined && !session.users.has(user.toLowerCase()) ? [user, ...session.users] : session.users;
  const id = event.clientId;
  const clientIds = id !== undefined && !client.clientIds.has(id) ? [id, ...client.clientIds] : client.clientIds;
  const userAgents = event.userAgent !== undefined ? [event.userAgent, client.userAgent] : [client.userAgent];
  const agent = registry.matchAgent({ user: users, clientId: clientIds, userAgent: userAgents });
  Object.assign(memo, { event, session, client, agent, line: event.source.line, file: event.source.file, time: event.time });
  return agent;
}

/**
 * What an event did, as allow patterns judge it: an MCP call that names its tool, resource or prompt (`Mcp-Name`) by
 * that name, with its request; an HTTP request by method and path; an identity-provider event by
 * the application it names; any other request (an AWS API call) by its action, `eventSource:eventName`. Sign-ins and
 * token grants without an application are how an agent gets its credential: patterns do not judge them.
 */
export function operationOf(event: NormalizedEvent): Operation | undefined {
  const mcpName = event.headers?.mcpName;
  if (mcpName !== undefined) return { kind: 'mcp', name: mcpName, method: event.method?.toUpperCase(), path: event.path };
  if (event.method !== undefined && event.path !== undefined) return { kind: 'http', method: event.method.toUpperCase(), path: event.path };
  if (event.app !== undefined) return { kind: 'app', name: event.app };
  if (event.kind === 'request') return { kind: 'operation', name: event.action };
  return undefined;
}

/** The person a derived (delegated) session acts for: the user of the session it derives from, when the logs show it. */
export function delegatorOf(session: Session, context: RuleContext): string | undefined {
  if (session.parentId === undefined) return undefined;
  return context.sessions.get(session.parentId)?.user;
}

/**
 * A declared agent acting for a person through its own delegated session: a derived session of the agent's client,
 * with a task that names that person in `onBehalfOf`. The pattern we recommend.
 */
export function isDeclaredDelegation(agent: DeclaredAgent, session: Session, context: RuleContext): boolean {
  const person = delegatorOf(session, context)?.toLowerCase();
  return person !== undefined && agent.tasks.some((t) => t.onBehalfOf?.toLowerCase() === person);
}

/** What every declared-agent finding says about the agent, so reviewers and the inventory can find it. */
export function agentDetails(agent: DeclaredAgent): { name: string; owner: string; file: string; line: number } {
  return { name: agent.name, owner: agent.owner, file: agent.file, line: agent.line };
}

/** Adds a name to a small sorted list, keeping the smallest few: the same result whatever the order. */
export function addSorted(list: string[], value: string, max: number): void {
  if (list.includes(value)) return;
  // Kept for the session's life: never a cut that holds the record's text alive.
  list.push(detach(value));
  list.sort();
  if (list.length > max) list.length = max;
}

export function mergeSorted(target: string[], source: readonly string[], max: number): void {
  for (const v of source) addSorted(target, v, max);
}

export function keepEarliest(list: EvidenceEvent[], event: NormalizedEvent): void {
  insertEarliest(list, event, EVIDENCE_KEPT);
}

export function mergeEvidence(a: EvidenceEvent[], b: EvidenceEvent[]): EvidenceEvent[] {
  return [...a, ...b].sort(compareEvidence).slice(0, EVIDENCE_KEPT);
}

/** The later of two evidence events, by time then file and line: order-independent. */
export function later(a: EvidenceEvent | undefined, b: EvidenceEvent | undefined): EvidenceEvent | undefined {
  if (!a) return b;
  if (!b) return a;
  return compareEvidence(a, b) >= 0 ? a : b;
}

/** Per-client state of a rule in a session, created on first use. */
export function clientState<T>(session: Session, ruleId: string, clientKey: string, create: () => T): T {
  session.ruleState ??= new Map();
  const states = session.ruleState;
  let byClient = states.get(ruleId) as Map<string, T> | undefined;
  if (!byClient) {
    byClient = new Map();
    states.set(ruleId, byClient);
  }
  let state = byClient.get(clientKey);
  if (state === undefined) {
    state = create();
    byClient.set(clientKey, state);
  }
  return state;
}

export function clientStates<T>(session: Session, ruleId: string): ReadonlyMap<string, T> {
  return (session.ruleState?.get(ruleId) as Map<string, T> | undefined) ?? new Map();
}

/** Folds one per-client state map into another with a per-client merge. */
export function mergeClientStates<T>(target: unknown, source: unknown, merge: (a: T, b: T) => T): Map<string, T> {
  const into = target as Map<string, T>;
  for (const [key, state] of source as Map<string, T>) {
    const mine = into.get(key);
    into.set(key, mine === undefined ? state : merge(mine, state));
  }
  return into;
}

/** The first and last time a tally saw, widened by one time or by another tally's span. */
export interface Span {
  first?: number;
  last?: number;
}

export function widenSpan(span: Span, time: number): void {
  if (span.first === undefined || time < span.first) span.first = time;
  if (span.last === undefined || time > span.last) span.last = time;
}

export function mergeSpan(target: Span, source: Span): void {
  if (source.first !== undefined) widenSpan(target, source.first);
  if (source.last !== undefined) widenSpan(target, source.last);
}
