import type { Dialect } from './dialect.js';

/**
 * Where events come from: tables (or, in DuckDB, file readers) of one of two kinds, each with optional partition
 * filters as Security Lake partitions its tables.
 * - `export`: rows written by `borrowscan export` (they carry the `borrowscan` struct, so every field is exact);
 * - `native`: any OCSF table (Security Lake's own), read the way borrowscan's `ocsf` input format reads OCSF JSON.
 */
export interface EventSource {
  kind: 'export' | 'native';
  /** A table name, or any relation text (DuckDB: `read_parquet('x.parquet')`). */
  relation: string;
}

export interface PartitionFilters {
  /** `eventday` partition (Security Lake source version 1): inclusive `YYYYMMDD` bounds. */
  eventdayFrom?: string;
  eventdayTo?: string;
  regions?: string[];
  accountIds?: string[];
  /** Epoch ms bounds on the event time (`time_dt`, Security Lake source version 2's partition column). */
  since?: number;
  until?: number;
}

/** What the event says of an agent and the client headers it sent: inputs of classification and columns alike. */
const AGENT_COLUMNS = [
  'agent_kind',
  'agent_name',
  'agent_obo',
  'agent_proof',
  'h_signature_agent',
  'h_web_bot_auth',
  'h_platform_hint',
  'h_stainless_lang',
  'h_stainless_version',
  'h_mcp_method',
  'h_mcp_name',
  'h_mcp_protocol_version',
  'h_mcp_session_id',
] as const;

/** The columns every projection yields, in order: the normalized event, as the streaming engine's event model. */
export const EVENT_COLUMNS = [
  't',
  'file',
  'line',
  'format',
  'kind',
  'action',
  'outcome',
  'user_name',
  'user_lc',
  'session_id',
  'root_session_id',
  'token_id',
  'client_id',
  'grant_type',
  'ip',
  'ua_raw',
  'aws',
  'hint_browser',
  'hint_os',
  'hint_app',
  'interactive',
  'app',
  'method',
  'path',
  'status',
  ...AGENT_COLUMNS,
  'console_candidate',
] as const;

/** The inputs of client classification, in the order of the client signature. */
export const SIGNATURE_COLUMNS = ['ua_raw', 'aws', 'hint_browser', 'hint_os', 'hint_app', ...AGENT_COLUMNS] as const;

/**
 * One string per distinct classification input: the join key between events and the client table. NULL and the
 * empty string are told apart (chr(1) stands for NULL), fields are separated by chr(2).
 */
export function signatureExpr(d: Dialect, alias = ''): string {
  const col = (c: string) => (alias ? `${alias}.${c}` : c);
  const parts = SIGNATURE_COLUMNS.map((c) => `coalesce(CAST(${col(c)} AS VARCHAR), ${d.chr(1)})`);
  return `concat(${parts.join(`, ${d.chr(2)}, `)})`;
}

function timestamp(ms: number): string {
  return `TIMESTAMP '${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')}'`;
}

function filters(d: Dialect, f: PartitionFilters, timeMs: string, partitionTime?: string): string[] {
  const where: string[] = [];
  if (f.eventdayFrom !== undefined) where.push(`eventday >= ${d.string(f.eventdayFrom)}`);
  if (f.eventdayTo !== undefined) where.push(`eventday <= ${d.string(f.eventdayTo)}`);
  if (f.regions?.length) where.push(`region IN (${f.regions.map(d.string).join(', ')})`);
  if (f.accountIds?.length) where.push(`accountid IN (${f.accountIds.map(d.string).join(', ')})`);
  if (f.since !== undefined) where.push(`${timeMs} >= ${f.since}`);
  if (f.until !== undefined) where.push(`${timeMs} <= ${f.until}`);
  // Security Lake source version 2 partitions by time_dt: a predicate on it prunes partitions (a bound one second
  // wider than the exact one above, which the timestamp's precision could otherwise cut).
  if (partitionTime && f.since !== undefined) where.push(`${partitionTime} >= ${timestamp(f.since - 1000)}`);
  if (partitionTime && f.until !== undefined) where.push(`${partitionTime} <= ${timestamp(f.until + 1000)}`);
  return where;
}

