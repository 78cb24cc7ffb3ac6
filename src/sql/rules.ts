import type { Dialect } from './dialect.js';
import type { CompiledRegistry } from './registry.js';

/**
 * One SELECT per rule over the correlated relations (correlate.ts), each yielding finding rows:
 * (rule, severity, fsid, ckey, first_seen, last_seen, n, agent, detail). The rule logic follows src/rules/<id>.ts;
 * thresholds come from src/rules/pacing.ts. Rules that SQL does not express (none today) are listed in the README.
 */
export interface RuleSql {
  id: string;
  /** CTEs the rule needs besides the correlated ones. */
  ctes: string[];
  select: string;
  /** Runs only with a registry. */
  declared?: boolean;
}

const COLUMNS = 'rule, severity, fsid, ckey, first_seen, last_seen, n, agent, detail';

/** The networks of a session's human clients, and for each other client whether it came from another one. */
function riderNetCtes(): string[] {
  return [
    `bs_human_nets AS (SELECT DISTINCT i.fsid, n.net FROM bs_cli_ips i JOIN bs_nets n ON n.ip = i.ip JOIN bs_clix c ON c.fsid = i.fsid AND c.ckey = i.ckey WHERE c.is_human)`,
    `bs_starter_ips AS (SELECT i.fsid, i.ip FROM bs_cli_ips i JOIN bs_starter s ON s.fsid = i.fsid AND s.start_key = i.ckey)`,
    `bs_rider_nets AS (SELECT i.fsid, i.ckey, max(CASE WHEN hn.net IS NULL THEN 1 ELSE 0 END) AS other, ` +
      `max(CASE WHEN si.ip IS NOT NULL THEN 1 ELSE 0 END) AS same_ip FROM bs_cli_ips i JOIN bs_nets n ON n.ip = i.ip ` +
      `LEFT JOIN bs_human_nets hn ON hn.fsid = i.fsid AND hn.net = n.net LEFT JOIN bs_starter_ips si ON si.fsid = i.fsid AND si.ip = i.ip ` +
      `GROUP BY i.fsid, i.ckey)`,
  ];
}

export function agentOnHumanSession(reg: CompiledRegistry | undefined): RuleSql {
  const obo = reg ? `LEFT JOIN ${reg.onBehalfOf} ob ON ob.agent = c.agent_by_client AND ob.person_lc = dg.delegator` : '';
  const notDelegation = reg ? 'AND NOT (c.agent_by_client IS NOT NULL AND ob.agent IS NOT NULL)' : '';
  return {
    id: 'agent-on-human-session',
    ctes: riderNetCtes(),
    select:
      `SELECT 'agent-on-human-session' AS rule, CASE WHEN coalesce(rn.other, 0) = 1 THEN 'critical' ELSE 'high' END AS severity, ` +
      `c.fsid, c.ckey, c.first_seen, c.last_seen, c.n, c.agent_by_client AS agent, ` +
      `CASE WHEN coalesce(rn.other, 0) = 1 THEN 'other' WHEN coalesce(rn.same_ip, 0) = 1 THEN 'same-ip' ELSE 'same-network' END AS detail ` +
      `FROM bs_clix c JOIN bs_starter st ON st.fsid = c.fsid JOIN bs_sess s ON s.fsid = c.fsid ` +
      `LEFT JOIN bs_rider_nets rn ON rn.fsid = c.fsid AND rn.ckey = c.ckey LEFT JOIN bs_deleg dg ON dg.fsid = c.fsid ${obo} ` +
      `WHERE NOT c.own_credential AND (c.is_automation OR (c.agent_by_client IS NOT NULL AND c.ckey <> st.start_key)) ` +
      `AND c.last_seen >= st.start_t AND coalesce(c.joined_by, s.corr) <> 'inferred' ${notDelegation}`,
  };
}

