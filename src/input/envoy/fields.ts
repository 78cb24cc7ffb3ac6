import { endsOrGoesOn, quotedFieldEnd } from '../common/quoted-fields.js';

/**
 * Where Envoy access logs keep each field, as data; map.ts holds the logic.
 *
 * JSON: keys are the operator's `json_format`; these are the names Envoy Gateway and Istio use.
 * Text: Envoy's default format
 * `[%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE% %RESPONSE_FLAGS%
 * %BYTES_RECEIVED% %BYTES_SENT% %DURATION% %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%"
 * "%REQ(USER-AGENT)%" "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%"`, and Istio's, which puts
 * `%RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS% "%UPSTREAM_TRANSPORT_FAILURE_REASON%"` after the flags.
 */
export const ENVOY_JSON_FIELDS = {
  time: ['start_time'],
  method: ['method', ':method'],
  path: ['x-envoy-origin-path', 'x-envoy-original-path', 'path', ':path'],
  status: ['response_code'],
  /** Envoy's view of the client: the peer, or the address it took from X-Forwarded-For when configured to. */
  remoteAddress: ['downstream_remote_address'],
  forwardedFor: ['x-forwarded-for', 'x_forwarded_for'],
  userAgent: ['user-agent', 'user_agent'],
} as const;

/** Detection: `start_time` and `response_code`, and one of these keys that only a proxy logs. */
export const DETECT_JSON_KEYS = [
  'downstream_remote_address',
  'upstream_host',
  'upstream_cluster',
  'response_flags',
  'x-envoy-origin-path',
  'x-envoy-upstream-service-time',
  'x-request-id',
  ':authority',
] as const;

const TEXT_START = /^\[([^\]]+)\] "/;
const TEXT_CODE = / (\d{1,3}|-) /y;

/**
 * `[start time] "request line" code rest`: the part every Envoy-style text format shares, as `[time, request, code,
 * rest]`; what `^\[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{1,3}|-) (.*)$` matched, read without that regex, whose quoted
 * field overflowed V8's backtracking stack on a request line of several megabytes.
 */
export function matchTextHead(line: string): [time: string, request: string, code: string, rest: string] | undefined {
  const start = TEXT_START.exec(line);
  if (!start) return undefined;
  const requestEnd = quotedFieldEnd(line, start[0].length - 1);
  if (requestEnd < 0) return undefined;
  TEXT_CODE.lastIndex = requestEnd;
  const code = TEXT_CODE.exec(line);
  if (!code || !endsOrGoesOn(line, TEXT_CODE.lastIndex - 1)) return undefined;
  return [start[1]!, line.slice(start[0].length, requestEnd - 1), code[1]!, line.slice(TEXT_CODE.lastIndex)];
}

/**
 * The text layouts told apart by where the first quoted field comes after the response code;
 * positions count the fields after the request line, response code first.
 */
export const TEXT_LAYOUTS = [
  { name: 'Envoy default', firstQuoted: 6, forwardedFor: 6, userAgent: 7 },
  { name: 'Istio default', firstQuoted: 4, forwardedFor: 9, userAgent: 10 },
] as const;
