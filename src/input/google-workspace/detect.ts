import { getPath, isObject, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { ACTIVITY, ACTIVITY_KIND, EVENT } from './fields.js';

export const GOOGLE_WORKSPACE_SCORE = 0.9;

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
export function detectGoogleWorkspace(probe: Probe): number {
  if (probe.container !== 'json') return 0;
  const objects = probe.records.filter(isObject);
  if (objects.length === 0) return 0;
  const hits = objects.filter(looksLikeActivity).length;
  return hits > 0 && hits * 2 >= objects.length ? GOOGLE_WORKSPACE_SCORE : 0;
}