export function unrecognizedClientOnHumanSession(reg: CompiledRegistry | undefined): RuleSql {
  return {
    id: 'unrecognized-client-on-human-session',
    ctes: riderNetCtes(),
    select:
      `SELECT 'unrecognized-client-on-human-session' AS rule, CASE WHEN coalesce(rn.other, 0) = 1 OR c.cclass = 'ai-crawler' THEN 'medium' ELSE 'low' END AS severity, ` +
      `c.fsid, c.ckey, c.first_seen, c.last_seen, c.n, CAST(NULL AS INTEGER) AS agent, ` +
      `CASE WHEN coalesce(rn.other, 0) = 1 THEN 'other' ELSE 'same-network' END AS detail ` +
      `FROM bs_clix c JOIN bs_starter st ON st.fsid = c.fsid JOIN bs_sess s ON s.fsid = c.fsid ` +
      `LEFT JOIN bs_rider_nets rn ON rn.fsid = c.fsid AND rn.ckey = c.ckey ` +
      `WHERE c.ckey <> st.start_key AND c.unjudged AND c.last_seen >= st.start_t AND coalesce(c.joined_by, s.corr) <> 'inferred'` +
      (reg ? ' AND c.agent_by_client IS NULL' : ''),
  };
}

export function agentSignedInAsPerson(reg: CompiledRegistry | undefined): RuleSql {
  const own = reg
    ? `LEFT JOIN (SELECT DISTINCT u.fsid, r.agent FROM bs_sess_users u JOIN ${reg.identities} r ON r.identity_lc = u.user_lc) own ` +
      `ON own.fsid = c.fsid AND own.agent = c.agent_of_client`
    : '';
  return {
    id: 'agent-signed-in-as-person',
    ctes: [],
    select:
      `SELECT 'agent-signed-in-as-person' AS rule, 'high' AS severity, c.fsid, c.ckey, c.first_seen, c.last_seen, c.n, c.agent_of_client AS agent, ` +
      `CAST(NULL AS VARCHAR) AS detail FROM bs_clix c JOIN bs_sess_user su ON su.fsid = c.fsid ${own} ` +
      `WHERE c.signin_interactive AND (c.authority_kind IS NULL OR c.authority_kind = 'not-agent') ` +
      `AND (c.cclass IN ('ai-agent', 'headless-browser') OR c.contradicted)${reg ? ' AND own.agent IS NULL' : ''}`,
  };
}

export function sessionContextChange(): RuleSql {
  const change = `((r.os IS NOT NULL AND o.os IS NOT NULL AND r.os <> o.os) OR (r.cclass = 'browser' AND o.cclass = 'browser' AND r.family <> o.family))`;
  return {
    id: 'session-context-change',
    ctes: [
      `bs_humans AS (SELECT * FROM bs_clix WHERE is_human)`,
      `bs_ref AS (SELECT fsid, ckey, cclass, family, os FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY fsid ORDER BY pri, first_seen, ckey) AS rn FROM (` +
        `SELECT c.fsid, c.ckey, c.cclass, c.family, c.os, 0 AS pri, c.first_seen FROM bs_starter s JOIN bs_clix c ON c.fsid = s.fsid AND c.ckey = s.start_key ` +
        `UNION ALL SELECT fsid, ckey, cclass, family, os, 1 AS pri, first_seen FROM bs_humans) x) y WHERE rn = 1)`,
    ],
    select:
      `SELECT 'session-context-change' AS rule, 'medium' AS severity, o.fsid, o.ckey, o.first_seen, o.last_seen, o.n, CAST(NULL AS INTEGER) AS agent, ` +
      `CASE WHEN r.os IS NOT NULL AND o.os IS NOT NULL AND r.os <> o.os THEN 'operating system' ELSE 'browser family' END AS detail ` +
      `FROM bs_humans o JOIN bs_ref r ON r.fsid = o.fsid AND r.ckey <> o.ckey JOIN bs_sess s ON s.fsid = o.fsid ` +
      `JOIN (SELECT fsid FROM bs_humans GROUP BY fsid HAVING count(*) >= 2) hc ON hc.fsid = o.fsid ` +
      `WHERE s.corr = 'session-id' AND ${change}`,
  };
}

/** src/rules/pacing.ts PACING, repeated as numbers; a test checks they agree. */
export const SQL_PACING = {
  runIntervals: 20,
  maxVariation: 0.1,
  minIntervalMs: 200,
  maxIntervalMs: 300_000,
  runMinResources: 10,
  sustainedMinutes: 5,
  perMinuteRequests: 30,
  perMinuteResources: 15,
  maxPauseMs: 20_000,
} as const;

