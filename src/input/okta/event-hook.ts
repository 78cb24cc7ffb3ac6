import { getLoose, getLoosePath, isObject, jsonKind, type JsonObject } from '../fields.js';
import type { Skip } from '../format.js';

/** The `eventType` of the POST body an Okta event hook sends; its LogEvents are under `data.events`. */
export const EVENT_HOOK_TYPE = 'com.okta.event_hook';
export const HOOK_EVENTS = 'data.events';

export function isEventHookDelivery(record: unknown): record is JsonObject {
  return isObject(record) && getLoose(record, 'eventType') === EVENT_HOOK_TYPE;
}

/** The LogEvents of an event-hook delivery; a skip when it holds none; undefined for any other record. */
export function hookEvents(record: unknown): readonly unknown[] | Skip | undefined {
  if (!isEventHookDelivery(record)) return undefined;
  const events = getLoosePath(record, HOOK_EVENTS);
  if (!Array.isArray(events)) {
    return { skip: `Okta event hook delivery without a ${HOOK_EVENTS} array (${events === undefined ? 'missing' : jsonKind(events)})` };
  }
  if (events.length === 0) return { skip: `Okta event hook delivery with no events (${HOOK_EVENTS} is empty)` };
  return events;
}
