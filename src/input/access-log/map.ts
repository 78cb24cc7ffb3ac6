import type { NormalizedEvent } from '../../model/event.js';
import { outcomeOf } from '../common/request-event.js';
import { isObject } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { Resolver, type Resolved } from './resolve.js';
import { quote, splitRequestLine } from '../common/values.js';
import { clientHeaders } from '../common/client-headers.js';
import { agentFromClaims } from '../common/token-claims.js';

/** Keys named in a "not a request" reason, so a person can see what the record was. */
const KEYS_SHOWN = 6;

/** Maps access-log records of any convention to request events, tagged with `formatId`. */
export function createMapper(formatId: string): (record: unknown, ctx: RecordContext) => MapResult {
  const resolver = new Resolver();
  return (record, ctx) => {
    if (!isObject(record)) return { skip: 'not a JSON object' };
    return toEvent(resolver.resolve(record), record, ctx, formatId);
  };
}

export function toEvent(r: Resolved, record: object, ctx: RecordContext, formatId: string): MapResult {
  let method = r.method;
  let path = r.path ?? r.route;
  if ((method === undefined || path === undefined) && r.requestLine !== undefined) {
    const line = splitRequestLine(r.requestLine);
    method ??= line.method;
    path ??= line.path;
  }
  if (method === undefined && path === undefined && r.status === undefined) {
    const keys = Object.keys(record);
    const shown = keys.slice(0, KEYS_SHOWN).join(', ') + (keys.length > KEYS_SHOWN ? ', ...' : '');
    return { skip: `not an HTTP request: no method, path or status (keys: ${shown || 'none'})` };
  }
  if (r.time === undefined) {
    return {
      skip: r.unreadableTime
        ? `no readable time (${r.unreadableTime.name}: ${quote(r.unreadableTime.value)})`
        : 'no readable time (no time field)',
    };
  }
  const claims = r.claims;
  const event: NormalizedEvent = {
    time: r.time,
    source: { file: ctx.file, line: ctx.line },
    format: formatId,
    kind: 'request',
    action: `${method ?? '-'} ${path ?? '-'}`,
    outcome: outcomeOf(r.status),
    // Claims logged beside the request fill what the log's own fields do not say.
    user: r.user ?? claims?.person ?? claims?.sub,
    sessionId: r.sessionId ?? claims?.sid,
    tokenId: r.tokenId ?? claims?.jti,
    clientId: r.clientId ?? claims?.clientId,
    ip: r.ip,
    userAgent: r.userAgent,
    method,
    path,
    status: r.status,
  };
  const headers = r.headers && clientHeaders(r.headers);
  if (headers) event.headers = headers;
  const agent = claims && agentFromClaims(claims);
  if (agent) event.agent = agent;
  return event;
}
