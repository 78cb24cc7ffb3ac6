import type { AgentRegistry, AllowPattern, DeclaredAgent } from '../config/registry.js';
import type { Dialect } from './dialect.js';
import { matchLoose, matchPath, parseLooseGlob, parsePathGlob } from './glob.js';

/**
 * agents.yaml compiled into SQL: small VALUES relations for exact names (identities, OAuth client ids, break-glass
 * accounts, approvals, onBehalfOf persons) and CASE expressions for the globs (user agents, allow patterns), so
 * the query needs no table but the events and the client table. Agents are numbered in declaration order: where the
 * registry says "the first declared wins", SQL takes the smallest number.
 */
export interface CompiledRegistry {
  /** VALUES (identity_lc, agent) of every identity, each with the first agent that declares it. */
  identities: string;
  /** VALUES (client_id, agent). */
  clients: string;
  /** VALUES (agent, name, owner, max_minutes, has_tasks). */
  agents: string;
  /** VALUES (agent, person_lc): the onBehalfOf persons of each agent's tasks. */
  onBehalfOf: string;
  /** VALUES (account_lc). */
  breakGlass: string;
  /** VALUES (approval, account_lc, start_ms, end_ms). */
  approvals: string;
  /** The agent whose userAgents globs match a user agent expression, else NULL. */
  agentByUserAgent(ua: string): string;
  /** Whether `ignore.userAgents` matches. */
  ignored(ua: string): string;
  /** Whether some task of the agent is active at `t`. */
  inWindow(agent: string, t: string): string;
  /** Whether the event's operation is allowed: the active tasks' patterns, or all tasks' outside every window. */
  allowed(agent: string, t: string, op: OperationColumns): string;
  /** The agent's earliest task start and latest end, for before/after. */
  firstStart(agent: string): string;
  lastEnd(agent: string): string;
}

/** The columns that say what an event did, as allow patterns judge it (declared.ts operationOf). */
export interface OperationColumns {
  /** 'mcp', 'http', 'app', 'operation' or NULL. */
  kind: string;
  method: string;
  path: string;
  name: string;
  app: string;
  /** The tool, resource or prompt an MCP call names (`Mcp-Name`). */
  mcp: string;
}

function values(d: Dialect, columns: string[], types: string[], rows: unknown[][]): string {
  if (rows.length === 0) {
    const nulls = columns.map((c, i) => `CAST(NULL AS ${types[i]}) AS ${c}`).join(', ');
    return `(SELECT ${nulls} WHERE 1 = 0)`;
  }
  const literal = (v: unknown, i: number) =>
    v === null || v === undefined
      ? `CAST(NULL AS ${types[i]})`
      : typeof v === 'number'
        ? String(v)
        : typeof v === 'boolean'
          ? String(v).toUpperCase()
          : d.string(String(v));
  const selects = rows.map((r) => `SELECT ${r.map((v, i) => `${literal(v, i)} AS ${columns[i]}`).join(', ')}`);
  return `(${selects.join(' UNION ALL ')})`;
}

function patternSql(d: Dialect, p: AllowPattern, op: OperationColumns): string {
  if (p.kind === 'http') {
    const path = p.text.slice(p.text.indexOf(' ') + 1);
    const method = p.method === '*' ? 'TRUE' : `${op.method} = ${d.string(p.method)}`;
    // An MCP call is also the HTTP request that carried it (allow-pattern.ts matchesOperation).
    const request = `${op.kind} IN ('http', 'mcp') AND ${op.method} IS NOT NULL AND ${op.path} IS NOT NULL`;
    return `(${request} AND ${method} AND ${matchPath(d, op.path, parsePathGlob(path))})`;
  }
  const glob = parseLooseGlob(p.text, { questionMark: false, caseInsensitive: true });
  if (p.kind === 'operation') return `(${op.kind} = 'operation' AND ${matchLoose(d, op.name, glob)})`;
  if (p.kind === 'mcp') return `(${op.kind} = 'mcp' AND ${matchLoose(d, `concat('mcp:', ${op.mcp})`, glob)})`;
  return `(${op.kind} = 'app' AND ${matchLoose(d, `concat('app:', ${op.app})`, glob)})`;
}

/** A task's allow patterns as SQL: an MCP call is judged by the task's `mcp:` patterns when it lists any (judgingPatterns). */
function taskAllowSql(d: Dialect, allow: readonly AllowPattern[], op: OperationColumns): string {
  const all = or(allow.map((p) => patternSql(d, p, op)));
  const mcp = allow.filter((p) => p.kind === 'mcp');
  if (mcp.length === 0) return all;
  return `(CASE WHEN ${op.kind} = 'mcp' THEN ${or(mcp.map((p) => patternSql(d, p, op)))} ELSE ${all} END)`;
}

