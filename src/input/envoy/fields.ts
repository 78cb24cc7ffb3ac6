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

/** `[start time] "request line" rest`: the part every Envoy-style text format shares. */
export const TEXT_HEAD = /^\[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{1,3}|-) (.*)$/;

/**
 * The text layouts told apart by where the first quoted field comes after the response code;
 * positions count the fields after the request line, response code first.
 */
export const TEXT_LAYOUTS = [
  { name: 'Envoy default', firstQuoted: 6, forwardedFor: 6, userAgent: 7 },
  { name: 'Istio default', firstQuoted: 4, forwardedFor: 9, userAgent: 10 },
] as const;