export function inhumanCadence(d: Dialect): RuleSql {
  const p = SQL_PACING;
  const part = 'PARTITION BY fsid, ckey ORDER BY k';
  const gaps = `${part} ROWS BETWEEN CURRENT ROW AND ${p.runIntervals - 1} FOLLOWING`;
  const rows = `${part} ROWS BETWEEN CURRENT ROW AND ${p.runIntervals} FOLLOWING`;
  const minSamples = Math.min(p.runIntervals + 1, p.perMinuteRequests * p.sustainedMinutes);
  return {
    id: 'inhuman-cadence',
    ctes: [
      `bs_cad_clients AS (SELECT fsid, ckey FROM bs_clix WHERE cclass = 'browser' AND n >= ${minSamples})`,
      `bs_seq AS (SELECT e.fsid, e.ckey, e.t, e.file, e.line, coalesce(e.path, e.action) AS res, ` +
        `ROW_NUMBER() OVER (PARTITION BY e.fsid, e.ckey ORDER BY e.t, e.file, e.line) - 1 AS k ` +
        `FROM bs_evf e JOIN bs_cad_clients c ON c.fsid = e.fsid AND c.ckey = e.ckey)`,
      `bs_gap AS (SELECT s.*, LEAD(t) OVER (${part}) - t AS gap, t - LAG(t) OVER (${part}) AS gap_before, ` +
        `floor(t / 60000) AS m FROM bs_seq s)`,
      // Metronome: window k covers intervals k..k+19 (requests k..k+20); mean and variance as the streaming engine computes them.
      `bs_win AS (SELECT fsid, ckey, k, t, count(gap) OVER (${gaps}) AS ngaps, ${d.double(`sum(gap) OVER (${gaps})`)} / ${p.runIntervals} AS mean, ` +
        `${d.double(`sum(gap * gap) OVER (${gaps})`)} / ${p.runIntervals} AS meansq, ${d.distinctInFrame('res', rows)} AS nres FROM bs_gap)`,
      `bs_steady AS (SELECT fsid, ckey, k, k - ROW_NUMBER() OVER (${part}) AS grp FROM bs_win ` +
        `WHERE ngaps = ${p.runIntervals} AND mean >= ${p.minIntervalMs} AND mean <= ${p.maxIntervalMs} ` +
        `AND sqrt(greatest(0, meansq - mean * mean)) <= ${p.maxVariation} * mean AND mean > 0 AND nres >= ${p.runMinResources})`,
      `bs_metro AS (SELECT fsid, ckey, first_k, last_k FROM (SELECT fsid, ckey, min(k) AS first_k, max(k) + ${p.runIntervals} AS last_k, ` +
        `ROW_NUMBER() OVER (PARTITION BY fsid, ckey ORDER BY max(k) - min(k) DESC, min(k)) AS rn FROM bs_steady GROUP BY fsid, ckey, grp) x WHERE rn = 1)`,
      // Sustained rate: minutes of 30+ requests to 15+ resources with no pause of 20 s, consecutive, 5 or more.
      `bs_min AS (SELECT fsid, ckey, m, min(k) AS first_k, max(k) AS last_k, count(*) AS n, count(DISTINCT res) AS nres, ` +
        `max(CASE WHEN gap_before IS NOT NULL AND floor((t - gap_before) / 60000) = m THEN gap_before ELSE 0 END) AS max_pause, ` +
        `coalesce(max(CASE WHEN gap_before IS NULL OR floor((t - gap_before) / 60000) <> m THEN gap_before END), 0) AS pause_before ` +
        `FROM bs_gap GROUP BY fsid, ckey, m)`,
      `bs_min2 AS (SELECT b.*, n >= ${p.perMinuteRequests} AND nres >= ${p.perMinuteResources} AND max_pause < ${p.maxPauseMs} AS busy FROM bs_min b)`,
      `bs_min3 AS (SELECT b.*, LAG(busy) OVER (PARTITION BY fsid, ckey ORDER BY m) AS prev_busy, LAG(m) OVER (PARTITION BY fsid, ckey ORDER BY m) AS prev_m FROM bs_min2 b)`,
      `bs_min4 AS (SELECT b.*, sum(CASE WHEN busy AND NOT (coalesce(prev_busy, FALSE) AND m = prev_m + 1 AND pause_before < ${p.maxPauseMs}) THEN 1 ELSE 0 END) ` +
        `OVER (PARTITION BY fsid, ckey ORDER BY m ROWS UNBOUNDED PRECEDING) AS run FROM bs_min3 b)`,
      `bs_sustained AS (SELECT fsid, ckey, first_k, last_k FROM (SELECT fsid, ckey, min(first_k) AS first_k, max(last_k) AS last_k, ` +
        `ROW_NUMBER() OVER (PARTITION BY fsid, ckey ORDER BY max(last_k) - min(first_k) DESC, min(first_k)) AS rn ` +
        `FROM bs_min4 WHERE busy GROUP BY fsid, ckey, run HAVING count(*) >= ${p.sustainedMinutes}) x WHERE rn = 1)`,
      `bs_pace AS (SELECT coalesce(mt.fsid, su.fsid) AS fsid, coalesce(mt.ckey, su.ckey) AS ckey, ` +
        `CASE WHEN mt.fsid IS NOT NULL AND (su.fsid IS NULL OR mt.last_k - mt.first_k >= su.last_k - su.first_k) THEN 'metronome' ELSE 'sustained-rate' END AS pattern, ` +
        `CASE WHEN mt.fsid IS NOT NULL AND (su.fsid IS NULL OR mt.last_k - mt.first_k >= su.last_k - su.first_k) THEN mt.first_k ELSE su.first_k END AS first_k, ` +
        `CASE WHEN mt.fsid IS NOT NULL AND (su.fsid IS NULL OR mt.last_k - mt.first_k >= su.last_k - su.first_k) THEN mt.last_k ELSE su.last_k END AS last_k ` +
        `FROM bs_metro mt FULL OUTER JOIN bs_sustained su ON su.fsid = mt.fsid AND su.ckey = mt.ckey)`,
    ],
    select:
      `SELECT 'inhuman-cadence' AS rule, 'medium' AS severity, p.fsid, p.ckey, a.t AS first_seen, b.t AS last_seen, p.last_k - p.first_k + 1 AS n, ` +
      `CAST(NULL AS INTEGER) AS agent, p.pattern AS detail FROM bs_pace p ` +
      `JOIN bs_seq a ON a.fsid = p.fsid AND a.ckey = p.ckey AND a.k = p.first_k JOIN bs_seq b ON b.fsid = p.fsid AND b.ckey = p.ckey AND b.k = p.last_k`,
  };
}

