import { CLIENT_HEADERS, flatHeaderName, type HeaderField } from '../common/client-headers.js';

/**
 * What each nginx variable gives the event, as data; map.ts holds the logic.
 * Variables not listed (`$body_bytes_sent`, `$http_referer`, `$request_id`, ...) are matched and ignored.
 */
export type Target =
  | 'ip'
  | 'forwardedFor'
  | 'user'
  | 'time'
  | 'request'
  | 'method'
  | 'path'
  | 'status'
  | 'userAgent'
  | 'authorization'
  | 'mcpSession';

export const VARIABLES: Readonly<Record<string, Target>> = {
  remote_addr: 'ip',
  http_x_forwarded_for: 'forwardedFor',
  proxy_add_x_forwarded_for: 'forwardedFor',
  remote_user: 'user',
  time_local: 'time',
  time_iso8601: 'time',
  msec: 'time',
  request: 'request',
  request_method: 'method',
  request_uri: 'path',
  uri: 'path',
  document_uri: 'path',
  status: 'status',
  http_user_agent: 'userAgent',
  http_authorization: 'authorization',
  // An MCP session is also read as a header below; as the session it stands in only where no session cookie is logged.
  http_mcp_session_id: 'mcpSession',
};

/** `$http_<name>` of each client header (common/client-headers.ts): `$http_signature_agent`, `$http_mcp_name`, ... */
export const HEADER_VARIABLES: Readonly<Record<string, HeaderField>> = Object.fromEntries(
  CLIENT_HEADERS.map(({ header, field }) => [`http_${flatHeaderName(header)}`, field]),
);

/** `$cookie_<name>`: a cookie's value. */
export const COOKIE_PREFIX = 'cookie_';

/**
 * Cookies taken as the session id when no list is given: `sid`, `session`, `sessionid`, `session_id`,
 * `jsessionid`, `phpsessid`, and names ending in `_session`, `_sessionid`, `_session_id` or `_sid`
 * (`laravel_session`, `_myapp_session`), ignoring case.
 */
export const SESSION_COOKIE = /^(?:sid|session|sessionid|session_id|jsessionid|phpsessid)$|_(?:session|sessionid|session_id|sid)$/i;

/**
 * Values whose shape is fixed and holds the text that follows it in common formats: `$time_local` has a
 * space, so `$time_local $status` could not be split at the first space.
 */
export const SHAPES: Readonly<Record<string, string>> = {
  time_local: String.raw`\d{1,2}/[A-Za-z]{3}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}`,
};
