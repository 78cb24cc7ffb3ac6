import { isIP } from 'node:net';
import type { NormalizedEvent, Outcome } from '../../model/event.js';
import { getLoose, isObject, jsonKind, quoteValue, text, type JsonObject } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { readIp } from '../common/values.js';
import { DEVICE, EXTENDED, O365, SIGNIN_OPERATIONS, TOKEN_ENDPOINT } from './fields.js';

export const O365_AUDIT_ID = 'o365-audit';

/** The value of a `{Name, Value}` entry in one of the record's name/value lists. */
function named(record: JsonObject, list: string, names: string | readonly string[]): string | undefined {
  const entries = getLoose(record, list);
  if (!Array.isArray(entries)) return undefined;
  const wanted = typeof names === 'string' ? [names] : names;
  for (const e of entries) if (isObject(e) && wanted.includes(e.Name as string)) return text(e.Value);
  return undefined;
}

/** ResultStatus: Succeeded, PartiallySucceeded or Failed; True or False for Exchange admin activity. */
function resultOf(record: JsonObject): Outcome {
  switch (text(getLoose(record, O365.resultStatus))?.toLowerCase()) {
    case 'succeeded':
    case 'success':
    case 'true':
      return 'success';
    case 'failed':
    case 'failure':
    case 'false':
      return 'failure';
    default:
      return 'unknown';
  }
}

/**
 * A sign-in's outcome is its operation: for STS logons ResultStatus says only that the HTTP request worked (see
 * the schema's note), which is why a failed logon can read `Success` there.
 */
function signInOf(operation: string): Outcome | undefined {
  if (operation === SIGNIN_OPERATIONS.success) return 'success';
  if (operation === SIGNIN_OPERATIONS.failure) return 'failure';
  return undefined;
}

function interactiveOf(record: JsonObject): boolean | undefined {
  const requestType = named(record, O365.extendedProperties, EXTENDED.requestType);
  return requestType === undefined ? undefined : requestType !== TOKEN_ENDPOINT;
}

function ipOf(record: JsonObject): string | undefined {
  for (const key of [O365.clientIp, O365.actorIp]) {
    const ip = readIp(getLoose(record, key));
    if (ip !== undefined && isIP(ip) !== 0) return ip;
  }
  return undefined;
}

function clientHintOf(record: JsonObject): NormalizedEvent['clientHint'] {
  const browser = named(record, O365.deviceProperties, DEVICE.browser);
  const os = named(record, O365.deviceProperties, DEVICE.os);
  return browser === undefined && os === undefined ? undefined : { browser, os };
}

export function mapO365Audit(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: `record is not a JSON object (${jsonKind(record)})` };
  const rawTime = getLoose(record, O365.creationTime);
  // CreationTime carries no zone; the schema gives it in UTC, which is how parseTime reads a time without one.
  const time = parseTime(rawTime);
  if (time === undefined)
    return { skip: `no readable time (${rawTime === undefined ? 'CreationTime missing' : `CreationTime: ${quoteValue(rawTime)}`})` };
  const operation = text(getLoose(record, O365.operation));
  if (operation === undefined) return { skip: 'not an Office 365 audit record (no Operation)' };
  const signIn = signInOf(operation);
  const userAgent = named(record, O365.extendedProperties, EXTENDED.userAgent) ?? text(getLoose(record, O365.userAgent));

  return {
    time,
    source: { file: ctx.file, line: ctx.line },
    format: O365_AUDIT_ID,
    kind: signIn ? 'signin' : 'other',
    action: operation,
    outcome: signIn ?? resultOf(record),
    user: text(getLoose(record, O365.userId)),
    sessionId: named(record, O365.deviceProperties, DEVICE.sessionId),
    clientId: text(getLoose(record, O365.applicationId)),
    ip: ipOf(record),
    userAgent,
    clientHint: userAgent === undefined ? clientHintOf(record) : undefined,
    interactive: signIn ? interactiveOf(record) : undefined,
  };
}
