import { getLoose, getLoosePath, isObject, jsonKind, quoteValue, text, type JsonObject } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { cleanPath, readIp, readStatus } from '../common/values.js';
import { requestEvent } from '../common/request-event.js';
import { APIGW_FIELDS as F, HEADER_CONTEXTS } from './fields.js';
import { clientHeaders, type RawHeaders } from '../common/client-headers.js';
import { HeaderReader } from '../common/header-sources.js';
import { agentFromClaims, tokenClaims } from '../common/token-claims.js';

export const APIGW_ID = 'api-gateway';

const METHOD = /^[A-Z][A-Z_-]{0,19}$/;

/** The value under a flat key (`"authorizer.claims.sub"`) or a nested path, first key ignoring case. */
function raw(record: JsonObject, name: string): unknown {
  const flat = getLoose(record, name);
  return flat !== undefined || !name.includes('.') ? flat : getLoosePath(record, name);
}

function first(record: JsonObject, names: readonly string[]): string | undefined {
  for (const name of names) {
    const v = text(raw(record, name));
    if (v !== undefined) return v;
  }
  return undefined;
}

function readTime(record: JsonObject): { time: number } | { skip: string } {
  for (const name of F.time) {
    const value = raw(record, name);
    if (value === undefined) continue;
    const time = parseTime(value);
    if (time !== undefined) return { time };
    return { skip: `no readable time (${name}: ${quoteValue(value)})` };
  }
  return { skip: 'no readable time (requestTime missing)' };
}

/** Method and path from `httpMethod` and `path`/`resourcePath`, else from an HTTP API `routeKey`. */
function readRequest(record: JsonObject): { method?: string; path?: string } {
  const routeKey = first(record, F.routeKey)?.split(' ');
  const method = first(record, F.method)?.toUpperCase() ?? routeKey?.[0];
  const rawPath = first(record, F.path) ?? (routeKey?.length === 2 ? routeKey[1] : undefined);
  return {
    method: method !== undefined && METHOD.test(method) ? method : undefined,
    path: rawPath === undefined ? undefined : cleanPath(rawPath),
  };
}

const headerReader = new HeaderReader(HEADER_CONTEXTS.map((c) => `${c}.`));
const contextReader = new HeaderReader();

/** Client headers the template logs at the top (`"mcp_name": ...`) or in a Lambda authorizer's context. */
function headersOf(record: JsonObject): RawHeaders {
  const raw = headerReader.read(record);
  for (const path of HEADER_CONTEXTS) {
    const context = getLoosePath(record, path);
    if (isObject(context)) contextReader.read(context, raw);
  }
  return raw;
}

export function mapApiGateway(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: `record is not a JSON object (${jsonKind(record)})` };
  const { method, path } = readRequest(record);
  if (method === undefined) {
    const given = raw(record, F.method[0]);
    return {
      skip:
        given === undefined
          ? 'not an API Gateway request (no httpMethod or routeKey)'
          : `not an API Gateway request (httpMethod: ${quoteValue(given)})`,
    };
  }
  if (path === undefined) return { skip: 'not an API Gateway request (no path, resourcePath or routeKey)' };
  const time = readTime(record);
  if ('skip' in time) return time;
  const event = requestEvent(APIGW_ID, ctx, {
    time: time.time,
    method,
    path,
    status: readStatus(raw(record, F.status[0])),
    ip: readIp(first(record, F.ip)),
    userAgent: first(record, F.userAgent),
    user: first(record, F.user),
    sessionId: first(record, F.sessionId),
    tokenId: first(record, F.tokenId),
    clientId: first(record, F.clientId),
  });
  const headers = clientHeaders(headersOf(record));
  if (headers) event.headers = headers;
  const claims = tokenClaims(record);
  const agent = claims && agentFromClaims(claims);
  if (agent) event.agent = agent;
  return event;
}
