import { getLoose, isObject, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { stripCri } from '../common/cri.js';
import { DETECT_JSON_KEYS, matchTextHead } from './fields.js';

export function looksLikeEnvoyJson(record: unknown): boolean {
  if (!isObject(record)) return false;
  const has = (k: string) => getLoose(record as JsonObject, k) !== undefined;
  return has('start_time') && has('response_code') && DETECT_JSON_KEYS.some(has);
}

function looksLikeEnvoyLine(raw: string): boolean {
  const line = stripCri(raw).text;
  if (line.startsWith('{')) {
    try {
      return looksLikeEnvoyJson(JSON.parse(line));
    } catch {
      return false;
    }
  }
  const head = matchTextHead(line);
  return head !== undefined && parseTime(head[0]) !== undefined;
}

const majority = (hits: number, total: number): boolean => total > 0 && hits * 2 > total;

/** Text: most probe lines, after any CRI prefix, are Envoy JSON records or the default text format. */
export function detectEnvoyText(probe: Probe): boolean {
  if (probe.container !== 'text') return false;
  const lines = probe.records.filter((r): r is string => typeof r === 'string');
  return majority(lines.filter(looksLikeEnvoyLine).length, lines.length);
}

/** JSON (no CRI prefix): most records have `start_time`, `response_code` and a proxy key. */
export function detectEnvoyJson(probe: Probe): boolean {
  if (probe.container !== 'json') return false;
  return majority(probe.records.filter(looksLikeEnvoyJson).length, probe.records.length);
}
