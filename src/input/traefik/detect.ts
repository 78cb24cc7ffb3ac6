import { getLoose, isObject, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { DETECT_REQUEST_KEYS, DETECT_TRAEFIK_KEYS, TRAEFIK_FIELDS as F } from './fields.js';

const has = (record: JsonObject, key: string): boolean => getLoose(record, key) !== undefined;

function looksLikeTraefik(record: JsonObject): boolean {
  return has(record, F.method) && DETECT_REQUEST_KEYS.some((k) => has(record, k)) && DETECT_TRAEFIK_KEYS.some((k) => has(record, k));
}

/** Most probe records have `RequestMethod`, a status or path, and a Traefik client or router key. */
export function detectTraefik(probe: Probe): boolean {
  if (probe.container !== 'json' || probe.records.length === 0) return false;
  const hits = probe.records.filter((r) => isObject(r) && looksLikeTraefik(r)).length;
  return hits * 2 > probe.records.length;
}
