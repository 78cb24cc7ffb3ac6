import type { NormalizedEvent, Outcome } from '../../model/event.js';
import { bool, getLoosePath, getPath, integer, isObject, jsonKind, quoteValue, text, type JsonObject } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { ENVELOPE, signInCategory, type SignInCategory } from '../common/entra-diagnostic.js';
import { GRAPH_ACTION, SIGNIN } from './fields.js';
import { agentOf, riskOf } from './agent.js';

export const ENTRA_SIGNIN_ID = 'entra-signin';

/** A sign-in as found in a file: its fields, and the envelope around them when it came through diagnostic settings. */
interface SignInRecord {
  body: JsonObject;
  envelope?: JsonObject;
  category?: SignInCategory;
}

function locate(record: JsonObject): SignInRecord | { skip: string } {
  const categoryValue = getLoosePath(record, ENVELOPE.category);
  if (categoryValue !== undefined) {
    const name = text(categoryValue);
    const category = name === undefined ? undefined : signInCategory(name);
    if (!category) return { skip: `not a sign-in record (category ${name ?? quoteValue(categoryValue)})` };
    const properties = getLoosePath(record, ENVELOPE.properties);
    if (!isObject(properties)) return { skip: `sign-in record without a properties object (${jsonKind(properties)})` };
    return { body: properties, envelope: record, category };
  }
  if (getPath(record, SIGNIN.createdDateTime) === undefined) {
    return { skip: 'not a sign-in record (no category and no createdDateTime)' };
  }
  return { body: record };
}

function shown(name: string, value: unknown): string {
  return value === undefined ? `${name} missing` : `${name}: ${quoteValue(value)}`;
}

function timeOf(found: SignInRecord): number | { skip: string } {
  const created = getPath(found.body, SIGNIN.createdDateTime);
  const envelopeTime = found.envelope ? getLoosePath(found.envelope, ENVELOPE.time) : undefined;
  const time = parseTime(created) ?? parseTime(envelopeTime);
  if (time !== undefined) return time;
  const tried = [shown('createdDateTime', created)];
  if (found.envelope) tried.push(shown('time', envelopeTime));
  return { skip: `no readable time (${tried.join(', ')})` };
}

function outcomeOf(found: SignInRecord): Outcome {
  const errorCode = integer(getPath(found.body, SIGNIN.errorCode));
  if (errorCode !== undefined) return errorCode === 0 ? 'success' : 'failure';
  if (!found.envelope) return 'unknown';
  const resultType = getLoosePath(found.envelope, ENVELOPE.resultType);
  const code = integer(resultType);
  if (code !== undefined) return code === 0 ? 'success' : 'failure';
  switch (text(resultType)?.toLowerCase()) {
    case 'success':
      return 'success';
    case 'failure':
      return 'failure';
    default:
      return 'unknown';
  }
}

function interactiveOf(found: SignInRecord): boolean | undefined {
  const flag = bool(getPath(found.body, SIGNIN.isInteractive));
  // An explicit isInteractive: false overrides an interactive category (seen in exported samples).
  if (found.category) return found.category.interactive && flag !== false;
  if (flag !== undefined) return flag;
  const types = getPath(found.body, SIGNIN.signInEventTypes);
  if (!Array.isArray(types)) return undefined;
  if (types.includes('interactiveUser')) return true;
  if (types.includes('nonInteractiveUser')) return false;
  return undefined;
}

function userOf(found: SignInRecord): string | undefined {
  const person = text(getPath(found.body, SIGNIN.userPrincipalName));
  const principal = text(getPath(found.body, SIGNIN.servicePrincipalName)) ?? text(getPath(found.body, SIGNIN.servicePrincipalId));
  return found.category?.servicePrincipal ? (principal ?? person) : (person ?? principal);
}

function clientHintOf(body: JsonObject): NormalizedEvent['clientHint'] {
  const browser = text(getPath(body, SIGNIN.browser));
  const os = text(getPath(body, SIGNIN.os));
  const app = text(getPath(body, SIGNIN.appDisplayName));
  if (browser === undefined && os === undefined && app === undefined) return undefined;
  return { browser, os, app };
}

export function mapEntraSignin(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: `record is not a JSON object (${jsonKind(record)})` };
  const found = locate(record);
  if ('skip' in found) return found;
  const time = timeOf(found);
  if (typeof time !== 'number') return time;
  const body = found.body;
  const user = userOf(found);

  const event: NormalizedEvent = {
    time,
    source: { file: ctx.file, line: ctx.line },
    format: ENTRA_SIGNIN_ID,
    kind: 'signin',
    action: found.category?.name ?? GRAPH_ACTION,
    outcome: outcomeOf(found),
    user,
    sessionId: text(getPath(body, SIGNIN.sessionId)),
    tokenId: text(getPath(body, SIGNIN.tokenId)),
    clientId: text(getPath(body, SIGNIN.appId)),
    grantType: text(getPath(body, SIGNIN.authenticationProtocol)),
    ip:
      text(getPath(body, SIGNIN.ipAddress)) ?? (found.envelope ? text(getLoosePath(found.envelope, ENVELOPE.callerIpAddress)) : undefined),
    userAgent: text(getPath(body, SIGNIN.userAgent)),
    clientHint: clientHintOf(body),
    interactive: interactiveOf(found),
    app: text(getPath(body, SIGNIN.appDisplayName)),
  };
  const agent = agentOf(body, found.envelope ? `${ENVELOPE.properties}.` : '', user);
  if (agent) event.agent = agent;
  const risk = riskOf(body);
  if (risk) event.risk = risk;
  return event;
}
