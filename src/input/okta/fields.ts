/**
 * Where each part of the event model lives in an Okta System Log LogEvent.
 * The first segment is a top-level key, which a SIEM may have lowercased; deeper segments keep their case.
 */
export const OKTA_FIELDS = {
  eventType: 'eventType',
  published: 'published',
  uuid: 'uuid',
  actor: 'actor',
  actorType: 'actor.type',
  actorId: 'actor.id',
  actorLogin: 'actor.alternateId',
  result: 'outcome.result',
  sessionId: 'authenticationContext.externalSessionId',
  rootSessionId: 'authenticationContext.rootSessionId',
  grantType: 'debugContext.debugData.grantType',
  /** Array of targets; an `AppInstance` target names the application the event is about. */
  target: 'target',
  tokenId: 'transaction.detail.requestApiTokenId',
  clientId: 'client.id',
  ip: 'client.ipAddress',
  ipChain: 'request.ipChain',
  userAgent: 'client.userAgent.rawUserAgent',
  browser: 'client.userAgent.browser',
  os: 'client.userAgent.os',
} as const;

export const SESSION_START = 'user.session.start';
export const SESSION_END = 'user.session.end';
export const OAUTH_PREFIX = 'app.oauth2.';
export const TOKEN_GRANT = 'token.grant';

/** Okta's placeholder for values withheld from the log. */
export const REDACTED = 'redacted';