/** What each event of a declared agent did, and which agent: its session's identity, its client ids, its user agents. */
function declaredEventCtes(reg: CompiledRegistry): string[] {
  return [
    `bs_eva AS (SELECT e.fsid, e.ckey, e.t, e.kind, e.action, e.method, e.path, e.app, e.h_mcp_name, ` +
      `coalesce(au.agent, ai.agent, e.sig_agent, c.ua_agent) AS agent FROM bs_evf e JOIN bs_clix c ON c.fsid = e.fsid AND c.ckey = e.ckey ` +
      `LEFT JOIN bs_agent_user au ON au.fsid = e.fsid LEFT JOIN bs_agent_id ai ON ai.fsid = e.fsid AND ai.ckey = e.ckey)`,
    `bs_eva2 AS (SELECT a.*, r.has_tasks, CASE WHEN a.h_mcp_name IS NOT NULL THEN 'mcp' WHEN a.method IS NOT NULL AND a.path IS NOT NULL THEN 'http' ` +
      `WHEN a.app IS NOT NULL THEN 'app' ` +
      `WHEN a.kind = 'request' THEN 'operation' END AS op_kind, upper(a.method) AS op_method FROM bs_eva a JOIN ${reg.agents} r ON r.agent = a.agent)`,
    `bs_tally_agent AS (SELECT fsid, ckey, agent FROM (SELECT e.fsid, e.ckey, r.agent, ROW_NUMBER() OVER (PARTITION BY e.fsid, e.ckey ORDER BY r.name) AS rn ` +
      `FROM (SELECT DISTINCT fsid, ckey, agent FROM bs_eva2) e JOIN ${reg.agents} r ON r.agent = e.agent) x WHERE rn = 1)`,
    `bs_fagent AS (SELECT c.fsid, c.ckey, coalesce(c.agent_of_client, ta.agent) AS agent FROM bs_clix c LEFT JOIN bs_tally_agent ta ON ta.fsid = c.fsid AND ta.ckey = c.ckey)`,
  ];
}

