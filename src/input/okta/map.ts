import type { EventKind, NormalizedEvent, Outcome } from '../../model/event.js';
import { isObject, jsonKind, loosePathReaders, quoteValue, text } from '../fields.js';
import type { PathReader } from '../path-reader.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { OAUTH_PREFIX, OKTA_READERS as R, REDACTED, SESSION_END, SESSION_START, TOKEN_GRANT } from './fields.js';
import { agentOf } from './agent.js';
import { riskOf, riskSessionOf } from './risk.js';

export const OKTA_ID = 'okta';

/** Actor types of OAuth clients and app instances (`PublicClientApp`, `AppInstance`), as opposed to people or IPs. */
const APP_ACTOR = /app|client/i;

function field(record: unknown, read: PathReader): string | undefined {
  const value = text(read(record));
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

const HOP = loosePathReaders({ ip: 'ip' });

function firstChainIp(chain: unknown): string | undefined {
  if (!Array.isArray(chain)) return undefined;
  for (const hop of chain) {
    const ip = field(hop, HOP.ip);
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
  const browser = field(record, R.browser);
  const os = field(record, R.os);
  if (browser === undefined && os === undefined) return undefined;
  return { browser, os };
}

export function mapOkta(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: `record is not a JSON object (${jsonKind(record)})` };
  const published = R.published(record);
  const time = parseTime(published);
  if (time === undefined) {
    const shown = published === undefined ? 'published missing' : `published: ${quoteValue(published)}`;
    return { skip: `no readable time (${shown})` };
  }
  const eventType = field(record, R.eventType);
  if (eventType === undefined) return { skip: 'not an Okta event (no eventType)' };

  const kind = kindOf(eventType);
  const actorType = field(record, R.actorType) ?? '';
  const isUser = actorType.toLowerCase() === 'user';
  const appActorId = !isUser && APP_ACTOR.test(actorType) ? field(record, R.actorId) : undefined;
  const rawClientId = R.clientId(record);
  const sessionId = field(record, R.sessionId) ?? riskSessionOf(record, eventType);
  const rootSessionId = field(record, R.rootSessionId);
  const userAgent = field(record, R.userAgent);
  const clientId = (typeof rawClientId === 'string' ? text(rawClientId) : undefined) ?? appActorId;

  const event: NormalizedEvent = {
    time,
    source: { file: ctx.file, line: ctx.line },
    format: OKTA_ID,
    kind,
    action: eventType,
    outcome: outcomeOf(field(record, R.result)),
    user: isUser ? field(record, R.actorLogin) : undefined,
    sessionId,
    rootSessionId: rootSessionId !== sessionId ? rootSessionId : undefined,
    tokenId: field(record, R.tokenId),
    clientId,
    grantType: field(record, R.grantType),
    ip: field(record, R.ip) ?? firstChainIp(R.ipChain(record)),
    userAgent,
    clientHint: userAgent === undefined ? clientHintOf(record) : undefined,
    interactive: kind === 'signin' ? true : undefined,
    app: appOf(R.target(record)),
  };
  const agent = agentOf(record, eventType, clientId, rootSessionId !== undefined && rootSessionId !== sessionId);
  if (agent) event.agent = agent;
  const risk = riskOf(record, eventType);
  if (risk) event.risk = risk;
  return event;
}
