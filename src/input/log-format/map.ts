import type { NormalizedEvent } from '../../model/event.js';
import { jsonKind, text } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { cleanPath, readIp, readStatus } from '../common/values.js';
import { stripCri } from '../common/cri.js';
import { unescapeQuoted } from '../common/quote.js';
import { quoteRaw } from '../common/quote.js';
import { requestEvent } from '../common/request-event.js';
import { parseRequestLine } from '../common/request-line.js';
import { credentialId } from './hash.js';
import { ownEntry } from '../../shared/lookup.js';
import type { LinePattern } from './pattern.js';
import { COOKIE_PREFIX, HEADER_VARIABLES, VARIABLES, type Target } from './variables.js';
import { clientHeaders, type HeaderField, type RawHeaders } from '../common/client-headers.js';

export const LOG_FORMAT_ID = 'log-format';

const METHOD = /^[A-Z][A-Z_-]{0,19}$/;

/** Which captured variables feed which event field, worked out once per format. */
export interface Plan {
  pattern: LinePattern;
  /** Capture group indexes (1-based) per target, in the order the variables appear. */
  groups: Partial<Record<Target, number[]>>;
  sessionCookieGroups: number[];
  /** Capture groups of `$http_<name>` client headers, by field. */
  headerGroups: [HeaderField, number][];
  timeVariables: string[];
}

export function planFor(pattern: LinePattern, isSessionCookie: (name: string) => boolean): Plan {
  const groups: Partial<Record<Target, number[]>> = {};
  const sessionCookieGroups: number[] = [];
  const headerGroups: [HeaderField, number][] = [];
  pattern.variables.forEach((name, i) => {
    const target = ownEntry(VARIABLES, name);
    const header = ownEntry(HEADER_VARIABLES, name);
    if (header !== undefined) headerGroups.push([header, i + 1]);
    if (target !== undefined) {
      groups[target] ??= [];
      groups[target].push(i + 1);
    } else if (name.startsWith(COOKIE_PREFIX) && isSessionCookie(name.slice(COOKIE_PREFIX.length))) sessionCookieGroups.push(i + 1);
  });
  const timeVariables = pattern.variables.filter((v) => VARIABLES[v] === 'time');
  return { pattern, groups, sessionCookieGroups, headerGroups, timeVariables };
}

/** A captured value with nginx's escapes undone; `-` and empty are absent. */
function valueAt(match: RegExpExecArray, groups: readonly number[] | undefined): string | undefined {
  for (const g of groups ?? []) {
    const v = text(unescapeQuoted(match[g] ?? ''));
    if (v !== undefined) return v;
  }
  return undefined;
}

function readTime(match: RegExpExecArray, plan: Plan): { time: number } | { skip: string } {
  const groups = plan.groups.time ?? [];
  for (const g of groups) {
    const time = parseTime(match[g]);
    if (time !== undefined) return { time };
  }
  const shown = groups.map((g, i) => `$${plan.timeVariables[i]}: ${quoteRaw(match[g] ?? '')}`).join(', ');
  return { skip: `no readable time (${shown})` };
}

function readRequest(match: RegExpExecArray, plan: Plan): { method: string; path: string } | { skip: string } {
  const method = valueAt(match, plan.groups.method);
  const rawPath = valueAt(match, plan.groups.path);
  const path = rawPath === undefined ? undefined : cleanPath(rawPath);
  if (method !== undefined && METHOD.test(method) && path !== undefined) return { method, path };
  const line = valueAt(match, plan.groups.request);
  if (line === undefined) return { skip: `no request: method ${quoteRaw(method ?? '-')}, path ${quoteRaw(rawPath ?? '-')}` };
  const parsed = parseRequestLine(line);
  if ('skip' in parsed) return parsed;
  return { method: method !== undefined && METHOD.test(method) ? method : parsed.method, path: path ?? parsed.path };
}

/** The client headers the format captures (`$http_signature_agent`, `$http_mcp_name`, ...), with nginx's escapes undone. */
function headersOf(match: RegExpExecArray, plan: Plan): NormalizedEvent['headers'] {
  if (plan.headerGroups.length === 0) return undefined;
  const raw: RawHeaders = {};
  for (const [field, group] of plan.headerGroups) raw[field] ??= valueAt(match, [group]);
  return clientHeaders(raw);
}

/** The line matched against the format, as written or inside a Kubernetes CRI prefix. */
export function matchLine(plan: Plan, line: string): RegExpExecArray | null {
  return plan.pattern.regex.exec(line) ?? plan.pattern.regex.exec(stripCri(line).text);
}

export function mapWithPlan(plan: Plan, record: unknown, ctx: RecordContext): MapResult {
  if (typeof record !== 'string') return { skip: `record is not a text line (${jsonKind(record)})` };
  const match = matchLine(plan, record);
  if (!match) return { skip: `line does not match the --log-format: ${quoteRaw(record)}` };
  const time = readTime(match, plan);
  if ('skip' in time) return time;
  const request = readRequest(match, plan);
  if ('skip' in request) return request;
  const cookie = valueAt(match, plan.sessionCookieGroups);
  const authorization = valueAt(match, plan.groups.authorization);
  const event = requestEvent(LOG_FORMAT_ID, ctx, {
    time: time.time,
    method: request.method,
    path: request.path,
    status: readStatus(valueAt(match, plan.groups.status)),
    ip: readIp(valueAt(match, plan.groups.ip)) ?? readIp(valueAt(match, plan.groups.forwardedFor)),
    user: valueAt(match, plan.groups.user),
    userAgent: valueAt(match, plan.groups.userAgent),
    sessionId: cookie !== undefined ? credentialId(cookie) : valueAt(match, plan.groups.mcpSession),
    tokenId: authorization !== undefined ? credentialId(authorization) : undefined,
  });
  const headers = headersOf(match, plan);
  if (headers) event.headers = headers;
  return event;
}