export function scopeExceeded(reg: CompiledRegistry): RuleSql {
  const op = { kind: 'op_kind', method: 'op_method', path: 'path', name: 'action', app: 'app', mcp: 'h_mcp_name' };
  return {
    id: 'scope-exceeded',
    declared: true,
    ctes: [
      `bs_scope_ev AS (SELECT fsid, ckey, t, ${reg.allowed('agent', 't', op)} AS allowed FROM bs_eva2 WHERE op_kind IS NOT NULL AND has_tasks)`,
      `bs_scope AS (SELECT fsid, ckey, sum(CASE WHEN NOT allowed THEN 1 ELSE 0 END) AS out_n, min(CASE WHEN NOT allowed THEN t END) AS out_first, ` +
        `max(CASE WHEN NOT allowed THEN t END) AS out_last FROM bs_scope_ev GROUP BY fsid, ckey)`,
      `bs_acted AS (SELECT f.fsid, f.ckey FROM bs_fagent f JOIN bs_deleg dg ON dg.fsid = f.fsid ` +
        `JOIN (SELECT DISTINCT agent FROM ${reg.onBehalfOf} x) named ON named.agent = f.agent ` +
        `LEFT JOIN ${reg.onBehalfOf} ob ON ob.agent = f.agent AND ob.person_lc = dg.delegator WHERE ob.agent IS NULL)`,
    ],
    select:
      `SELECT 'scope-exceeded' AS rule, 'high' AS severity, c.fsid, c.ckey, coalesce(sc.out_first, c.first_seen) AS first_seen, ` +
      `coalesce(sc.out_last, c.last_seen) AS last_seen, coalesce(sc.out_n, 0) + CASE WHEN ac.fsid IS NOT NULL AND coalesce(sc.out_n, 0) = 0 THEN 1 ELSE 0 END AS n, ` +
      `f.agent, CASE WHEN ac.fsid IS NOT NULL THEN 'acted-for' END AS detail FROM bs_clix c JOIN bs_fagent f ON f.fsid = c.fsid AND f.ckey = c.ckey ` +
      `LEFT JOIN bs_scope sc ON sc.fsid = c.fsid AND sc.ckey = c.ckey LEFT JOIN bs_acted ac ON ac.fsid = c.fsid AND ac.ckey = c.ckey ` +
      `WHERE f.agent IS NOT NULL AND (coalesce(sc.out_n, 0) > 0 OR ac.fsid IS NOT NULL)`,
  };
}

export function outsideTaskWindow(reg: CompiledRegistry): RuleSql {
  return {
    id: 'outside-task-window',
    declared: true,
    ctes: [
      `bs_window_ev AS (SELECT fsid, ckey, t, agent, ${reg.inWindow('agent', 't')} AS inside FROM bs_eva2 WHERE has_tasks)`,
      `bs_window AS (SELECT fsid, ckey, sum(CASE WHEN NOT inside THEN 1 ELSE 0 END) AS outside, min(CASE WHEN NOT inside THEN t END) AS out_first, ` +
        `max(CASE WHEN NOT inside THEN t END) AS out_last, sum(CASE WHEN NOT inside AND t > ${reg.lastEnd('agent')} THEN 1 ELSE 0 END) AS after_n ` +
        `FROM bs_window_ev GROUP BY fsid, ckey)`,
    ],
    select:
      `SELECT 'outside-task-window' AS rule, 'high' AS severity, w.fsid, w.ckey, w.out_first AS first_seen, w.out_last AS last_seen, w.outside AS n, ` +
      `f.agent, CASE WHEN w.after_n > 0 THEN 'after' ELSE 'outside' END AS detail FROM bs_window w ` +
      `JOIN bs_fagent f ON f.fsid = w.fsid AND f.ckey = w.ckey JOIN ${reg.agents} r ON r.agent = f.agent WHERE w.outside > 0 AND r.has_tasks`,
  };
}

