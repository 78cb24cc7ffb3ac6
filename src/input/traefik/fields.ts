/** Keys of a Traefik JSON access log record (`accessLog.format: json`), as data. */
export const TRAEFIK_FIELDS = {
  /** StartUTC has nanoseconds; `time` is when the line was written, to the second. */
  time: ['StartUTC', 'StartLocal', 'time'],
  method: 'RequestMethod',
  /** Includes the query string, which is dropped. */
  path: 'RequestPath',
  /** What the client got; OriginStatus is the backend's (0 when there was none). */
  status: 'DownstreamStatus',
  /** ClientHost may be a list when forwarded headers are trusted (`192.168.1.100,10.0.0.50`). */
  ip: ['ClientHost', 'ClientAddr'],
  user: 'ClientUsername',
  /** Present only when header logging keeps User-Agent. */
  userAgent: 'request_User-Agent',
  /** Traefik's own log lines, when they end up in the access log file. */
  level: 'level',
  message: 'msg',
} as const;

/** Detection: a request method, and something only Traefik's access records carry next to it. */
export const DETECT_REQUEST_KEYS = ['DownstreamStatus', 'OriginStatus', 'RequestPath'] as const;
export const DETECT_TRAEFIK_KEYS = ['ClientHost', 'ClientAddr', 'RouterName', 'entryPointName'] as const;
