import { getPath, integer, isObject, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { OCSF_FIELDS as F } from './fields.js';

export const OCSF_SCORE = 0.9;

/** An integer `class_uid`, a `metadata` object naming a schema version or product, and a time. */
export function looksLikeOcsf(record: JsonObject): boolean {
  return (
    integer(getPath(record, F.classUid)) !== undefined &&
    isObject(getPath(record, F.metadata)) &&
    (getPath(record, F.metadataVersion) !== undefined || isObject(getPath(record, 'metadata.product'))) &&
    (getPath(record, F.time) !== undefined || getPath(record, F.timeDt) !== undefined)
  );
}

export function detectOcsf(probe: Probe): number {
  if (probe.container !== 'json') return 0;
  const objects = probe.records.filter(isObject);
  if (objects.length === 0) return 0;
  const hits = objects.filter(looksLikeOcsf).length;
  return hits > 0 && hits * 2 >= objects.length ? OCSF_SCORE : 0;
}