/** Rows of `borrowscan export`: every field as the streaming engine had it. */
export function exportProjection(d: Dialect, relation: string, f: PartitionFilters): string {
  const b = 'borrowscan';
  const cols = [
    `${b}.time_ms AS t`,
    `${b}.file AS file`,
    `${b}.line AS line`,
    `${b}.format AS format`,
    `${b}.kind AS kind`,
    `${b}.action AS action`,
    `${b}.outcome AS outcome`,
    'actor.user.name AS user_name',
    'lower(actor.user.name) AS user_lc',
    'actor.session.uid AS session_id',
    `${b}.root_session_uid AS root_session_id`,
    `${b}.token_uid AS token_id`,
    'actor.app_uid AS client_id',
    `${b}.grant_type AS grant_type`,
    'src_endpoint.ip AS ip',
    'http_request.user_agent AS ua_raw',
    'FALSE AS aws',
    `${b}.client_hint.browser AS hint_browser`,
    `${b}.client_hint.os AS hint_os`,
    `${b}.client_hint.app AS hint_app`,
    `${b}.interactive AS interactive`,
    `${b}.app AS app`,
    'http_request.http_method AS method',
    'http_request.url.path AS path',
    'http_response.code AS status',
    `${b}.agent.kind AS agent_kind`,
    `${b}.agent.name AS agent_name`,
    `${b}.agent.on_behalf_of AS agent_obo`,
    `${b}.agent.proof AS agent_proof`,
    `${b}.headers.signature_agent AS h_signature_agent`,
    `${b}.headers.web_bot_auth AS h_web_bot_auth`,
    `${b}.headers.platform_hint AS h_platform_hint`,
    `${b}.headers.stainless_lang AS h_stainless_lang`,
    `${b}.headers.stainless_version AS h_stainless_version`,
    `${b}.headers.mcp_method AS h_mcp_method`,
    `${b}.headers.mcp_name AS h_mcp_name`,
    `${b}.headers.mcp_protocol_version AS h_mcp_protocol_version`,
    `${b}.headers.mcp_session_id AS h_mcp_session_id`,
    'FALSE AS console_candidate',
  ];
  const where = [`${b}.format IS NOT NULL`, ...filters(d, f, `${b}.time_ms`)];
  return `SELECT ${cols.join(', ')} FROM ${relation} WHERE ${where.join(' AND ')}`;
}

/** The `ocsf` format's text(): trimmed, and placeholders (`-`, `null`, `n/a`, ...) are no value. */
function txt(expr: string): string {
  const t = `trim(CAST(${expr} AS VARCHAR))`;
  return `(CASE WHEN ${t} = '' OR lower(${t}) IN ('-', 'null', 'undefined', 'none', 'n/a', 'unknown', '(null)') THEN NULL ELSE ${t} END)`;
}

/** `ipOf`: an address, not a service name (CloudTrail writes `AWS Internal`, `s3.amazonaws.com`). */
function ipOf(expr: string): string {
  return `(CASE WHEN translate(${expr}, '0123456789abcdefABCDEF:.', '') = '' THEN ${expr} END)`;
}

/** Logon types with no person: System, Network, Batch, OS Service, Network Cleartext, New Credentials. */
const NON_INTERACTIVE_LOGONS = '1, 3, 4, 5, 8, 9';

/**
 * Native OCSF rows, read as the `ocsf` input format reads them (src/input/ocsf/map.ts): classes 3002, 4002 and 6003;
 * CloudTrail-sourced rows (metadata.product.name CloudTrail) take the access key as the session and their AWS-internal
 * user agents become app hints (in the client table); a browser's call with console credentials is a sign-in.
 */
