import { getLoose, isObject, jsonKind, quoteValue, text, type JsonObject } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { readIp, readMethod, readPath, readStatus } from '../common/values.js';
import { quoteRaw } from '../common/quote.js';
import { requestEvent } from '../common/request-event.js';
import { TRAEFIK_FIELDS as F } from './fields.js';
import { clientHeaders } from '../common/client-headers.js';
import { HeaderReader } from '../common/header-sources.js';

/** Traefik logs a header it is told to keep as `request_<Name>` (`request_Mcp-Name`). */
const headerReader = new HeaderReader();

export const TRAEFIK_ID = 'traefik';

function readTime(record: JsonObject): { time: number } | { skip: string } {
  let unreadable: string | undefined;
  for (const name of F.time) {
    const value = getLoose(record, name);
    if (value === undefined) continue;
    const time = parseTime(value);
    if (time !== undefined) return { time };
    unreadable ??= `${name}: ${quoteValue(value)}`;
  }
  return { skip: `no readable time (${unreadable ?? 'StartUTC missing'})` };
}

function notARequest(record: JsonObject): string {
  const level = text(getLoose(record, F.level));
  const message = text(getLoose(record, F.message));
  if (level !== undefined || message !== undefined) {
    return `not a Traefik access record (no RequestMethod; a log message: level ${quoteRaw(level ?? '-')}, msg ${quoteRaw(message ?? '-')})`;
  }
  return `not a Traefik access record (no RequestMethod; keys: ${Object.keys(record).slice(0, 6).join(', ') || 'none'})`;
}

export function mapTraefik(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: `record is not a JSON object (${jsonKind(record)})` };
  const rawMethod = getLoose(record, F.method);
  if (rawMethod === undefined) return { skip: notARequest(record) };
  const method = readMethod(rawMethod);
  if (method === undefined) return { skip: `no usable RequestMethod (${quoteValue(rawMethod)})` };
  const path = readPath(getLoose(record, F.path));
  if (path === undefined) return { skip: `no usable RequestPath (${quoteValue(getLoose(record, F.path) ?? null)})` };
  const time = readTime(record);
  if ('skip' in time) return time;
  return requestEvent(TRAEFIK_ID, ctx, {
    time: time.time,
    method,
    path,
    status: readStatus(getLoose(record, F.status)),
    ip: readIp(getLoose(record, F.ip[0])) ?? readIp(getLoose(record, F.ip[1])),
    user: text(getLoose(record, F.user)),
    userAgent: text(getLoose(record, F.userAgent)),
    headers: clientHeaders(headerReader.read(record)),
  });
}
