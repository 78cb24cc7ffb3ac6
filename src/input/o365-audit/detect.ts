import { getLoose, integer, isObject, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { COMMON_KEYS, O365 } from './fields.js';

/** The common schema: a `CreationTime`, an `Operation`, an integer `RecordType`, and one of its identity keys. */
export function looksLikeO365(record: JsonObject): boolean {
  return (
    getLoose(record, O365.creationTime) !== undefined &&
    typeof getLoose(record, O365.operation) === 'string' &&
    integer(getLoose(record, O365.recordType)) !== undefined &&
    COMMON_KEYS.some((k) => getLoose(record, k) !== undefined)
  );
}

/** Most of the first records are Management Activity API records. */
export function detectO365Audit(probe: Probe): boolean {
  if (probe.container !== 'json') return false;
  const objects = probe.records.filter(isObject);
  if (objects.length === 0) return false;
  const hits = objects.filter(looksLikeO365).length;
  return hits > 0 && hits * 2 >= objects.length;
}
