/**
 * The columns of `borrowscan export`: OCSF names as Amazon Security Lake spells them (OCSF 1.1, source version 2),
 * plus one `borrowscan` struct for what OCSF has no place for (the input format, file and line, the exact event kind
 * and action, token and parent-session ids, parsed client hints, agent evidence, client-identifying headers, vendor
 * risk signals). Written as data: the DuckDB reader gets these exact types (no schema inference on sparse records),
 * and the README's column table is checked against this list.
 */
export interface ExportColumn {
  /** Top-level column name. */
  name: string;
  /** DuckDB type (structs spelled out), the same in Parquet and when NDJSON is read back. */
  type: string;
  /** What it holds, for the README. */
  doc: string;
}

const AGENT = 'STRUCT(kind VARCHAR, name VARCHAR, on_behalf_of VARCHAR, proof VARCHAR)';
const HEADERS =
  'STRUCT(signature_agent VARCHAR, web_bot_auth BOOLEAN, platform_hint VARCHAR, stainless_lang VARCHAR, ' +
  'stainless_version VARCHAR, mcp_method VARCHAR, mcp_name VARCHAR, mcp_protocol_version VARCHAR, mcp_session_id VARCHAR)';
const HINT = 'STRUCT(browser VARCHAR, os VARCHAR, app VARCHAR)';
const RISK = 'STRUCT(signal VARCHAR, detail VARCHAR)[]';

export const BORROWSCAN_STRUCT =
  'STRUCT(format VARCHAR, file VARCHAR, line INTEGER, time_ms DOUBLE, kind VARCHAR, action VARCHAR, outcome VARCHAR, ' +
  'interactive BOOLEAN, token_uid VARCHAR, root_session_uid VARCHAR, grant_type VARCHAR, ' +
  `client_hint ${HINT}, app VARCHAR, agent ${AGENT}, headers ${HEADERS}, risk ${RISK})`;

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  {
    name: 'class_uid',
    type: 'INTEGER',
    doc: '3002 Authentication (sign-in, sign-out, token, other identity events), 4002 HTTP Activity (requests with method and path), 6003 API Activity (other requests)',
  },
  { name: 'class_name', type: 'VARCHAR', doc: '`Authentication`, `HTTP Activity`, `API Activity`' },
  { name: 'category_uid', type: 'INTEGER', doc: '3, 4 or 6' },
  {
    name: 'activity_id',
    type: 'INTEGER',
    doc: '3002: 1 Logon, 2 Logoff, 3 Authentication Ticket (token), 99 Other; 4002: the HTTP method (1 Connect ... 9 Patch, 99 Other); 6003: 0',
  },
  { name: 'type_uid', type: 'BIGINT', doc: '`class_uid * 100 + activity_id`' },
  { name: 'time', type: 'BIGINT', doc: 'epoch milliseconds, UTC' },
  { name: 'time_dt', type: 'TIMESTAMP', doc: 'the same time as a timestamp' },
  { name: 'status', type: 'VARCHAR', doc: '`Success`, `Failure`, `Unknown`' },
  { name: 'status_id', type: 'INTEGER', doc: '1, 2, 0' },
  { name: 'severity_id', type: 'INTEGER', doc: 'always 1 (Informational): the events are activity, not findings' },
  { name: 'logon_type_id', type: 'INTEGER', doc: 'sign-ins: 2 Interactive, 3 Network (not interactive), 0 Unknown' },
  {
    name: 'metadata',
    type: 'STRUCT(version VARCHAR, product STRUCT(name VARCHAR, vendor_name VARCHAR), log_name VARCHAR)',
    doc: '`version` 1.1.0; `product.name` the source product (Okta, Entra ID, ...); `log_name` the borrowscan input format',
  },
  {
    name: 'actor',
    type: 'STRUCT(user STRUCT(name VARCHAR), session STRUCT(uid VARCHAR, credential_uid VARCHAR), app_uid VARCHAR, app_name VARCHAR)',
    doc: '`user.name` the user as logged; `session.uid` the session id; `session.credential_uid` the token id (jti, uti); `app_uid` the OAuth client id; `app_name` the application the event is about',
  },
  { name: 'src_endpoint', type: 'STRUCT(ip VARCHAR)', doc: '`ip` the client address' },
  {
    name: 'http_request',
    type: 'STRUCT(http_method VARCHAR, url STRUCT(path VARCHAR), user_agent VARCHAR, http_headers STRUCT(name VARCHAR, value VARCHAR)[])',
    doc: 'method, path (never a query string), raw user agent, and the client-identifying headers as OCSF name/value pairs',
  },
  { name: 'http_response', type: 'STRUCT(code INTEGER)', doc: 'HTTP status' },
  { name: 'api', type: 'STRUCT(operation VARCHAR)', doc: '6003: the operation (`s3.amazonaws.com:GetObject`, a vendor event type)' },
  {
    name: 'borrowscan',
    type: BORROWSCAN_STRUCT,
    doc:
      'what OCSF has no place for: `format`, `file`, `line` (where the record came from), `time_ms` (the exact time: some logs have sub-millisecond times, `time` is whole milliseconds), `kind` (signin, signout, ' +
      'token, request, other), `action`, `outcome`, `interactive`, `token_uid`, `root_session_uid`, `grant_type`, ' +
      '`client_hint` (browser, os, app, where a log has no raw user agent), `app`, `agent` (kind: own, delegated, ' +
      'present, not-agent; name; on_behalf_of; proof), `headers` (signature_agent, web_bot_auth, platform_hint, ' +
      'stainless_lang, stainless_version, mcp_method, mcp_name, mcp_protocol_version, mcp_session_id) and `risk` ' +
      '(signal, detail) list',
  },
];

/** `{name: 'TYPE', ...}` for DuckDB's read_json `columns` parameter: every column typed, nothing inferred. */
export function duckdbColumnTypes(columns: readonly ExportColumn[] = EXPORT_COLUMNS): string {
  return `{${columns.map((c) => `${c.name}: '${c.type}'`).join(', ')}}`;
}