export function nativeProjection(d: Dialect, relation: string, f: PartitionFilters): string {
  const aws = `lower(metadata.product.name) = 'cloudtrail'`;
  const timeMs = `coalesce(CAST(time AS DOUBLE), CAST(${d.epochMs('time_dt')} AS DOUBLE))`;
  const code = `(CASE WHEN http_response.code BETWEEN 100 AND 599 THEN http_response.code END)`;
  const status = `(CASE WHEN class_uid = 3002 THEN NULL ELSE ${code} END)`;
  const apiAction = (fallback: string) => `coalesce(${txt('api.operation')}, ${txt('type_name')}, '${fallback}')`;
  const method = `upper(${txt('http_request.http_method')})`;
  const rawPath = `split_part(split_part(${txt('http_request.url.path')}, '?', 1), '#', 1)`;
  const path = `nullif(${rawPath}, '')`;
  const kind =
    `(CASE WHEN class_uid = 3002 THEN (CASE WHEN activity_id = 2 THEN 'signout' WHEN activity_id IN (3, 4, 5) THEN 'token' ` +
    `WHEN activity_id IS NULL OR activity_id = 1 THEN 'signin' ELSE 'other' END) ELSE 'request' END)`;
  const action =
    `(CASE WHEN class_uid = 3002 THEN ${apiAction('Authentication')} WHEN class_uid = 6003 THEN ${apiAction('API Activity')} ` +
    `ELSE concat(coalesce(${method}, '-'), ' ', coalesce(${path}, '-')) END)`;
  const outcome =
    `(CASE WHEN status_id = 1 THEN 'success' WHEN status_id = 2 THEN 'failure' WHEN lower(trim(status)) = 'success' THEN 'success' ` +
    `WHEN lower(trim(status)) = 'failure' THEN 'failure' WHEN ${status} IS NOT NULL THEN (CASE WHEN ${status} < 400 THEN 'success' ELSE 'failure' END) ` +
    `ELSE 'unknown' END)`;
  const interactive = `(CASE WHEN class_uid = 3002 AND (activity_id IS NULL OR activity_id = 1) THEN (logon_type_id IS NULL OR logon_type_id NOT IN (${NON_INTERACTIVE_LOGONS})) END)`;
  const u = d.ident('user');
  const user = `coalesce(${txt('actor.user.name')}, ${txt('actor.user.email_addr')}, ${txt('actor.user.uid')}, ${txt(`${u}.name`)}, ${txt(`${u}.email_addr`)}, ${txt(`${u}.uid`)})`;
  const session = `(CASE WHEN ${aws} THEN coalesce(${txt('actor.session.uid')}, ${txt('actor.session.credential_uid')}, ${txt('actor.user.credential_uid')}) ELSE ${txt('actor.session.uid')} END)`;
  const console = `(${aws} AND class_uid = 6003 AND lower(CAST(${d.mapGet('unmapped', 'sessionCredentialFromConsole')} AS VARCHAR)) = 'true')`;
  const isHttp = 'class_uid = 4002';
  const cols = [
    `${timeMs} AS t`,
    `${d.string(relation)} AS file`,
    'CAST(NULL AS INTEGER) AS line',
    `'ocsf' AS format`,
    `${kind} AS kind`,
    `${action} AS action`,
    `${outcome} AS outcome`,
    `${user} AS user_name`,
    `lower(${user}) AS user_lc`,
    `${session} AS session_id`,
    'CAST(NULL AS VARCHAR) AS root_session_id',
    'CAST(NULL AS VARCHAR) AS token_id',
    `${txt('actor.app_uid')} AS client_id`,
    'CAST(NULL AS VARCHAR) AS grant_type',
    `${ipOf(txt('src_endpoint.ip'))} AS ip`,
    `${txt('http_request.user_agent')} AS ua_raw`,
    `coalesce(${aws}, FALSE) AS aws`,
    'CAST(NULL AS VARCHAR) AS hint_browser',
    'CAST(NULL AS VARCHAR) AS hint_os',
    'CAST(NULL AS VARCHAR) AS hint_app',
    `${interactive} AS interactive`,
    'CAST(NULL AS VARCHAR) AS app',
    `(CASE WHEN ${isHttp} THEN ${method} END) AS method`,
    `(CASE WHEN ${isHttp} THEN ${path} END) AS path`,
    `${status} AS status`,
    // Native OCSF tables carry no agent evidence or client headers: the columns are there, empty.
    ...AGENT_COLUMNS.map((c) => `CAST(NULL AS ${c === 'h_web_bot_auth' ? 'BOOLEAN' : 'VARCHAR'}) AS ${c}`),
    `coalesce(${console}, FALSE) AS console_candidate`,
  ];
  const where = ['class_uid IN (3002, 4002, 6003)', `${timeMs} IS NOT NULL`, ...filters(d, f, timeMs, 'time_dt')];
  return `SELECT ${cols.join(', ')} FROM ${relation} WHERE ${where.join(' AND ')}`;
}

export function projection(d: Dialect, source: EventSource, f: PartitionFilters): string {
  return source.kind === 'export' ? exportProjection(d, source.relation, f) : nativeProjection(d, source.relation, f);
}
