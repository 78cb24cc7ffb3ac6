import { loosePathReaders } from '../fields.js';

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
  debugData: 'debugContext.debugData',
  actorDisplayName: 'actor.displayName',
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

/** A reader of each of OKTA_FIELDS, as `getLoosePath` reads it. */
export const OKTA_READERS = loosePathReaders(OKTA_FIELDS);

export const SESSION_START = 'user.session.start';
export const SESSION_END = 'user.session.end';
export const OAUTH_PREFIX = 'app.oauth2.';
export const TOKEN_GRANT = 'token.grant';

/** Okta's placeholder for values withheld from the log. */
export const REDACTED = 'redacted';

/** RFC 8693's grant type, as Okta logs it in `debugData.grantType` for a token exchange. */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';

/** Cross App Access: an agent or app obtains an Identity Assertion JWT Authorization Grant for a user. */
export const ID_JAG_GRANT = /^app\.oauth2\.(?:as\.)?token\.grant\.id_jag$/;

/** Okta for AI Agents' own events (an agent's lifecycle, credentials, delegation links). */
export const WORKLOAD_PRINCIPAL_PREFIX = 'workload_principal.';

/** An actor type that names an AI agent or a workload principal (`AI Agent` in Okta's published examples). */
export const AGENT_ACTOR_TYPE = /\bai[\s_-]?agent\b|\bworkload[\s_-]?principal\b/i;

/** Identity Threat Protection events that say a session may be in other hands. */
export const RISK_EVENTS: ReadonlySet<string> = new Set([
  'user.session.context.change',
  'user.risk.detect',
  'security.session.detect_client_roaming',
]);
