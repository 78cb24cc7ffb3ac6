/**
 * Where access logs keep each request field, as data: the mapping logic lives in resolve.ts.
 *
 * `paths` are OpenTelemetry / Elastic Common Schema names. Each is looked up as a flat dotted key
 * (`{"url.path": ...}`), as nested objects (`{"url": {"path": ...}}`) or any mix of the two, at the top
 * of the record and then under an OpenTelemetry log record's `attributes`.
 *
 * `names` are plain column or key names, matched on top-level keys ignoring case, `_`, `-` and spaces:
 * `user_agent` also matches `User-Agent`, `userAgent` and `User Agent`. They are tried after every path.
 *
 * Within each list, the first name that holds a usable value wins.
 */

export type FieldName =
  | 'time'
  | 'method'
  | 'path'
  | 'route'
  | 'requestLine'
  | 'status'
  | 'ip'
  | 'userAgent'
  | 'user'
  | 'sessionId'
  | 'tokenId'
  | 'clientId';

export interface FieldConvention {
  paths: readonly string[];
  names: readonly string[];
}

export const CONVENTIONS: Readonly<Record<FieldName, FieldConvention>> = {
  time: {
    // OTel log records: timeUnixNano is 0 or absent when unknown; observedTimeUnixNano is when the collector saw it.
    paths: ['@timestamp', 'timestamp', 'timeUnixNano', 'time_unix_nano', 'observedTimeUnixNano', 'event.created'],
    // time_local / time_iso8601: nginx; requestTime: AWS API Gateway; StartUTC: Traefik; start_time: Envoy.
    names: [
      'timestamp',
      'time',
      'ts',
      'datetime',
      'date',
      'event_time',
      'time_iso8601',
      'time_local',
      'requestTime',
      'StartUTC',
      'start_time',
    ],
  },
  method: {
    // OTel writes `_OTHER` for methods it does not know and keeps the original in method_original.
    paths: ['http.request.method', 'http.request.method_original', 'http.method'],
    names: ['method', 'http_method', 'request_method', 'verb', 'cs-method'],
  },
  path: {
    // Concrete paths first; full URLs (url.full, url.original, http.url) give their path only.
    paths: ['url.path', 'http.target', 'url.original', 'url.full', 'http.url'],
    names: ['path', 'uri', 'url', 'request_uri', 'request_path', 'uri_path', 'cs-uri-stem', 'request_url'],
  },
  route: {
    // Route templates (`/pets/{petId}`): used only when no concrete path is logged.
    paths: ['http.route'],
    names: ['route', 'resourcePath'],
  },
  requestLine: {
    // `GET /path HTTP/1.1`, as nginx and Apache log `$request`.
    paths: [],
    names: ['request', 'request_line'],
  },
  status: {
    paths: ['http.response.status_code', 'http.status_code'],
    names: ['status', 'status_code', 'response_code', 'http_status', 'response_status', 'DownstreamStatus', 'sc-status'],
  },
  ip: {
    // client.address is the original client (after proxies); net.peer.ip the socket peer.
    paths: ['client.address', 'client.ip', 'http.client_ip', 'source.address', 'source.ip', 'net.peer.ip'],
    names: ['ip', 'client_ip', 'clientip', 'remote_addr', 'remote_ip', 'src_ip', 'source_ip', 'ip_address', 'ClientHost', 'c-ip'],
  },
  userAgent: {
    paths: ['user_agent.original', 'http.user_agent', 'http.request.header.user-agent'],
    names: ['user_agent', 'http_user_agent', 'request_User-Agent', 'cs(User-Agent)'],
  },
  user: {
    paths: ['enduser.id', 'user.email', 'user.name', 'user.id'],
    names: ['user', 'username', 'user_id', 'remote_user', 'email', 'user_email', 'login', 'ClientUsername'],
  },
  sessionId: {
    // session.id is OTel; ECS has no session field, but apps that log ECS often add it.
    paths: ['session.id'],
    names: ['session_id', 'sid', 'session'],
  },
  tokenId: {
    paths: [],
    names: ['jti', 'token_id', 'uti'],
  },
  clientId: {
    paths: [],
    names: ['client_id', 'azp', 'app_id'],
  },
};

/** Fields that make a record an HTTP request, for detection. */
export const REQUEST_FIELDS: readonly FieldName[] = ['method', 'path', 'status', 'userAgent'];

/** Key under which OpenTelemetry log records keep their attributes. */
export const ATTRIBUTES_KEY = 'attributes';

/** How plain names compare: lower case, without `_`, `-` and spaces. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Every name accepted for a field, for documentation. */
export function acceptedNames(field: FieldName): string[] {
  const c = CONVENTIONS[field];
  return [...new Set([...c.paths, ...c.names])];
}
