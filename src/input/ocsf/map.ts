import type { NormalizedEvent, Outcome } from '../../model/event.js';
import { bool, firstText, getPath, integer, isObject, jsonKind, quoteValue, text, type JsonObject } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { clientOf, CONSOLE_SESSION_SUFFIX, ipOf, isBrowser, type ClientFields } from '../common/aws-caller.js';
import { readMethod } from '../common/values.js';
import {
  AUTH_ACTIVITY,
  CLOUDTRAIL_PRODUCT,
  CONSOLE_CREDENTIAL_KEY,
  NON_INTERACTIVE_LOGON_TYPES,
  OCSF_CLASS,
  OCSF_FIELDS as F,
  STATUS_ID,
} from './fields.js';

import { agentOf } from './agent.js';

export const OCSF_ID = 'ocsf';

const READ_CLASSES: ReadonlySet<number> = new Set(Object.values(OCSF_CLASS));
const USER_PATHS = [F.actorUserName, F.actorUserEmail, F.actorUserUid, F.userName, F.userEmail, F.userUid];

/** What the event class decides: what kind of event it is and what it is called. */
type Shape = Pick<NormalizedEvent, 'kind' | 'action'> & Partial<Pick<NormalizedEvent, 'interactive' | 'method' | 'path' | 'status'>>;

function field(record: JsonObject, path: string): string | undefined {
  return text(getPath(record, path));
}

function httpStatus(record: JsonObject): number | undefined {
  const code = integer(getPath(record, F.httpStatus));
  return code !== undefined && code >= 100 && code <= 599 ? code : undefined;
}

function outcomeOf(record: JsonObject, status: number | undefined): Outcome {
  const id = integer(getPath(record, F.statusId));
  if (id === STATUS_ID.success) return 'success';
  if (id === STATUS_ID.failure) return 'failure';
  const word = field(record, F.status)?.toLowerCase();
  if (word === 'success') return 'success';
  if (word === 'failure') return 'failure';
  if (status !== undefined) return status < 400 ? 'success' : 'failure';
  return 'unknown';
}

/** A logon is a person's unless its logon type says no person was there. */
function interactiveLogon(record: JsonObject): boolean {
  const type = integer(getPath(record, F.logonTypeId));
  return type === undefined || !NON_INTERACTIVE_LOGON_TYPES.has(type);
}

function authenticationShape(record: JsonObject): Shape {
  const action = field(record, F.apiOperation) ?? field(record, F.typeName) ?? 'Authentication';
  const activity = integer(getPath(record, F.activityId));
  if (activity === AUTH_ACTIVITY.logoff) return { kind: 'signout', action };
  if (activity !== undefined && (AUTH_ACTIVITY.tickets as readonly number[]).includes(activity)) return { kind: 'token', action };
  if (activity === undefined || activity === AUTH_ACTIVITY.logon) return { kind: 'signin', action, interactive: interactiveLogon(record) };
  return { kind: 'other', action };
}

/** Security Lake keeps the CloudTrail fields OCSF has no place for, `sessionCredentialFromConsole` among them, in `unmapped`. */
function fromConsoleCredential(record: JsonObject): boolean {
  const unmapped = getPath(record, F.unmapped);
  return isObject(unmapped) && bool(unmapped[CONSOLE_CREDENTIAL_KEY]) === true;
}

function apiShape(record: JsonObject, fromAws: boolean, client: ClientFields): Shape {
  const action = field(record, F.apiOperation) ?? field(record, F.typeName) ?? 'API Activity';
  const status = httpStatus(record);
  if (fromAws && fromConsoleCredential(record) && isBrowser(client.userAgent)) {
    // As in CloudTrail: a browser's call with console session credentials is where that session shows.
    return { kind: 'signin', action: action + CONSOLE_SESSION_SUFFIX, interactive: true, status };
  }
  return { kind: 'request', action, status };
}

function httpShape(record: JsonObject): Shape {
  // An HTTP method is a token (readMethod): anything else in the field is no method, never part of the action.
  const method = readMethod(getPath(record, F.httpMethod));
  const path = field(record, F.urlPath)?.split(/[?#]/)[0];
  return { kind: 'request', action: `${method ?? '-'} ${path || '-'}`, method, path: path || undefined, status: httpStatus(record) };
}

function shown(name: string, value: unknown): string {
  return value === undefined ? `${name} missing` : `${name}: ${quoteValue(value)}`;
}

/**
 * The actor's session, else the session an Authentication event keeps at the top (so a logon and the HTTP Activity
 * of its session join); access keys are AWS's session handle, used when an AWS-sourced event has neither.
 */
function sessionOf(record: JsonObject, fromAws: boolean): string | undefined {
  const uid = field(record, F.sessionUid) ?? field(record, F.eventSessionUid);
  if (uid !== undefined || !fromAws) return uid;
  return field(record, F.sessionCredentialUid) ?? field(record, F.userCredentialUid);
}

export function mapOcsf(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: `record is not a JSON object (${jsonKind(record)})` };
  const rawClass = getPath(record, F.classUid);
  const classUid = integer(rawClass);
  if (classUid === undefined) return { skip: `not an OCSF event (${shown('class_uid', rawClass)})` };
  if (!READ_CLASSES.has(classUid)) {
    return { skip: `OCSF class ${classUid} (${field(record, F.className) ?? 'no class_name'}) is not read` };
  }
  const rawTime = getPath(record, F.time);
  const rawTimeDt = getPath(record, F.timeDt);
  const time = parseTime(rawTime) ?? parseTime(rawTimeDt);
  if (time === undefined) return { skip: `no readable time (${shown('time', rawTime)}, ${shown('time_dt', rawTimeDt)})` };

  const fromAws = field(record, F.productName)?.toLowerCase() === CLOUDTRAIL_PRODUCT;
  const rawUserAgent = field(record, F.userAgent);
  const client: ClientFields = fromAws ? clientOf(rawUserAgent, undefined) : { userAgent: rawUserAgent };
  const shape =
    classUid === OCSF_CLASS.authentication
      ? authenticationShape(record)
      : classUid === OCSF_CLASS.apiActivity
        ? apiShape(record, fromAws, client)
        : httpShape(record);

  const user = firstText(record, USER_PATHS);
  const event: NormalizedEvent = {
    time,
    source: { file: ctx.file, line: ctx.line },
    format: OCSF_ID,
    kind: shape.kind,
    action: shape.action,
    outcome: outcomeOf(record, shape.status),
    user,
    sessionId: sessionOf(record, fromAws),
    clientId: field(record, F.appUid),
    ip: ipOf(field(record, F.ip)),
    userAgent: client.userAgent,
    clientHint: client.clientHint,
    interactive: shape.interactive,
    method: shape.method,
    path: shape.path,
    status: shape.status,
  };
  const agent = agentOf(record, user);
  if (agent) event.agent = agent;
  return event;
}
