import type { NormalizedEvent } from '../../model/event.js';
import { getPath, integer, isObject, quoteValue, text, type JsonObject } from '../fields.js';
import { ENVELOPES, LOG, UNNAMED_CLIENT } from './fields.js';

/** A log object and the path it was found under (`data.` in a Log Streams delivery), for skip reasons. */
export interface LocatedLog {
  log: JsonObject;
  prefix: string;
}

/** The log object itself, or the one a Log Streams or EventBridge envelope carries. */
export function locateLog(record: JsonObject): LocatedLog | { skip: string } {
  if (record[LOG.type] === undefined) {
    for (const path of ENVELOPES) {
      const inner = getPath(record, path);
      if (isObject(inner)) return { log: inner, prefix: `${path}.` };
      if (inner !== undefined) {
        return { skip: `Log Streams record without a log object (${path}: ${quoteValue(inner)})` };
      }
    }
  }
  return { log: record, prefix: '' };
}

/** A nested value, or the same value under Sentinel's flattened key (`details_request_method`). */
export function logValue(log: JsonObject, path: string): unknown {
  const nested = getPath(log, path);
  if (nested !== undefined || !path.includes('.')) return nested;
  return log[path.replaceAll('.', '_')];
}

export function logText(log: JsonObject, path: string): string | undefined {
  return text(logValue(log, path));
}

const METHOD = /^[A-Za-z]{1,20}$/;

export function requestOf(log: JsonObject): Pick<NormalizedEvent, 'method' | 'path' | 'status'> {
  const method = logText(log, LOG.method);
  const path = logText(log, LOG.path)?.split(/[?#]/)[0];
  const status = integer(logValue(log, LOG.status));
  return {
    method: method !== undefined && METHOD.test(method) ? method.toUpperCase() : undefined,
    path: path !== undefined && path.length > 0 ? path : undefined,
    status: status !== undefined && status >= 100 && status <= 599 ? status : undefined,
  };
}

/** A raw User-Agent header starts with a product token and its version: `Mozilla/5.0`, `curl/8.4.0`. */
const RAW_USER_AGENT = /^[A-Za-z][\w.+-]*\/\w/;

function named(part: string): string | undefined {
  const t = text(part);
  return t === undefined || UNNAMED_CLIENT.test(t) ? undefined : t;
}

/**
 * The client as Auth0 logs it: the raw header from the request details when there is one; else `user_agent`,
 * which Auth0 writes as a parsed `browser / os` summary (a hint), though some re-exports hold a raw header there.
 */
export function clientOf(log: JsonObject): Pick<NormalizedEvent, 'userAgent' | 'clientHint'> {
  const raw = logText(log, LOG.rawUserAgent);
  const summary = logText(log, LOG.userAgentSummary);
  if (summary === undefined) return { userAgent: raw };
  const split = summary.indexOf(' / ');
  if (split < 0 && RAW_USER_AGENT.test(summary)) return { userAgent: raw ?? summary };
  const browser = named(split < 0 ? summary : summary.slice(0, split));
  const os = split < 0 ? undefined : named(summary.slice(split + 3));
  return { userAgent: raw, clientHint: browser !== undefined || os !== undefined ? { browser, os } : undefined };
}
