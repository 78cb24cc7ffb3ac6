import { expect } from 'vitest';
import type { Expectations } from '../support/expectation.js';
import { QUERY_SECRETS } from '../support/secrets.js';

const utc = Date.parse;

// Both envoy/ corpus files are CRI-prefixed Envoy container logs; every line is a request.
export const corpus: Expectations = {
  // All JSON, a reduced 7-key set.
  'envoy/crowdsec-hub_envoy-http-crawl-non_statics.log': { format: 'envoy', events: 41, skipped: 0 },
  // 6 JSON lines and 4 default-text lines; the last line has no newline. Start time, client address,
  // X-Forwarded-For lists and IPv6.
  'envoy/crowdsec-hub_envoy.log': {
    format: 'envoy',
    events: 10,
    skipped: 0,
    table: {
      columns: ['action', 'status', 'ip', 'userAgent'],
      rows: [
        ['GET /assets/image.webp', 200, '10.0.0.12', expect.stringMatching(/^Mozilla\/4\.0/)],
        ['GET /', 301, '192.168.1.45', expect.stringMatching(/Chrome\/41/)],
        ['HEAD /.env', 404, '172.16.2.33', 'curl/8.5.0'],
        ['POST /api/v1/locations', 204, '10.0.35.28', 'nsq2http'],
        ['GET /test', 200, 'fd00:1234:5678::5a24', 'curl/8.10.1'],
        ['GET /', 301, 'fd00:1234:5678::5a24', 'curl/8.10.1'],
        // JSON: downstream_remote_address (Envoy's view of the client) before X-Forwarded-For.
        ['GET /api/data', 200, '10.42.0.1', 'Mozilla/5.0'],
        ['POST /api/create', 201, 'fd00:1234:5678::1', 'curl/8.10.1'],
        // Text: the first X-Forwarded-For entry.
        ['GET /api/proxy', 200, '192.168.1.100', 'Mozilla/5.0'],
        ['POST /api/proxy6', 201, 'fd00:1234:5678::5a24', 'curl/8.10.1'],
      ],
    },
    at: { 0: { time: utc('2025-12-31T16:37:40.479Z') }, 3: { time: utc('2016-04-15T20:17:00.310Z') } },
  },
};

export const fixtures: Expectations = {
  // CRI-prefixed JSON, Envoy and Istio text; what is not a request is skipped with a reason.
  'envoy/cri-mixed/envoy.log': {
    format: 'envoy',
    table: {
      columns: ['line', 'action', 'status', 'ip', 'userAgent'],
      rows: [
        [1, 'GET /app/dashboard', 200, '198.51.100.23', expect.stringMatching(/Chrome\/141/)],
        [2, 'POST /api/projects/4711/files', 201, '198.51.100.23', 'python-httpx/0.28.1'],
        [3, 'GET /api/me', 200, '2001:db8::5a24', 'curl/8.7.1'],
        [9, 'GET /api/export', 503, '2001:db8::77', 'Go-http-client/2.0'],
      ],
    },
    every: { format: 'envoy', kind: 'request', user: undefined },
    // Envoy's start time, not the CRI prefix's write time (an hour apart in another zone, and later).
    at: { 0: { time: utc('2026-03-03T08:00:01.400Z') }, 1: { time: utc('2026-03-03T08:04:10.201Z') }, 3: { outcome: 'failure' } },
    skips: {
      4: 'partial container log line (CRI tag P): the runtime split a long line and its parts are not joined',
      5: 'not an HTTP request: no method or path (keys: :authority, bytes_received, bytes_sent, downstream_remote_address, duration, method)',
      6: /^not an Envoy access log line \(\[start_time\] "request" code \.\.\.\): "\[2026-03-03 08:07:00\.000\]\[1\]\[warning\]/,
      7: /^invalid JSON: /,
      8: 'request line is not METHOD PATH PROTOCOL: "- - -"',
    },
    secrets: QUERY_SECRETS,
  },
  // Envoy JSON without a container prefix is read as envoy-json, which the generic access log loses to.
  'envoy/json-file/access.json': {
    format: 'envoy-json',
    alsoClaimedBy: ['access-log'],
    events: 3,
    skipped: 0,
    secrets: QUERY_SECRETS,
    at: {
      0: {
        time: utc('2026-03-03T12:00:00.123Z'),
        format: 'envoy-json',
        action: 'GET /v1/orders',
        status: 200,
        ip: '198.51.100.23',
        userAgent: expect.stringContaining('Firefox/135.0'),
      },
      1: { action: 'POST /v1/orders', status: 201, ip: '203.0.113.77', userAgent: 'openai-python/1.54.0' },
      2: { ip: '10.42.0.1', userAgent: 'kube-probe/1.31' },
    },
  },
};
