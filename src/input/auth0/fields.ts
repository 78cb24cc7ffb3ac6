/**
 * Where each part of the event model lives in an Auth0 log object (as returned by `GET /api/v2/logs`,
 * or under `data` in a Log Streams delivery). Nested paths are also read in Sentinel's flattened form,
 * dots replaced by `_` (`details_request_auth_credentials_jti`).
 */
export const LOG = {
  type: 'type',
  date: 'date',
  userName: 'user_name',
  userId: 'user_id',
  authUserEmail: 'details.request.auth.user.email',
  sessionId: 'details.session_id',
  sid: 'sid',
  tokenId: 'details.request.auth.credentials.jti',
  clientId: 'client_id',
  ip: 'ip',
  requestIp: 'details.request.ip',
  rawUserAgent: 'details.request.userAgent',
  /** Auth0's parsed summary, `Chrome 100.0.4896 / Mac OS X 10.15.7`. */
  userAgentSummary: 'user_agent',
  method: 'details.request.method',
  path: 'details.request.path',
  status: 'details.response.statusCode',
  /** Auth0 for AI Agents: the agent acting as principal, and the customer's own id for it. */
  agentId: 'agent_id',
  externalAgentId: 'external_agent_id',
  /** RFC 8693 actor of an exchange (nested `act` is the chain); for `sdeleacft`, the user who delegates. */
  actorSub: 'details.actor.sub',
  clientName: 'client_name',
  /** The jti of the access token an exchange issued: what an API log records when the token is used. */
  issuedTokenJti: 'details.access_token_jti',
} as const;

/** Envelopes around a log object: Log Streams (`{log_id, data}`) and EventBridge (`{detail: {data}}`). */
export const ENVELOPES: readonly string[] = ['data', 'detail.data'];

/** Keys of a log object besides `type` and `date`; detection wants two of them. */
export const LOG_MARKERS: readonly string[] = [
  'log_id',
  '_id',
  'client_id',
  'client_name',
  'user_id',
  'user_name',
  'connection_id',
  'hostname',
  'description',
  'details',
];

/** Auth0's word for an OS or browser it could not name. */
export const UNNAMED_CLIENT = /^other(?:\s+0(?:\.0)*)?$/i;
