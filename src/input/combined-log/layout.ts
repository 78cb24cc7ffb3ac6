/**
 * The line layouts read, as data; map.ts holds the logic.
 *
 * Combined: `%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"` (nginx `combined` is the same with
 * `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"`).
 * Common Log Format stops after `%b`. Anything after the user agent (nginx's `"$http_x_forwarded_for"`,
 * Traefik's request count and router, a request time) is accepted and not read. A leading virtual host
 * (Apache `vhost_combined`, `%v:%p %h ...`) is accepted too.
 */

/**
 * The fields before the request line, up to its opening quote, with and without a leading virtual host. The rest of
 * the line is read by `matchCombined` (map.ts) rather than by one regex: the quoted fields' `(?:[^"\\]|\\.)*` kept one
 * backtracking entry per character in V8, and a line of several megabytes failed with a stack overflow.
 */
const FIELDS = String.raw`(\S+) (\S+) (\S+) \[(\d{1,2}/[A-Za-z]{3}/\d{4}:[^\]]*)\] "`;
/** Groups: vhost (when there is one), host, ident, user, time. */
export const PREFIX = new RegExp(String.raw`^(?:(\S+) )?${FIELDS}`);
export const PREFIX_NO_VHOST = new RegExp(String.raw`^()${FIELDS}`);
export const STATUS_BYTES = / (\d{3}|-) (\d+|-)/y;

export interface CombinedGroups {
  host: string;
  user: string;
  time: string;
  request: string;
  status: string;
  agent?: string;
}

/** Lines that are often mixed into access logs, named so the skip reason says what they are. */
export const OTHER_LINES: readonly { pattern: RegExp; reason: string }[] = [
  {
    pattern: /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \[(?:debug|info|notice|warn|error|crit|alert|emerg)\]/,
    reason: 'an nginx error log line, not a request',
  },
  {
    pattern: /^\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}(?:\.\d+)? \d{4}\] \[/,
    reason: 'an Apache error log line, not a request',
  },
];

export const EXPECTED_SHAPE = 'host ident user [time] "request" status bytes';