function or(parts: string[]): string {
  return parts.length === 0 ? 'FALSE' : parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

function byAgent(
  agents: readonly DeclaredAgent[],
  agent: string,
  each: (a: DeclaredAgent) => string | undefined,
  otherwise: string,
): string {
  const arms = agents.flatMap((a, i) => {
    const sql = each(a);
    return sql === undefined ? [] : [`WHEN ${i} THEN ${sql}`];
  });
  return arms.length === 0 ? otherwise : `(CASE ${agent} ${arms.join(' ')} ELSE ${otherwise} END)`;
}

export function compileRegistry(d: Dialect, registry: AgentRegistry): CompiledRegistry {
  const agents = registry.agents;
  const firstBy = (pick: (a: DeclaredAgent) => string[], lower: boolean) => {
    const seen = new Map<string, number>();
    agents.forEach((a, i) => {
      for (const v of pick(a)) {
        const key = lower ? v.toLowerCase() : v;
        if (!seen.has(key)) seen.set(key, i);
      }
    });
    return [...seen].map(([k, i]) => [k, i]);
  };
  const uaGlob = (g: string) => parseLooseGlob(g, { questionMark: true, caseInsensitive: true });
  const window = (t: string, task: { start: number; end: number }) => `(${t} >= ${task.start} AND ${t} <= ${task.end})`;
  return {
    identities: values(
      d,
      ['identity_lc', 'agent'],
      ['VARCHAR', 'INTEGER'],
      firstBy((a) => a.identities, true),
    ),
    clients: values(
      d,
      ['client_id', 'agent'],
      ['VARCHAR', 'INTEGER'],
      firstBy((a) => a.clients, false),
    ),
    agents: values(
      d,
      ['agent', 'name', 'owner', 'max_minutes', 'has_tasks'],
      ['INTEGER', 'VARCHAR', 'VARCHAR', 'INTEGER', 'BOOLEAN'],
      agents.map((a, i) => [i, a.name, a.owner, a.maxSessionMinutes ?? null, a.tasks.length > 0]),
    ),
    onBehalfOf: values(
      d,
      ['agent', 'person_lc'],
      ['INTEGER', 'VARCHAR'],
      agents.flatMap((a, i) => [...new Set(a.tasks.flatMap((t) => (t.onBehalfOf ? [t.onBehalfOf.toLowerCase()] : [])))].map((p) => [i, p])),
    ),
    breakGlass: values(
      d,
      ['account_lc'],
      ['VARCHAR'],
      [...new Set(registry.breakGlassAccounts.map((a) => a.toLowerCase()))].map((a) => [a]),
    ),
    approvals: values(
      d,
      ['approval', 'account_lc', 'start_ms', 'end_ms'],
      ['INTEGER', 'VARCHAR', 'BIGINT', 'BIGINT'],
      registry.approvals.map((a, i) => [i, a.account.toLowerCase(), a.start, a.end]),
    ),
    agentByUserAgent(ua) {
      const arms = agents.flatMap((a, i) =>
        a.userAgents.length === 0 ? [] : [`WHEN ${or(a.userAgents.map((g) => matchLoose(d, ua, uaGlob(g))))} THEN ${i}`],
      );
      return arms.length === 0 ? 'CAST(NULL AS INTEGER)' : `(CASE WHEN ${ua} IS NULL THEN NULL ${arms.join(' ')} END)`;
    },
    ignored(ua) {
      const globs = registry.ignoreUserAgents.map((g) => matchLoose(d, ua, uaGlob(g)));
      return globs.length === 0 ? 'FALSE' : `coalesce(${or(globs)}, FALSE)`;
    },
    inWindow(agent, t) {
      return byAgent(agents, agent, (a) => (a.tasks.length ? or(a.tasks.map((task) => window(t, task))) : undefined), 'FALSE');
    },
    allowed(agent, t, op) {
      return byAgent(
        agents,
        agent,
        (a) => {
          if (a.tasks.length === 0) return undefined;
          const each = a.tasks.map((task) => ({ active: window(t, task), allow: taskAllowSql(d, task.allow, op) }));
          const inside = or(each.map((e) => `(${e.active} AND ${e.allow})`));
          const anyTask = or(each.map((e) => e.allow));
          return `(CASE WHEN ${or(each.map((e) => e.active))} THEN ${inside} ELSE ${anyTask} END)`;
        },
        'FALSE',
      );
    },
    firstStart(agent) {
      return byAgent(agents, agent, (a) => (a.tasks.length ? String(Math.min(...a.tasks.map((t) => t.start))) : undefined), 'NULL');
    },
    lastEnd(agent) {
      return byAgent(agents, agent, (a) => (a.tasks.length ? String(Math.max(...a.tasks.map((t) => t.end))) : undefined), 'NULL');
    },
  };
}
