import { getPath, isObject, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { CLOUDTRAIL_FIELDS as F } from './fields.js';

export function looksLikeCloudTrail(record: JsonObject): boolean {
  return (
    typeof getPath(record, F.eventSource) === 'string' &&
    typeof getPath(record, F.eventName) === 'string' &&
    getPath(record, F.eventTime) !== undefined &&
    (isObject(getPath(record, F.userIdentity)) ||
      typeof getPath(record, F.eventVersion) === 'string' ||
      typeof getPath(record, F.awsRegion) === 'string')
  );
}

/** Most of the first records are CloudTrail events (`Records` wrappers are unwrapped by the reader). */
export function detectCloudTrail(probe: Probe): boolean {
  if (probe.container !== 'json') return false;
  const objects = probe.records.filter(isObject);
  if (objects.length === 0) return false;
  const hits = objects.filter(looksLikeCloudTrail).length;
  return hits > 0 && hits * 2 >= objects.length;
}
