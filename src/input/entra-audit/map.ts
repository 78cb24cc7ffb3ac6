import { isIP } from 'node:net';
import type { Outcome } from '../../model/event.js';
import { getLoosePath, getPath, isObject, jsonKind, text, type JsonObject } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { ENVELOPE } from '../common/entra-diagnostic.js';
import { APPLICATION_TARGETS, AUDIT, DETAIL, NO_ADDRESS } from './fields.js';
import { locateAudit, shown, type AuditRecord } from './record.js';

export const ENTRA_AUDIT_ID = 'entra-audit';

function timeOf(found: AuditRecord): number | { skip: string } {
  const activity = getPath(found.body, AUDIT.activityDateTime);
  const envelopeTime = found.envelope ? getLoosePath(found.envelope, ENVELOPE.time) : undefined;
  const time = parseTime(activity) ?? parseTime(envelopeTime);
  if (time !== undefined) return time;
  const tried = [shown(AUDIT.activityDateTime, activity)];
  if (found.envelope) tried.push(shown(ENVELOPE.time, envelopeTime));
  return { skip: `no readable time (${tried.join(', ')})` };
}

/** `result` is `success`, `failure`, `timeout` or `unknownFutureValue`; a SIEM may write `failed`. */
function outcomeOf(found: AuditRecord): Outcome {
  const result =
    text(getPath(found.body, AUDIT.result)) ?? (found.envelope ? text(getLoosePath(found.envelope, ENVELOPE.resultType)) : undefined);
  switch (result?.toLowerCase()) {
    case 'success':
      return 'success';
    case 'failure':
    case 'failed':
      return 'failure';
    default:
      return 'unknown';
  }
}

/** The value of an `additionalDetails[]` entry, by key. */
function detail(body: JsonObject, key: string): string | undefined {
  const details = getPath(body, AUDIT.additionalDetails);
  if (!Array.isArray(details)) return undefined;
  for (const d of details) if (isObject(d) && d.key === key) return text(d.value);
  return undefined;
}

const address = (value: string | undefined): string | undefined =>
  value !== undefined && value !== NO_ADDRESS && isIP(value) !== 0 ? value : undefined;

/** Who started the activity: a person by user principal name, or an application by its service principal. */
function actorOf(body: JsonObject): string | undefined {
  return (
    text(getPath(body, AUDIT.userPrincipalName)) ??
    text(getPath(body, AUDIT.appServicePrincipalName)) ??
    text(getPath(body, AUDIT.appServicePrincipalId)) ??
    text(getPath(body, AUDIT.appDisplayName))
  );
}

/** The application the activity changed, when it changed one: what `app:` allow patterns match. */
function appOf(body: JsonObject): string | undefined {
  const targets = getPath(body, AUDIT.targetResources);
  if (!Array.isArray(targets)) return undefined;
  for (const t of targets) {
    if (isObject(t) && typeof t.type === 'string' && APPLICATION_TARGETS.has(t.type)) return text(t.displayName);
  }
  return undefined;
}

export function mapEntraAudit(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: `record is not a JSON object (${jsonKind(record)})` };
  const found = locateAudit(record);
  if ('skip' in found) return found;
  const time = timeOf(found);
  if (typeof time !== 'number') return time;
  const body = found.body;
  const action =
    text(getPath(body, AUDIT.activityDisplayName)) ??
    (found.envelope ? text(getLoosePath(found.envelope, ENVELOPE.operationName)) : undefined);
  if (action === undefined) return { skip: 'not an Entra audit record (no activityDisplayName or operationName)' };

  return {
    time,
    source: { file: ctx.file, line: ctx.line },
    format: ENTRA_AUDIT_ID,
    kind: 'other',
    action,
    outcome: outcomeOf(found),
    user: actorOf(body),
    clientId: text(getPath(body, AUDIT.appId)) ?? detail(body, DETAIL.appId),
    ip:
      address(text(getPath(body, AUDIT.userIp))) ??
      address(found.envelope ? text(getLoosePath(found.envelope, ENVELOPE.callerIpAddress)) : undefined) ??
      address(detail(body, DETAIL.ip)),
    userAgent: text(getPath(body, AUDIT.userAgent)) ?? detail(body, DETAIL.userAgent),
    app: appOf(body),
  };
}
