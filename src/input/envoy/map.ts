import { getLoose, isObject, jsonKind, quoteValue, text, type JsonObject } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { readIp, readMethod, readPath, readStatus } from '../common/values.js';
import { splitFields } from '../common/quoted-fields.js';
import { PARTIAL_LINE, stripCri } from '../common/cri.js';
import { quoteRaw } from '../common/quote.js';
import { requestEvent } from '../common/request-event.js';
import { clientHeaders } from '../common/client-headers.js';
import { HeaderReader } from '../common/header-sources.js';
import { parseRequestLine } from '../common/request-line.js';
import { ENVOY_JSON_FIELDS as F, matchTextHead, TEXT_LAYOUTS } from './fields.js';

export const ENVOY_ID = 'envoy';
export const ENVOY_JSON_ID = 'envoy-json';

function first(record: JsonObject, keys: readonly string[]): unknown {
  for (const k of keys) {
    const v = getLoose(record, k);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

/** A JSON access log format may name a header as Envoy's `%REQ(MCP-NAME)%` would: `"mcp-name": ...`. */
const headerReader = new HeaderReader();

export function mapEnvoyJson(record: unknown, ctx: RecordContext, format = ENVOY_JSON_ID): MapResult {
  if (!isObject(record)) return { skip: `record is not a JSON object (${jsonKind(record)})` };
  const method = readMethod(first(record, F.method));
  const path = readPath(first(record, F.path));
  if (method === undefined || path === undefined) {
    return { skip: `not an HTTP request: no method or path (keys: ${Object.keys(record).slice(0, 6).join(', ') || 'none'})` };
  }
  const rawTime = first(record, F.time);
  const time = parseTime(rawTime);
  if (time === undefined) {
    return { skip: `no readable time (${rawTime === undefined ? 'start_time missing' : `start_time: ${quoteValue(rawTime)}`})` };
  }
  return requestEvent(format, ctx, {
    time,
    method,
    path,
    status: readStatus(first(record, F.status)),
    ip: readIp(first(record, F.remoteAddress)) ?? readIp(first(record, F.forwardedFor)),
    userAgent: text(first(record, F.userAgent)),
    headers: clientHeaders(headerReader.read(record)),
  });
}

/** Envoy's default text format (or Istio's), after any CRI prefix. */
export function mapEnvoyText(line: string, ctx: RecordContext): MapResult {
  const head = matchTextHead(line);
  if (!head) return { skip: `not an Envoy access log line ([start_time] "request" code ...): ${quoteRaw(line)}` };
  const [rawTime, requestLine, code, rest] = head;
  const time = parseTime(rawTime);
  if (time === undefined) return { skip: `no readable time (${quoteRaw(`[${rawTime}]`)})` };
  const request = parseRequestLine(requestLine);
  if ('skip' in request) return request;
  const fields = [{ value: code, quoted: false }, ...(splitFields(rest) ?? [])];
  const firstQuoted = fields.findIndex((f) => f.quoted);
  const layout = TEXT_LAYOUTS.find((l) => l.firstQuoted === firstQuoted);
  const quoted = (i: number | undefined) => (i !== undefined && fields[i]?.quoted ? fields[i].value : undefined);
  return requestEvent(ENVOY_ID, ctx, {
    time,
    method: request.method,
    path: request.path,
    status: readStatus(code),
    ip: readIp(quoted(layout?.forwardedFor)),
    userAgent: text(quoted(layout?.userAgent)),
  });
}

/** A container log line: optional CRI prefix, then a JSON object or the default text format. */
export function mapEnvoyLine(record: unknown, ctx: RecordContext): MapResult {
  if (typeof record !== 'string') return { skip: `record is not a text line (${jsonKind(record)})` };
  const { text: line, partial } = stripCri(record);
  if (partial) return { skip: PARTIAL_LINE };
  if (!line.trimStart().startsWith('{')) return mapEnvoyText(line, ctx);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { skip: `invalid JSON: ${err instanceof Error ? err.message.slice(0, 120) : String(err)}` };
  }
  return mapEnvoyJson(value, ctx, ENVOY_ID);
}
