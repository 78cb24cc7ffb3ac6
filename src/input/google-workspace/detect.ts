import { getPath, isObject, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { ACTIVITY, ACTIVITY_KIND, EVENT } from './fields.js';

/** `kind: admin#reports#activity`, or an `id.applicationName` with an actor or an event (flattenings drop `kind`). */
export function looksLikeActivity(record: JsonObject): boolean {
  if (record[ACTIVITY.kind] === ACTIVITY_KIND) return true;
  if (typeof getPath(record, ACTIVITY.application) !== 'string') return false;
  return (
    isObject(record[ACTIVITY.actor]) ||
    record[ACTIVITY.events] !== undefined ||
    typeof record[EVENT.name] === 'string' ||
    typeof record[EVENT.type] === 'string'
  );
}

/** Most of the first records are Reports API activities. */
export function detectGoogleWorkspace(probe: Probe): boolean {
  if (probe.container !== 'json') return false;
  const objects = probe.records.filter(isObject);
  if (objects.length === 0) return false;
  const hits = objects.filter(looksLikeActivity).length;
  return hits > 0 && hits * 2 >= objects.length;
}
