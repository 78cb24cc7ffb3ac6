import type { AgentRegistry } from '../config/registry.js';
import { correlateCtes } from './correlate.js';
import { dialectOf, type Dialect, type DialectName } from './dialect.js';
import { projection, signatureExpr, SIGNATURE_COLUMNS, type EventSource, type PartitionFilters } from './events.js';
import { compileRegistry } from './registry.js';
import { ruleSqls } from './rules.js';

export interface QueryOptions {
  dialect: DialectName;
  sources: EventSource[];
  filters?: PartitionFilters;
  /** The client table (see clients-table docs in README): classification of every distinct client signature. */
  clientTable: string;
  registry?: AgentRegistry;
  /** Only these rules (default: every rule SQL expresses). */
  rules?: readonly string[];
  /** DuckDB only: add each finding's client's five earliest events (file, line, time, summary) as a list. */
  evidence?: boolean;
}

/** The rule ids the SQL engines run, in report order (the declared-agent rules only with a registry). */
export const SQL_RULES = [
  'agent-on-human-session',
  'unrecognized-client-on-human-session',
  'agent-signed-in-as-person',
  'session-context-change',
  'inhuman-cadence',
  'scope-exceeded',
  'outside-task-window',
  'overlong-session',
  'undeclared-agent',
  'break-glass-use',
] as const;

function events(d: Dialect, sources: EventSource[], filters: PartitionFilters): string {
  if (sources.length === 0) throw new Error('no event source');
  const union = sources.map((s) => projection(d, s, filters)).join(' UNION ALL ');
  return `bs_ev0 AS (SELECT u.*, ${signatureExpr(d, 'u')} AS sig FROM (${union}) u)`;
}

/**
 * The distinct client signatures of the events: what `borrowscan clients` classifies into the client table. Run it
 * first on Trino or Spark, classify its output, load the result as the client table, then run the detection query.
 */
export function clientInputsQuery(options: Omit<QueryOptions, 'clientTable' | 'registry' | 'rules'>): string {
  const d = dialectOf(options.dialect);
  const cols = SIGNATURE_COLUMNS.join(', ');
  return d.finish(`WITH ${events(d, options.sources, options.filters ?? {})}\nSELECT DISTINCT sig, ${cols} FROM bs_ev0`);
}

/**
 * The detection query: one row per finding with its id (computed as engine/findings.ts findingId computes it),
 * rule, severity, session, user, client and times. Order: as the report orders findings.
 */
export function detectionQuery(options: QueryOptions): string {
  const { ctes, select } = detectionParts(options);
  return `WITH\n${ctes.join(',\n')}\n${select}`;
}

/**
 * The detection query in parts: its CTEs (`name AS (body)`) and the final SELECT. SQL parsers take the parts one at a
 * time far faster than the whole (test/lake/dialects.test.ts).
 */
