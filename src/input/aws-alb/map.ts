import { jsonKind, text } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { readStatus } from '../common/values.js';
import { quoteRaw } from '../common/quote.js';
import { requestEvent } from '../common/request-event.js';
import { parseRequestLine } from '../common/request-line.js';
import { ALB_FIELDS as F, ELB_PREFIX, FIELD_LIST, MIN_FIELDS, REQUEST_TYPES } from './fields.js';
import { splitFields, type Field } from '../common/quoted-fields.js';

export const ALB_ID = 'aws-alb';

/** `client:port`, split on the last colon: IPv6 addresses are logged without brackets. */
export function clientIp(value: string | undefined): string | undefined {
  const v = text(value);
  if (v === undefined) return undefined;
  if (v.startsWith('[')) {
    const end = v.indexOf(']');
    return end > 1 ? v.slice(1, end) : undefined;
  }
  const colon = v.lastIndexOf(':');
  return colon > 0 ? v.slice(0, colon) : v;
}

/** The fields of an ALB line, or why the line is not one. */
export function albFields(line: string): Field[] | { skip: string } {
  const fields = splitFields(line);
  if (!fields) return { skip: `unbalanced quotes, not an ALB access log line: ${quoteRaw(line)}` };
  const type = fields[F.type];
  const elb = fields[F.elb];
  if (!type || type.quoted || !REQUEST_TYPES.has(type.value) || !elb?.value.startsWith(ELB_PREFIX)) {
    return { skip: `not an ALB access log line (${FIELD_LIST}): ${quoteRaw(line)}` };
  }
  if (fields.length < MIN_FIELDS) {
    return { skip: `ALB line has ${fields.length} fields, at least ${MIN_FIELDS} are needed (up to "user_agent")` };
  }
  return fields;
}

export function mapAlb(record: unknown, ctx: RecordContext): MapResult {
  if (typeof record !== 'string') return { skip: `record is not a text line (${jsonKind(record)})` };
  const fields = albFields(record);
  if (!Array.isArray(fields)) return fields;
  const value = (i: number): string | undefined => fields[i]?.value;
  const time = parseTime(value(F.time)) ?? parseTime(value(F.requestCreationTime));
  if (time === undefined) return { skip: `no readable time (time: ${quoteRaw(value(F.time) ?? '')})` };
  const request = parseRequestLine(value(F.request) ?? '');
  if ('skip' in request) return request;
  return requestEvent(ALB_ID, ctx, {
    time,
    method: request.method,
    path: request.path,
    status: readStatus(value(F.elbStatus)),
    ip: clientIp(value(F.client)),
    userAgent: text(value(F.userAgent)),
  });
}
