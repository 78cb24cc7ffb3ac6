import { isObject } from '../fields.js';
import type { Probe } from '../format.js';
import { REQUEST_FIELDS } from './conventions.js';
import { buildPlan, Resolver, type Resolved } from './resolve.js';
import { splitRequestLine } from '../common/values.js';

/** A time and this many of method, path, status and user agent make a record look like a request. */
const MIN_REQUEST_FIELDS = 2;

/** JSON: most probe records hold a readable time and at least two request fields. */
export function detectJson(probe: Probe): boolean {
  return mostLookLikeRequests(probe.records);
}

function mostLookLikeRequests(records: readonly unknown[]): boolean {
  if (records.length === 0) return false;
  const resolver = new Resolver();
  let hits = 0;
  for (const record of records) {
    if (isObject(record) && looksLikeRequest(resolver.resolve(record))) hits++;
  }
  return hits * 2 > records.length;
}

function looksLikeRequest(r: Resolved): boolean {
  if (r.time === undefined) return false;
  const line = r.requestLine !== undefined ? splitRequestLine(r.requestLine) : {};
  const present = [r.method ?? line.method, r.path ?? r.route ?? line.path, r.status, r.userAgent];
  return present.filter((v) => v !== undefined).length >= MIN_REQUEST_FIELDS;
}

/**
 * CSV: the header names a time column and at least two request columns; or else the rows do, which
 * is the case when `--map` copied other columns under the names read here.
 */
export function detectCsv(probe: Probe): boolean {
  if (probe.header && headerNamesRequest(probe.header)) return true;
  return mostLookLikeRequests(probe.records);
}

function headerNamesRequest(header: readonly string[]): boolean {
  const plan = buildPlan(header);
  if (plan.time.length === 0) return false;
  const hasLine = plan.requestLine.length > 0;
  let fields = 0;
  for (const f of REQUEST_FIELDS) {
    if (plan[f].length > 0 || (f === 'path' && plan.route.length > 0) || (hasLine && (f === 'method' || f === 'path'))) fields++;
  }
  return fields >= MIN_REQUEST_FIELDS;
}
