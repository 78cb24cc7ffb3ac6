import { getLoose, isObject, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { REQUIRED_KEYS, TIME_KEYS } from './fields.js';

function looksLikeApiGateway(record: JsonObject): boolean {
  return REQUIRED_KEYS.every((k) => getLoose(record, k) !== undefined) && TIME_KEYS.some((k) => getLoose(record, k) !== undefined);
}

/** Most probe records have `requestId`, `httpMethod` and `requestTime` or `requestTimeEpoch`. */
export function detectApiGateway(probe: Probe): boolean {
  if (probe.container !== 'json' || probe.records.length === 0) return false;
  const hits = probe.records.filter((r) => isObject(r) && looksLikeApiGateway(r)).length;
  return hits * 2 > probe.records.length;
}
