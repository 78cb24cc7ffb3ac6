import { expect } from 'vitest';
import type { Expectations } from '../support/expectation.js';
import { QUERY_SECRETS } from '../support/secrets.js';

const utc = Date.parse;
/** The generic JSON access log claims Traefik's records too; traefik's product tier wins. */
const ALSO = ['access-log'];

export const corpus: Expectations = {
  // 6 access records; the plugin's DEBUG line is skipped as invalid JSON.
  'traefik/crowdsec-hub_traefik_json.log': {
    format: 'traefik',
    alsoClaimedBy: ALSO,
    events: 6,
    skipped: 1,
    skips: { 6: /^invalid JSON: / },
    table: {
      columns: ['line', 'action', 'status', 'ip'],
      rows: [
        [1, 'GET /594VAEoi.save', 200, '172.17.0.1'],
        [2, 'GET /594VAEoi.local', 200, '172.17.0.1'],
        [3, 'GET /', 200, '192.168.65.1'],
        [4, 'POST /api/data', 200, '192.168.65.1'],
        [5, 'GET /', 404, '192.168.1.115'],
        // ClientHost is a forwarded list: the first entry.
        [7, 'OPTIONS /_matrix/client/v3/sync', 204, '192.168.1.100'],
      ],
    },
    at: { 0: { userAgent: 'Nikto', user: undefined }, 4: { time: expect.closeTo(utc('2026-01-14T09:45:33.759Z') + 0.014877, 3) } },
    readAlone: {
      // The generic access log reads the records and lists the stray debug line.
      'access-log': {
        format: 'access-log',
        events: 6,
        skips: { 6: /^invalid JSON/ },
        at: { 0: { method: 'GET', status: 200, ip: '172.17.0.1' } },
      },
    },
  },
};

export const fixtures: Expectations = {
  // Access records are read; log messages, a DEBUG line and damaged records are skipped.
  'traefik/json/access.log': {
    format: 'traefik',
    alsoClaimedBy: ALSO,
    table: {
      columns: ['line', 'action', 'status', 'ip', 'user'],
      rows: [
        [1, 'GET /app/dashboard', 200, '198.51.100.23', undefined],
        [2, 'POST /v1/deployments', 201, '2001:db8::5', 'ci-bot'],
        [5, 'GET /v1/status', 502, '203.0.113.4', undefined],
      ],
    },
    at: {
      0: { time: expect.closeTo(utc('2026-03-03T09:00:01.412Z') + 0.345678, 3), userAgent: expect.stringMatching(/Chrome\/141/) },
      1: { userAgent: 'GitHub-Actions-Runner/2.321.0' },
      2: { userAgent: undefined, outcome: 'failure', time: utc('2026-03-03T09:02:00.250Z') },
    },
    skips: {
      3: 'not a Traefik access record (no RequestMethod; a log message: level "error", msg "Error while dialing backend: dial tcp 17…")',
      4: /^invalid JSON: /,
      6: 'no readable time (StartUTC: "soon")',
      7: 'no usable RequestMethod ("\\u0016\\u0003")',
    },
    secrets: QUERY_SECRETS,
  },
};
