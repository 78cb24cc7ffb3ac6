/**
 * The line layouts read, as data; map.ts holds the logic.
 *
 * Combined: `%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"` (nginx `combined` is the same with
 * `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"`).
 * Common Log Format stops after `%b`. Anything after the user agent (nginx's `"$http_x_forwarded_for"`,
 * Traefik's request count and router, a request time) is accepted and not read. A leading virtual host
 * (Apache `vhost_combined`, `%v:%p %h ...`) is accepted too.
 */

/** A double-quoted field; nginx escapes `"` as `\x22`, Apache as `\"`. */
const QUOTED = String.raw`"((?:[^"\\]|\\.)*)"`;
const q = (name: string): string => QUOTED.replace('(', `(?<${name}>`);

/**
 * The layout as one regular expression: the specification that read-line.ts implements in one pass (a property test
 * holds them equal). It is not run on logs: it backtracks with a stack that overflows on lines of a few megabytes.
 */
export const COMBINED_LINE = new RegExp(
  String.raw`^(?:(?<vhost>\S+) )?(?<host>\S+) (?<ident>\S+) (?<user>\S+) ` +
    String.raw`\[(?<time>\d{1,2}/[A-Za-z]{3}/\d{4}:[^\]]*)\] ${q('request')} (?<status>\d{3}|-) (?<bytes>\d+|-)` +
    `(?: ${q('referer')} ${q('agent')})?(?: .*)?$`,
);

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