export function overlongSession(reg: CompiledRegistry): RuleSql {
  const began = 'coalesce(st.start_t, s.first_seen)';
  return {
    id: 'overlong-session',
    declared: true,
    ctes: [],
    select:
      `SELECT 'overlong-session' AS rule, 'medium' AS severity, c.fsid, c.ckey, ${began} AS first_seen, c.last_seen, c.n, c.agent_of_client AS agent, ` +
      `CAST(r.max_minutes AS VARCHAR) AS detail FROM bs_clix c JOIN bs_sess s ON s.fsid = c.fsid LEFT JOIN bs_sess_start st ON st.fsid = c.fsid ` +
      `JOIN ${reg.agents} r ON r.agent = c.agent_of_client WHERE s.corr <> 'inferred' AND r.max_minutes IS NOT NULL ` +
      `AND c.last_seen - ${began} > r.max_minutes * 60000`,
  };
}

export function undeclaredAgent(reg: CompiledRegistry): RuleSql {
  return {
    id: 'undeclared-agent',
    declared: true,
    ctes: [`bs_bg_sessions AS (SELECT DISTINCT u.fsid FROM bs_sess_users u JOIN ${reg.breakGlass} b ON b.account_lc = u.user_lc)`],
    select:
      `SELECT 'undeclared-agent' AS rule, 'medium' AS severity, c.fsid, c.ckey, c.first_seen, c.last_seen, c.n, CAST(NULL AS INTEGER) AS agent, ` +
      `CAST(NULL AS VARCHAR) AS detail FROM bs_clix c LEFT JOIN bs_starter st ON st.fsid = c.fsid LEFT JOIN bs_bg_sessions bg ON bg.fsid = c.fsid ` +
      `LEFT JOIN bs_sess_user su ON su.fsid = c.fsid LEFT JOIN (SELECT DISTINCT fsid, ckey FROM bs_cli_ids) ids ON ids.fsid = c.fsid AND ids.ckey = c.ckey ` +
      `WHERE st.fsid IS NULL AND bg.fsid IS NULL AND c.is_automation AND c.agent_of_client IS NULL AND (su.user_name IS NOT NULL OR ids.fsid IS NOT NULL)`,
  };
}

export function breakGlassUse(reg: CompiledRegistry): RuleSql {
  return {
    id: 'break-glass-use',
    declared: true,
    ctes: [
      `bs_bg_account AS (SELECT u.fsid, min(u.user_lc) AS account FROM bs_sess_users u JOIN ${reg.breakGlass} b ON b.account_lc = u.user_lc GROUP BY u.fsid)`,
      `bs_bg_approval AS (SELECT c.fsid, c.ckey, min(a.approval) AS approval FROM bs_clix c JOIN bs_bg_account g ON g.fsid = c.fsid ` +
        `JOIN ${reg.approvals} a ON a.account_lc = g.account AND a.start_ms <= c.first_seen AND c.first_seen <= a.end_ms GROUP BY c.fsid, c.ckey)`,
    ],
    select:
      `SELECT 'break-glass-use' AS rule, CASE WHEN ap.approval IS NOT NULL AND c.last_seen <= a.end_ms THEN 'low' WHEN c.is_automation THEN 'critical' ELSE 'high' END AS severity, ` +
      `c.fsid, c.ckey, c.first_seen, c.last_seen, c.n, CAST(NULL AS INTEGER) AS agent, CASE WHEN ap.approval IS NOT NULL AND c.last_seen <= a.end_ms THEN 'approved' END AS detail ` +
      `FROM bs_clix c JOIN bs_bg_account g ON g.fsid = c.fsid LEFT JOIN bs_bg_approval ap ON ap.fsid = c.fsid AND ap.ckey = c.ckey ` +
      `LEFT JOIN ${reg.approvals} a ON a.approval = ap.approval`,
  };
}

export function ruleSqls(d: Dialect, reg: CompiledRegistry | undefined): { rules: RuleSql[]; shared: string[] } {
  // unrecognized-client-on-human-session reads agent-on-human-session's network CTEs: keep them together.
  const rules = [
    agentOnHumanSession(reg),
    unrecognizedClientOnHumanSession(reg),
    agentSignedInAsPerson(reg),
    sessionContextChange(),
    inhumanCadence(d),
  ];
  if (reg) rules.push(scopeExceeded(reg), outsideTaskWindow(reg), overlongSession(reg), undeclaredAgent(reg), breakGlassUse(reg));
  return { rules, shared: reg ? declaredEventCtes(reg) : [] };
}

export { COLUMNS as FINDING_ROW_COLUMNS };
