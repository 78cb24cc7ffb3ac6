import { isObject } from '../fields.js';
import type { Probe } from '../format.js';
import { looksLikeAudit } from './record.js';

/** Most of the first records are audit records: diagnostic-settings envelopes or Graph directoryAudit objects. */
export function detectEntraAudit(probe: Probe): boolean {
  if (probe.container !== 'json') return false;
  const objects = probe.records.filter(isObject);
  if (objects.length === 0) return false;
  const hits = objects.filter(looksLikeAudit).length;
  return hits > 0 && hits * 2 >= objects.length;
}
