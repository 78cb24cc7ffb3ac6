import { expect } from 'vitest';
import type { Expectations } from '../support/expectation.js';
import { QUERY_SECRETS } from '../support/secrets.js';

const REQUEST_LINE = 'request line is not METHOD PATH PROTOCOL: ';
const NOT_COMBINED = 'not a combined or common log line (host ident user [time] "request" status bytes): ';
const CHROME = expect.stringMatching(/^Mozilla\/5\.0 \(Macintosh.*Chrome\/141/);
const utc = Date.parse;

/** TLS handshakes sent to a plain-HTTP port, quoted as the log escapes their bytes. */
const TLS = /^request line is not METHOD PATH PROTOCOL: "\\x16\\x03\\x01/;

// Every nginx/ and apache/ corpus file is an access log in the combined or common layout; some hold lines that are
// not requests (scanner junk, error-log lines), which are skipped.
export const corpus: Expectations = {
  'nginx/crowdsec-hub_nginx-bad-user-agent.log': { format: 'combined-log', events: 3, skipped: 0 },
  // Binary and pipe-delimited request lines from RAT and TLS probes; the last line has no newline.
  'nginx/crowdsec-hub_nginx-http-malformed.log': {
    format: 'combined-log',
    events: 0,
    skipped: 12,
    skips: /^request line is not METHOD PATH PROTOCOL: "/,
  },
  'nginx/crowdsec-hub_nginx-http-sqli-probing.log': { format: 'combined-log', events: 16, skipped: 0 },
  'nginx/crowdsec-hub_nginx_http-logs.log': {
    format: 'combined-log',
    events: 7,
    skips: {
      8: `${NOT_COMBINED}"192.168.1.1 - [08/Jun/2020:08:04:43 +000…"`,
      9: 'an nginx error log line, not a request',
    },
    // Users, virtual hosts (lines 4-6 start with `www.crowdsec.net`, `www.crowdsec11.net:80`) and offsets.
    where: [
      { name: 'the one user', select: { user: expect.any(String) }, at: { 0: { line: 7, user: 'user123', action: 'GET /api/login' } } },
    ],
    atLine: { 4: { ip: '192.168.1.1' }, 5: { ip: '192.168.1.1' }, 6: { ip: '192.168.1.1' } },
    at: { 2: { action: 'GET /solr/admin/info/system', status: 500 } },
  },
  'nginx/elastic-integrations_nginx_access_test-access.log': { format: 'combined-log', events: 14, skipped: 0 },
  // The combined variant with a trailing "$http_x_forwarded_for".
  'nginx/opensearch-catalog_nginx_raw.log': { format: 'combined-log', events: 1408, skipped: 0 },
  // Common Log Format: no referer, no user agent.
  'apache/crowdsec-hub_apache-http-probing.log': { format: 'combined-log', events: 77, skipped: 0 },
  'apache/crowdsec-hub_apache2-logs.log': {
    format: 'combined-log',
    events: 7,
    skips: { 8: 'an Apache error log line, not a request', 9: 'an Apache error log line, not a request' },
  },
  // TLS handshakes sent to a plain-HTTP port.
  'apache/crowdsec-hub_apache2-malformed.log': {
    format: 'combined-log',
    events: 0,
    skipped: 11,
    skips: {
      ...Object.fromEntries([2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((line) => [line, TLS])),
      1: `${REQUEST_LINE}"\\x16\\x03\\x01\\x01 \\x02"`,
    },
  },
  // 10,000 real requests: time, client, user agent.
  'apache/elastic-examples_apache_logs': {
    format: 'combined-log',
    events: 10000,
    skipped: 0,
    at: {
      0: {
        time: utc('2015-05-17T10:05:03Z'),
        ip: '83.149.9.216',
        action: 'GET /presentations/logstash-monitorama-2013/images/kibana-search.png',
        status: 200,
        userAgent: expect.stringMatching(/Chrome\/32\.0\.1700\.77/),
      },
      9999: { line: 10000 },
    },
  },
};

export const fixtures: Expectations = {
  // Every line is a request; users, agents, IPv6, no query strings.
  'combined-log/nginx-combined/access.log': {
    format: 'combined-log',
    skipped: 0,
    lines: [1, 2, 3, 4, 5, 6, 7],
    secrets: QUERY_SECRETS,
    at: {
      0: {
        time: utc('2026-03-03T08:00:01Z'),
        format: 'combined-log',
        kind: 'request',
        action: 'GET /app/dashboard',
        outcome: 'success',
        method: 'GET',
        path: '/app/dashboard',
        status: 200,
        ip: '198.51.100.23',
        userAgent: CHROME,
        user: undefined,
        sessionId: undefined,
      },
      1: { action: 'GET /api/projects', path: '/api/projects' },
      2: { action: 'POST /api/projects/4711/files', status: 201, userAgent: 'python-httpx/0.28.1' },
      3: { userAgent: expect.stringMatching(/^Claude-User/) },
      4: { ip: '2001:db8:85a3::8a2e:370:7334', status: 204, userAgent: 'kube-probe/1.31' },
      5: { user: 'ops', action: 'DELETE /admin/cache', status: 403, outcome: 'failure' },
      6: { action: 'OPTIONS *', userAgent: undefined },
    },
  },
  // Common Log Format (7 fields), `-` bytes, a user, a host name, +1100 offset.
  'combined-log/apache-common/access_log': {
    format: 'combined-log',
    events: 4,
    skipped: 0,
    secrets: QUERY_SECRETS,
    every: { userAgent: undefined },
    at: {
      0: { time: utc('2025-10-16T18:57:49Z'), action: 'GET /index.html', ip: '192.0.2.10', status: 200 },
      1: { user: 'frank', path: '/private/report.csv' },
      2: { action: 'POST /cgi-bin/login', status: 302 },
      3: { ip: 'host-7.example.net', action: 'HEAD /' },
    },
  },
  // The leading vhost:port is not the client.
  'combined-log/apache-vhost-combined/other_vhosts_access.log': {
    format: 'combined-log',
    events: 3,
    skipped: 0,
    secrets: QUERY_SECRETS,
    table: { columns: ['ip'], rows: [['198.51.100.23'], ['198.51.100.23'], ['203.0.113.9']] },
    at: {
      0: { action: 'GET /sso/callback', status: 302, userAgent: expect.stringContaining('Firefox/135.0') },
      2: { userAgent: 'Go-http-client/1.1' },
    },
  },
  // Extra trailing fields, quoted or not; the user agent is the second quoted field.
  'combined-log/nginx-forwarded-for/access.log': {
    format: 'combined-log',
    events: 4,
    skipped: 0,
    secrets: QUERY_SECRETS,
    at: {
      0: { userAgent: CHROME, ip: '10.0.12.4', action: 'GET /api/search' },
      1: { userAgent: 'node', action: 'POST /mcp' },
      3: { userAgent: 'python-requests/2.32.3', ip: '10.244.0.1', action: 'GET /api/items', status: 200 },
    },
  },
  // Kubernetes container lines; partial lines and error lines are skipped.
  'combined-log/cri-prefixed/ingress-nginx.log': {
    format: 'combined-log',
    table: {
      columns: ['line', 'action', 'status'],
      rows: [
        [1, 'GET /', 200],
        [5, 'POST /api/upload', 413],
      ],
    },
    at: { 0: { time: utc('2026-03-03T12:00:00Z') } },
    skips: {
      2: 'partial container log line (CRI tag P): the runtime split a long line and its parts are not joined',
      3: /^not a combined or common log line \(host ident user \[time\] "request" status bytes\): "aaaa/,
      4: 'an nginx error log line, not a request',
    },
  },
  // Each bad line is skipped with its line number and a reason.
  'combined-log/malformed/access.log': {
    format: 'combined-log',
    table: {
      columns: ['line', 'action', 'status'],
      rows: [
        [1, 'GET /login', 200],
        [11, 'GET /api/items', 499],
      ],
    },
    skips: {
      2: `${REQUEST_LINE}"\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03…"`,
      3: `${REQUEST_LINE}"-"`,
      4: `${REQUEST_LINE}"lv|'|'|SGVsbG8gd29ybGQ=|'|'|MARK|'|'|use…"`,
      5: `${REQUEST_LINE}"HELP"`,
      7: 'an nginx error log line, not a request',
      8: `${NOT_COMBINED}"192.0.2.5 - - [03/Mar/2026:12:00:01 +000…"`,
      9: 'no readable time ("[31/Foo/2026:12:00:02 +0000]")',
      10: `${NOT_COMBINED}"DEBUG: reloading configuration"`,
    },
  },
};
