import type { EventKind, NormalizedEvent, Outcome } from '../../model/event.js';
import { bool, getPath, isObject, jsonKind, quoteValue, type JsonObject } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { clientOf, CONSOLE_SESSION_SUFFIX, ipOf, isBrowser } from '../common/aws-caller.js';
import { CLOUDTRAIL_FIELDS as F, CONSOLE_LOGIN, CREDENTIAL_ISSUERS, EVENT_TYPE } from './fields.js';
import { userOf } from './identity.js';
import { value } from './values.js';
import { AGENTCORE_SOURCE, agentCoreAgent, agentCoreHeaders, WORKLOAD_TOKENS } from './agentcore.js';

export const CLOUDTRAIL_ID = 'cloudtrail';

/** Fields that depend on what the call was: how it starts, uses or hands off a session. */
type Shape = Pick<NormalizedEvent, 'kind' | 'action' | 'sessionId'> &
  Partial<Pick<NormalizedEvent, 'rootSessionId' | 'grantType' | 'interactive' | 'outcome'>>;

function outcomeOf(record: JsonObject): Outcome {
  return value(record, F.errorCode) === undefined ? 'success' : 'failure';
}

/** ConsoleLogin says how it went in `responseElements.ConsoleLogin`; a failure may carry only `errorMessage`. */
function consoleLoginOutcome(record: JsonObject): Outcome {
  switch (value(record, F.consoleLoginResult)?.toLowerCase()) {
    case 'success':
      return 'success';
    case 'failure':
      return 'failure';
    default:
      return outcomeOf(record);
  }
}

function shapeOf(
  record: JsonObject,
  eventName: string,
  action: string,
  eventType: string | undefined,
  userAgent: string | undefined,
): Shape {
  const callerKey = value(record, F.accessKeyId);
  if (eventName === CONSOLE_LOGIN) {
    return { kind: 'signin', action, sessionId: callerKey, interactive: true, outcome: consoleLoginOutcome(record) };
  }
  const apiCall = eventType === undefined || eventType === EVENT_TYPE.apiCall;
  if (apiCall && CREDENTIAL_ISSUERS.has(eventName)) {
    // The new key is the session later calls carry; the caller's key is the session it derives from.
    const issued = value(record, F.issuedAccessKeyId);
    if (issued === undefined) return { kind: 'token', action, sessionId: callerKey, grantType: eventName };
    return { kind: 'token', action, sessionId: issued, rootSessionId: callerKey !== issued ? callerKey : undefined, grantType: eventName };
  }
  if (bool(getPath(record, F.consoleCredential)) === true && isBrowser(userAgent)) {
    // CloudTrail logs no sign-in under the console session's key: its browser calls are where the session shows.
    return { kind: 'signin', action: action + CONSOLE_SESSION_SUFFIX, sessionId: callerKey, interactive: true };
  }
  const kind: EventKind = apiCall ? 'request' : 'other';
  return { kind, action, sessionId: callerKey };
}

export function mapCloudTrail(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: `record is not a JSON object (${jsonKind(record)})` };
  const rawTime = getPath(record, F.eventTime);
  const time = parseTime(rawTime);
  if (time === undefined) {
    return { skip: `no readable time (${rawTime === undefined ? 'eventTime missing' : `eventTime: ${quoteValue(rawTime)}`})` };
  }
  const eventType = value(record, F.eventType);
  if (eventType === EVENT_TYPE.insight) {
    return { skip: 'CloudTrail Insights event (AwsCloudTrailInsight): a summary of call rates, not a call' };
  }
  const eventName = value(record, F.eventName);
  const eventSource = value(record, F.eventSource);
  if (eventName === undefined || eventSource === undefined) {
    return { skip: `not a CloudTrail event (no ${eventName === undefined ? 'eventName' : 'eventSource'})` };
  }
  const client = clientOf(value(record, F.userAgent), value(record, F.invokedBy));
  const shape = shapeOf(record, eventName, `${eventSource}:${eventName}`, eventType, client.userAgent);
  const agentCore = eventSource === AGENTCORE_SOURCE;
  if (agentCore && WORKLOAD_TOKENS.has(eventName) && shape.kind === 'request') {
    // A workload access token handed to an agent: a token grant on the caller's session.
    shape.kind = 'token';
    shape.grantType = eventName;
  }

  const event: NormalizedEvent = {
    time,
    source: { file: ctx.file, line: ctx.line },
    format: CLOUDTRAIL_ID,
    kind: shape.kind,
    action: shape.action,
    outcome: shape.outcome ?? outcomeOf(record),
    user: userOf(record),
    sessionId: shape.sessionId,
    rootSessionId: shape.rootSessionId,
    grantType: shape.grantType,
    ip: ipOf(value(record, F.sourceIp)),
    userAgent: client.userAgent,
    clientHint: client.clientHint,
    interactive: shape.interactive,
  };
  if (agentCore) {
    const agent = agentCoreAgent(record, eventName);
    if (agent) event.agent = agent;
    const headers = agentCoreHeaders(record, eventName);
    if (headers) event.headers = headers;
  }
  return event;
}
