import { isObject, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { LOG, LOG_MARKERS } from './fields.js';
import { locateLog } from './log.js';

/** Auth0 type codes are short lowercase words: `s`, `seccft`, `sapi`, `gd_send_pn`. */
const TYPE_CODE = /^[a-z][a-z0-9_]{0,40}$/;
const MIN_MARKERS = 2;

export function looksLikeAuth0Log(record: JsonObject): boolean {
  const located = locateLog(record);
  if ('skip' in located) return false;
  const log = located.log;
  const type = log[LOG.type];
  if (typeof type !== 'string' || !TYPE_CODE.test(type) || log[LOG.date] === undefined) return false;
  return LOG_MARKERS.filter((key) => log[key] !== undefined).length >= MIN_MARKERS;
}

/** Most of the first records are Auth0 logs, bare or in a Log Streams envelope. */
export function detectAuth0(probe: Probe): boolean {
  if (probe.container !== 'json') return false;
  const objects = probe.records.filter(isObject);
  if (objects.length === 0) return false;
  const hits = objects.filter(looksLikeAuth0Log).length;
  return hits > 0 && hits * 2 >= objects.length;
}
