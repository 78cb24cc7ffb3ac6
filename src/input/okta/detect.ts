import { getLoose, isObject, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { isEventHookDelivery } from './event-hook.js';
import { OKTA_FIELDS as F } from './fields.js';

/** Okta event types are dotted lowercase names: `user.session.start`, `user.authentication.auth_via_IDP`. */
const EVENT_TYPE = /^[a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+$/;

export function looksLikeLogEvent(record: JsonObject): boolean {
  const type = getLoose(record, F.eventType);
  if (typeof type !== 'string' || !EVENT_TYPE.test(type)) return false;
  return getLoose(record, F.published) !== undefined || typeof getLoose(record, F.uuid) === 'string' || isObject(getLoose(record, F.actor));
}

/** Most of the first records look like LogEvents, or are event-hook deliveries that carry them. */
export function detectOkta(probe: Probe): boolean {
  if (probe.container !== 'json') return false;
  const objects = probe.records.filter(isObject);
  if (objects.length === 0) return false;
  const hits = objects.filter((r) => looksLikeLogEvent(r) || isEventHookDelivery(r)).length;
  return hits > 0 && hits * 2 >= objects.length;
}
