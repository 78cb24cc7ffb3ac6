import type { EventKind, NormalizedEvent, Outcome } from '../../model/event.js';
import { integer, isObject, jsonKind, quoteValue, text, type JsonObject } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { AUDIT, FAILED_ACTION, KIND_BY_ACTION, SUCCEEDED_ACTION, TIME_KEYS } from './fields.js';
import { ownEntry } from '../../shared/lookup.js';
import { agentOf, agentSessionOf } from './agent.js';

export const GITHUB_AUDIT_ID = 'github-audit';

function timeOf(record: JsonObject): number | { skip: string } {
  let unreadable: string | undefined;
  for (const key of TIME_KEYS) {
    const raw = record[key];
    if (raw === undefined || raw === null) continue;
    const time = parseTime(raw);
    if (time !== undefined) return time;
    unreadable ??= `${key}: ${quoteValue(raw)}`;
  }
  return { skip: `no readable time (${unreadable ?? `${TIME_KEYS.join(', ')} missing`})` };
}

const METHOD = /^[A-Za-z]{1,20}$/;

function requestOf(record: JsonObject): Pick<NormalizedEvent, 'method' | 'path' | 'status'> {
  const method = text(record[AUDIT.method]);
  const path = (text(record[AUDIT.urlPath]) ?? text(record[AUDIT.route]))?.split(/[?#]/)[0];
  const status = integer(record[AUDIT.status]);
  return {
    method: method !== undefined && METHOD.test(method) ? method.toUpperCase() : undefined,
    path: path !== undefined && path.length > 0 ? path : undefined,
    status: status !== undefined && status >= 100 && status <= 599 ? status : undefined,
  };
}

function outcomeOf(action: string, kind: EventKind, status: number | undefined): Outcome {
  if (status !== undefined) return status < 400 ? 'success' : 'failure';
  const last = action.slice(action.lastIndexOf('.') + 1);
  if (FAILED_ACTION.test(last)) return 'failure';
  if (SUCCEEDED_ACTION.test(last) || kind !== 'other') return 'success';
  return 'unknown';
}

export function mapGithubAudit(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: `record is not a JSON object (${jsonKind(record)})` };
  const time = timeOf(record);
  if (typeof time !== 'number') return time;
  const action = text(record[AUDIT.action]);
  if (action === undefined) return { skip: 'not a GitHub audit event (no action)' };

  const kind = ownEntry(KIND_BY_ACTION, action) ?? 'other';
  const request = kind === 'request' ? requestOf(record) : undefined;
  const event: NormalizedEvent = {
    time,
    source: { file: ctx.file, line: ctx.line },
    format: GITHUB_AUDIT_ID,
    kind,
    action:
      request && (request.method !== undefined || request.path !== undefined) ? `${request.method ?? '-'} ${request.path ?? '-'}` : action,
    outcome: outcomeOf(action, kind, request?.status),
    user: text(record[AUDIT.actor]),
    sessionId: agentSessionOf(record),
    tokenId: text(record[AUDIT.tokenId]),
    ip: text(record[AUDIT.ip]),
    userAgent: text(record[AUDIT.userAgent]),
    interactive: kind === 'signin' ? true : undefined,
    ...request,
  };
  const agent = agentOf(record);
  if (agent) event.agent = agent;
  return event;
}
