/**
 * Keys of an API Gateway access log record, as data. The record is whatever JSON `$context` template
 * the API's owner wrote, so each field lists the names seen in AWS's documented templates and common
 * variants, most preferred first. A dotted name is tried as a flat key (`"authorizer.claims.sub"`) and
 * as nested objects; the first key is matched ignoring case.
 */

/** Where an authorizer's claims may be put: `$context.authorizer.claims.<name>` (REST, Cognito), `$context.authorizer.jwt.claims.<name>` (HTTP API), or a short key. */
const CLAIM_PREFIXES = ['authorizer.claims.', 'authorizer.jwt.claims.', 'claims.', ''];
const claim = (...names: string[]): string[] => names.flatMap((n) => CLAIM_PREFIXES.map((p) => p + n));

export const APIGW_FIELDS = {
  requestId: ['requestId'],
  /** `$context.requestTimeEpoch` (ms) is more precise than the CLF `$context.requestTime` (s). */
  time: ['requestTimeEpoch', 'requestTime'],
  method: ['httpMethod'],
  /** `$context.path` is the concrete path; `resourcePath` (REST) is the route template `/pets/{petId}`. */
  path: ['path', 'resourcePath'],
  /** HTTP APIs: `$context.routeKey`, `GET /pets/{id}` or `$default`. */
  routeKey: ['routeKey'],
  status: ['status'],
  ip: ['ip', 'sourceIp', 'identity.sourceIp'],
  userAgent: ['userAgent', 'identity.userAgent'],
  /** IAM caller first (`$context.identity.user` / `caller`, `-` without IAM auth), then authorizer principals. */
  user: [
    'user',
    'caller',
    'identity.user',
    'identity.caller',
    ...claim('email', 'username', 'cognito:username', 'preferred_username', 'upn'),
    'authorizer.principalId',
    'principalId',
    ...claim('sub'),
  ],
  sessionId: claim('sid'),
  tokenId: [...claim('jti'), 'apiKeyId', 'identity.apiKeyId'],
  /** Cognito `client_id`, OIDC `azp`, Okta `cid`, Entra v1 `appid`. */
  clientId: claim('client_id', 'azp', 'cid', 'appid'),
} as const;

/** Detection: these keys together make a record an API Gateway access log record. */
export const REQUIRED_KEYS = ['requestId', 'httpMethod'] as const;
export const TIME_KEYS = ['requestTime', 'requestTimeEpoch'] as const;

/**
 * Where a template may put what a Lambda authorizer returned in its `context` (`$context.authorizer.<key>`): a REQUEST
 * authorizer sees the request's headers and can hand `signature_agent`, `mcp_name` and the like on to the access log.
 */
export const HEADER_CONTEXTS: readonly string[] = ['authorizer'];
