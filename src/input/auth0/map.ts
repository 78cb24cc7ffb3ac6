import { isObject, jsonKind, quoteValue, text } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { LOG } from './fields.js';
import { clientOf, locateLog, logText, requestOf } from './log.js';
import { typeCode } from './type-codes.js';
import { agentOf } from './agent.js';
import type { NormalizedEvent } from '../../model/event.js';

export const AUTH0_ID = 'auth0';

export function mapAuth0(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: `record is not a JSON object (${jsonKind(record)})` };
  const located = locateLog(record);
  if ('skip' in located) return located;
  const { log, prefix } = located;
  const date = log[LOG.date];
  const time = parseTime(date);
  if (time === undefined) {
    const shown = date === undefined ? `${prefix}date missing` : `${prefix}date: ${quoteValue(date)}`;
    return { skip: `no readable time (${shown})` };
  }
  const type = text(log[LOG.type]);
  if (type === undefined) return { skip: `not an Auth0 log (no ${prefix}type)` };

  const code = typeCode(type);
  const request = code.kind === 'request' ? requestOf(log) : undefined;
  const outcome = request?.status !== undefined ? (request.status < 400 ? 'success' : 'failure') : code.outcome;
  const action =
    request && (request.method !== undefined || request.path !== undefined) ? `${request.method ?? '-'} ${request.path ?? '-'}` : type;

  const event: NormalizedEvent = {
    time,
    source: { file: ctx.file, line: ctx.line },
    format: AUTH0_ID,
    kind: code.kind,
    action,
    outcome,
    user: logText(log, LOG.userName) ?? logText(log, LOG.userId) ?? logText(log, LOG.authUserEmail),
    sessionId: logText(log, LOG.sessionId) ?? logText(log, LOG.sid),
    tokenId: logText(log, LOG.tokenId) ?? (code.kind === 'token' ? logText(log, LOG.issuedTokenJti) : undefined),
    clientId: logText(log, LOG.clientId),
    grantType: code.grantType,
    ip: logText(log, LOG.ip) ?? logText(log, LOG.requestIp),
    ...clientOf(log),
    interactive: code.interactive,
    ...request,
  };
  const agent = agentOf(log, type);
  if (agent) event.agent = agent;
  return event;
}
