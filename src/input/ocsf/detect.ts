import { getPath, integer, isObject, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { OCSF_FIELDS as F } from './fields.js';

/** An integer `class_uid`, a `metadata` object naming a schema version or product, and a time. */
export function looksLikeOcsf(record: JsonObject): boolean {
  return (
    integer(getPath(record, F.classUid)) !== undefined &&
    isObject(getPath(record, F.metadata)) &&
    (getPath(record, F.metadataVersion) !== undefined || isObject(getPath(record, 'metadata.product'))) &&
    (getPath(record, F.time) !== undefined || getPath(record, F.timeDt) !== undefined)
  );
}

export function detectOcsf(probe: Probe): boolean {
  if (probe.container !== 'json') return false;
  const objects = probe.records.filter(isObject);
  if (objects.length === 0) return false;
  const hits = objects.filter(looksLikeOcsf).length;
  return hits > 0 && hits * 2 >= objects.length;
}
