import { judgingPatterns, matchesOperation, type AllowPattern, type Operation } from './allow-pattern.js';
import type { TextMatcher } from './glob.js';
import { compilePattern } from './pattern.js';

/**
 * A loaded agent registry and what the rules ask of it. Kept apart from the file loader (agents.ts), so that a
 * scan without `--agents` never loads the schema library.
 */

export interface DeclaredTask {
  name: string;
  /** Epoch ms. */
  start: number;
  end: number;
  onBehalfOf?: string;
  allow: AllowPattern[];
  /** What its HTTP patterns allow: none at all, only reads (GET, HEAD, OPTIONS), or writes too. */
  http: 'none' | 'read-only' | 'read-write';
}

export interface DeclaredAgent {
  name: string;
  owner: string;
  identities: string[];
  clients: string[];
  userAgents: string[];
  maxSessionMinutes?: number;
  tasks: DeclaredTask[];
  /** Where the agent is declared, for messages. */
  file: string;
  line: number;
}

export interface BreakGlassApproval {
  account: string;
  start: number;
  end: number;
  ticket?: string;
  reason?: string;
  file: string;
  line: number;
}

/** What may recognize an agent; each clue may be one value or several (a client's ids, a session's users). */
export interface AgentClues {
  user?: string | Iterable<string>;
  clientId?: string | Iterable<string>;
  userAgent?: string | Iterable<string>;
}

export interface AgentRegistry {
  file: string;
  agents: readonly DeclaredAgent[];
  breakGlassAccounts: readonly string[];
  approvals: readonly BreakGlassApproval[];
  /** `ignore.userAgents` globs, as written (the SQL engines compile them themselves). */
  ignoreUserAgents: readonly string[];
  /** The declared agent these clues point to: by identity first, then OAuth client id, then user agent; the first declared wins. */
  matchAgent(clues: AgentClues): DeclaredAgent | undefined;
  /** Known benign automation (`ignore.userAgents`). */
  isIgnored(userAgent: string | undefined): boolean;
  isBreakGlass(user: string | undefined): boolean;
  /** The approval window of a break-glass account that covers a time, if any. */
  approvalFor(user: string | undefined, time: number): BreakGlassApproval | undefined;
}

function values(clue: string | Iterable<string> | undefined): Iterable<string> {
  if (clue === undefined) return [];
  return typeof clue === 'string' ? [clue] : clue;
}

export function buildRegistry(
  file: string,
  agents: DeclaredAgent[],
  breakGlassAccounts: string[],
  approvals: BreakGlassApproval[],
  ignoreUserAgents: string[],
): AgentRegistry {
  const byIdentity = new Map<string, DeclaredAgent>();
  const byClient = new Map<string, DeclaredAgent>();
  const byUserAgent: { pattern: TextMatcher; agent: DeclaredAgent }[] = [];
  for (const agent of agents) {
    for (const id of agent.identities) if (!byIdentity.has(id.toLowerCase())) byIdentity.set(id.toLowerCase(), agent);
    for (const id of agent.clients) if (!byClient.has(id)) byClient.set(id, agent);
    for (const ua of agent.userAgents) byUserAgent.push({ pattern: compilePattern(ua), agent });
  }
  const ignored = ignoreUserAgents.map(compilePattern);
  const breakGlass = new Set(breakGlassAccounts.map((a) => a.toLowerCase()));
  // Only the last few user agents are remembered: a scan sees the same few thousand over and over.
  const uaCache = new Map<string, DeclaredAgent | null>();
  const ignoreCache = new Map<string, boolean>();
  const CACHE_MAX = 4096;

  function byUa(ua: string): DeclaredAgent | undefined {
    let hit = uaCache.get(ua);
    if (hit === undefined) {
      hit = byUserAgent.find((e) => e.pattern.test(ua))?.agent ?? null;
      if (uaCache.size >= CACHE_MAX) uaCache.clear();
      uaCache.set(ua, hit);
    }
    return hit ?? undefined;
  }

  return {
    file,
    agents,
    breakGlassAccounts,
    approvals,
    ignoreUserAgents,
    matchAgent(clues) {
      for (const user of values(clues.user)) {
        const agent = byIdentity.get(user.toLowerCase());
        if (agent) return agent;
      }
      for (const id of values(clues.clientId)) {
        const agent = byClient.get(id);
        if (agent) return agent;
      }
      if (byUserAgent.length > 0) {
        for (const ua of values(clues.userAgent)) {
          const agent = ua ? byUa(ua) : undefined;
          if (agent) return agent;
        }
      }
      return undefined;
    },
    isIgnored(userAgent) {
      if (!userAgent || ignored.length === 0) return false;
      let hit = ignoreCache.get(userAgent);
      if (hit === undefined) {
        hit = ignored.some((p) => p.test(userAgent));
        if (ignoreCache.size >= CACHE_MAX) ignoreCache.clear();
        ignoreCache.set(userAgent, hit);
      }
      return hit;
    },
    isBreakGlass(user) {
      return user !== undefined && breakGlass.has(user.toLowerCase());
    },
    approvalFor(user, time) {
      if (user === undefined) return undefined;
      const key = user.toLowerCase();
      return approvals.find((a) => a.account.toLowerCase() === key && a.start <= time && time <= a.end);
    },
  };
}

/** Tasks whose window covers a time (start and end included). */
export function tasksAt(agent: DeclaredAgent, time: number): DeclaredTask[] {
  return agent.tasks.filter((t) => t.start <= time && time <= t.end);
}

/** Whether any allow pattern of these tasks permits the operation. */
export function allowedBy(tasks: readonly DeclaredTask[], op: Operation): DeclaredTask | undefined {
  return tasks.find((t) => judgingPatterns(t.allow, op).some((p) => matchesOperation(p, op)));
}

export type { AllowPattern, Operation } from './allow-pattern.js';
