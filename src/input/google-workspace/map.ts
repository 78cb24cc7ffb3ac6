import type { EventKind, NormalizedEvent, Outcome } from '../../model/event.js';
import { getPath, isObject, jsonKind, quoteValue, text, type JsonObject } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { eventsOf, parameterText, pickEvent } from './activity.js';
import {
  ACTIVITY,
  CHALLENGE_FAILED,
  CHALLENGE_PASSED,
  EVENT,
  FAILURE_EVENTS,
  KIND_BY_EVENT,
  NON_INTERACTIVE_LOGIN_TYPES,
  PARAMETER,
  SUCCESS_EVENTS,
  TOKEN_APPLICATION,
} from './fields.js';

export const GOOGLE_WORKSPACE_ID = 'google-workspace';

function kindOf(application: string | undefined, name: string): EventKind {
  return (application !== undefined ? KIND_BY_EVENT[application]?.[name] : undefined) ?? 'other';
}

function outcomeOf(name: string, event: JsonObject): Outcome {
  if (SUCCESS_EVENTS.has(name)) return 'success';
  if (FAILURE_EVENTS.has(name)) return 'failure';
  const challenge = parameterText(event, PARAMETER.challengeStatus);
  if (challenge !== undefined && CHALLENGE_PASSED.test(challenge)) return 'success';
  if (challenge !== undefined && CHALLENGE_FAILED.test(challenge)) return 'failure';
  return 'unknown';
}

function interactiveOf(event: JsonObject): boolean {
  const loginType = parameterText(event, PARAMETER.loginType)?.toLowerCase();
  return loginType === undefined || !NON_INTERACTIVE_LOGIN_TYPES.has(loginType);
}

function timeOf(activity: JsonObject): number | { skip: string } {
  const raw = getPath(activity, ACTIVITY.time);
  const time = parseTime(raw);
  if (time !== undefined) return time;
  return { skip: `no readable time (${raw === undefined ? 'id.time missing' : `id.time: ${quoteValue(raw)}`})` };
}

export function mapGoogleWorkspace(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: `record is not a JSON object (${jsonKind(record)})` };
  const time = timeOf(record);
  if (typeof time !== 'number') return time;
  const events = eventsOf(record);
  if (!Array.isArray(events)) return events;
  const event = pickEvent(events);
  const name = text(event[EVENT.name]) ?? text(event[EVENT.type]);
  if (name === undefined) return { skip: 'activity event has no name or type' };

  const application = text(getPath(record, ACTIVITY.application))?.toLowerCase();
  const kind = kindOf(application, name);
  const isToken = application === TOKEN_APPLICATION;
  const appName = isToken ? parameterText(event, PARAMETER.appName) : undefined;
  const hint: NormalizedEvent['clientHint'] = appName !== undefined ? { app: appName } : undefined;

  return {
    time,
    source: { file: ctx.file, line: ctx.line },
    format: GOOGLE_WORKSPACE_ID,
    kind,
    action: name,
    outcome: outcomeOf(name, event),
    user: text(getPath(record, ACTIVITY.user)),
    clientId: isToken ? parameterText(event, PARAMETER.clientId) : undefined,
    ip: text(getPath(record, ACTIVITY.ip)),
    userAgent: parameterText(event, PARAMETER.userAgent),
    clientHint: hint,
    interactive: kind === 'signin' ? interactiveOf(event) : undefined,
  };
}
