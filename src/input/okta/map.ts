import type { EventKind, NormalizedEvent, Outcome } from '../../model/event.js';
import { getLoosePath, isObject, jsonKind, quoteValue, text } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { OAUTH_PREFIX, OKTA_FIELDS as F, REDACTED, SESSION_END, SESSION_START, TOKEN_GRANT } from './fields.js';
import { agentOf } from './agent.js';
import { riskOf, riskSessionOf } from './risk.js';

export const OKTA_ID = 'okta';

/** Actor types of OAuth clients and app instances (`PublicClientApp`, `AppInstance`), as opposed to people or IPs. */
const APP_ACTOR = /app|client/i;

function field(record: unknown, path: string): string | undefined {
  const value = text(getLoosePath(record, path));
  return value === undefined || (value.length === REDACTED.length && value.toLowerCase() === REDACTED) ? undefined : value;
}

function kindOf(eventType: string): EventKind {
  if (eventType === SESSION_START) return 'signin';
  if (eventType === SESSION_END) return 'signout';
  if (eventType.startsWith(OAUTH_PREFIX) && eventType.includes(TOKEN_GRANT)) return 'token';
  return 'other';
}

function outcomeOf(result: string | undefined): Outcome {
  // Okta writes these upper-case; only other spellings pay for toUpperCase.
  if (result === 'SUCCESS' || result === 'ALLOW') return 'success';
  if (result === 'FAILURE' || result === 'DENY') return 'failure';
  switch (result?.toUpperCase()) {
    case 'SUCCESS':
    case 'ALLOW':
      return 'success';
    case 'FAILURE':
    case 'DENY':
      return 'failure';
    default:
      return 'unknown';
  }
}

function firstChainIp(chain: unknown): string | undefined {
  if (!Array.isArray(chain)) return undefined;
  for (const hop of chain) {
    const ip = field(hop, 'ip');
    if (ip !== undefined) return ip;
  }
  return undefined;
}

/** The application an event is about: its `AppInstance` target's display name (SSO into Salesforce, ...). */
function appOf(target: unknown): string | undefined {
  if (!Array.isArray(target)) return undefined;
  for (const t of target) {
    if (isObject(t) && t.type === 'AppInstance') return text(t.displayName);
  }
  return undefined;
}

function clientHintOf(record: unknown): NormalizedEvent['clientHint'] {
  const browser = field(record, F.browser);
  const os = field(record, F.os);
  if (browser === undefined && os === undefined) return undefined;
  return { browser, os };
}

export function mapOkta(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: `record is not a JSON object (${jsonKind(record)})` };
  const published = getLoosePath(record, F.published);
  const time = parseTime(published);
  if (time === undefined) {
    const shown = published === undefined ? 'published missing' : `published: ${quoteValue(published)}`;
    return { skip: `no readable time (${shown})` };
  }
  const eventType = field(record, F.eventType);
  if (eventType === undefined) return { skip: 'not an Okta event (no eventType)' };

  const kind = kindOf(eventType);
  const actorType = field(record, F.actorType) ?? '';
  const isUser = actorType.toLowerCase() === 'user';
  const appActorId = !isUser && APP_ACTOR.test(actorType) ? field(record, F.actorId) : undefined;
  const rawClientId = getLoosePath(record, F.clientId);
  const sessionId = field(record, F.sessionId) ?? riskSessionOf(record, eventType);
  const rootSessionId = field(record, F.rootSessionId);
  const userAgent = field(record, F.userAgent);
  const clientId = (typeof rawClientId === 'string' ? text(rawClientId) : undefined) ?? appActorId;

  const event: NormalizedEvent = {
    time,
    source: { file: ctx.file, line: ctx.line },
    format: OKTA_ID,
    kind,
    action: eventType,
    outcome: outcomeOf(field(record, F.result)),
    user: isUser ? field(record, F.actorLogin) : undefined,
    sessionId,
    rootSessionId: rootSessionId !== sessionId ? rootSessionId : undefined,
    tokenId: field(record, F.tokenId),
    clientId,
    grantType: field(record, F.grantType),
    ip: field(record, F.ip) ?? firstChainIp(getLoosePath(record, F.ipChain)),
    userAgent,
    clientHint: userAgent === undefined ? clientHintOf(record) : undefined,
    interactive: kind === 'signin' ? true : undefined,
    app: appOf(getLoosePath(record, F.target)),
  };
  const agent = agentOf(record, eventType, clientId, rootSessionId !== undefined && rootSessionId !== sessionId);
  if (agent) event.agent = agent;
  const risk = riskOf(record, eventType);
  if (risk) event.risk = risk;
  return event;
}