export function detectionParts(options: QueryOptions): { ctes: string[]; select: string } {
  const d = dialectOf(options.dialect);
  const reg = options.registry ? compileRegistry(d, options.registry) : undefined;
  const { rules, shared } = ruleSqls(d, reg);
  const wanted = rules.filter((r) => !options.rules || options.rules.includes(r.id));
  const ctes = [
    events(d, options.sources, options.filters ?? {}),
    ...correlateCtes(d, options.clientTable, reg),
    ...(wanted.some((r) => r.declared) ? shared : []),
    ...[...new Set(wanted.flatMap((r) => r.ctes))],
    `bs_hits AS (${wanted.length ? wanted.map((r) => r.select).join('\nUNION ALL\n') : 'SELECT CAST(NULL AS VARCHAR) AS rule, CAST(NULL AS VARCHAR) AS severity, CAST(NULL AS VARCHAR) AS fsid, CAST(NULL AS VARCHAR) AS ckey, CAST(NULL AS DOUBLE) AS first_seen, CAST(NULL AS DOUBLE) AS last_seen, CAST(NULL AS BIGINT) AS n, CAST(NULL AS INTEGER) AS agent, CAST(NULL AS VARCHAR) AS detail WHERE 1 = 0'})`,
  ];
  const sep = d.chr(0);
  const idInput = `concat(h.rule, ${sep}, lower(coalesce(su.user_name, '')), ${sep}, h.fsid, ${sep}, c.id_key)`;
  const agentName = reg ? 'ra.name' : 'CAST(NULL AS VARCHAR)';
  const agentJoin = reg ? `LEFT JOIN ${reg.agents} ra ON ra.agent = h.agent` : '';
  if (options.evidence) {
    if (d.name !== 'duckdb') throw new Error('evidence lists are built for DuckDB only');
    ctes.push(
      `bs_evi AS (SELECT fsid, ckey, list(struct_pack(file := file, line := line, t := t, summary := summary) ORDER BY t, file, line) AS evidence ` +
        `FROM (SELECT e.*, ${summarySql('e')} AS summary, ROW_NUMBER() OVER (PARTITION BY e.fsid, e.ckey ORDER BY e.t, e.file, e.line) AS rn ` +
        `FROM bs_evf e JOIN (SELECT DISTINCT fsid, ckey FROM bs_hits) h ON h.fsid = e.fsid AND h.ckey = e.ckey) x WHERE rn <= 5 GROUP BY fsid, ckey)`,
    );
  }
  const evidence = options.evidence ? ', ev.evidence' : '';
  const evidenceJoin = options.evidence ? 'LEFT JOIN bs_evi ev ON ev.fsid = h.fsid AND ev.ckey = h.ckey' : '';
  const select =
    `SELECT concat('bs-', substr(${d.sha256Hex(idInput)}, 1, 16)) AS finding_id, h.rule, h.severity, h.fsid AS session_id, ` +
    `su.user_name, h.ckey AS client_key, c.id_key AS client_id_key, coalesce(c.joined_by, s.corr) AS correlation, c.cclass AS client_class, c.label AS client_label, ` +
    `c.ua AS user_agent, c.min_ip AS client_ip, h.first_seen, h.last_seen, h.n AS event_count, ${agentName} AS declared_agent, h.detail${evidence} ` +
    `FROM bs_hits h JOIN bs_clix c ON c.fsid = h.fsid AND c.ckey = h.ckey JOIN bs_sess s ON s.fsid = h.fsid ` +
    `LEFT JOIN bs_sess_user su ON su.fsid = h.fsid ${agentJoin} ${evidenceJoin}`;
  const order = `ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, first_seen, finding_id`;
  return { ctes: ctes.map((c) => d.finish(c)), select: d.finish(`SELECT * FROM (${select}) f\n${order}`) };
}

/** shared/evidence.ts summarize(): what an event was, in one line of at most 160 characters. */
function summarySql(e: string): string {
  const base =
    `CASE WHEN ${e}.kind = 'request' THEN (CASE WHEN ${e}.status IS NOT NULL THEN concat(${e}.action, ' -> ', CAST(${e}.status AS VARCHAR)) ELSE ${e}.action END) ` +
    `WHEN ${e}.outcome = 'unknown' THEN ${e}.action ELSE concat(${e}.action, ' (', ${e}.outcome, ')') END`;
  const s = `concat(${base}, CASE WHEN ${e}.ip IS NOT NULL AND ${e}.ip <> '' THEN concat(' from ', ${e}.ip) ELSE '' END)`;
  return `(CASE WHEN length(${s}) > 160 THEN concat(substr(${s}, 1, 157), '...') ELSE ${s} END)`;
}

/** Counts for the report's summary: events kept, events the registry ignores, sessions, time range. */
export function statsQuery(options: QueryOptions): string {
  const d = dialectOf(options.dialect);
  const reg = options.registry ? compileRegistry(d, options.registry) : undefined;
  const ctes = [events(d, options.sources, options.filters ?? {}), ...correlateCtes(d, options.clientTable, reg)];
  return d.finish(
    `WITH\n${ctes.join(',\n')}\nSELECT (SELECT count(*) FROM bs_ev0) AS all_events, (SELECT count(*) FROM bs_evf) AS events, ` +
      `(SELECT count(*) FROM bs_sess) AS sessions, (SELECT min(t) FROM bs_evf) AS first_t, (SELECT max(t) FROM bs_evf) AS last_t`,
  );
}
