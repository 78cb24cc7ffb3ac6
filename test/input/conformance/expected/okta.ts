import { expect } from 'vitest';
import type { Expectations } from '../support/expectation.js';

const NO_TIME_REDACTED = 'no readable time (published: "redacted")';
const NO_TIME_MISSING = 'no readable time (published missing)';

export const corpus: Expectations = {
  'okta/elastic-beats_okta-system-test.json.log': {
    format: 'okta',
    events: 7,
    skipped: 0,
    where: [
      {
        name: 'the shared session of the Filebeat sample',
        select: { sessionId: '102bZDNFfWaQSyEZQuDgWt-uQ' },
        table: {
          columns: ['action'],
          rows: [
            ['user.session.start'],
            ['policy.evaluate_sign_on'],
            ['policy.evaluate_sign_on'],
            ['user.account.report_suspicious_activity_by_enduser'],
          ],
        },
        every: { user: 'xxxxxx@elastic.co' },
      },
    ],
  },
  // An Event Hook delivery: its one LogEvent is read as the System Log's are, at the line the delivery starts on.
  'okta/okta-developer-docs_event-hook-delivery.json': {
    format: 'okta',
    events: 1,
    skipped: 0,
    at: {
      0: {
        line: 1,
        kind: 'signin',
        action: 'user.session.start',
        interactive: true,
        outcome: 'success',
        user: 'admin@okta.com',
        sessionId: 'idxyNcxVX2ESsSL0u462548Qg',
        ip: '142.126.158.61',
        time: Date.parse('2023-03-26T21:05:32.159Z'),
        userAgent: expect.stringMatching(/Chrome\/111/),
        app: 'Okta Admin Console',
      },
    },
  },
  'okta/okta-developer-docs_event-object-user-deactivate.json': { format: 'okta', events: 1, skipped: 0 },
  'okta/okta-developer-docs_rate-limit-system-log-events.json': { format: 'okta', events: 3, skipped: 0, lines: [2, 108, 204] },

  // SIEM re-exports: records with `published` redacted or missing cannot be read.
  'siem-normalized/okta__panther-analysis_okta-test-events.ndjson': {
    format: 'okta',
    events: 16,
    skips: {
      16: NO_TIME_REDACTED,
      17: NO_TIME_REDACTED,
      18: NO_TIME_REDACTED,
      19: NO_TIME_MISSING,
      20: NO_TIME_MISSING,
      22: NO_TIME_MISSING,
    },
  },
  'siem-normalized/okta__panther-analysis_okta-test-events_variant-lowercase-keys.ndjson': {
    format: 'okta',
    events: 30,
    skips: { 30: NO_TIME_MISSING },
    where: [
      {
        name: 'the OAuth code grant of an app actor, under lowercased keys',
        select: { action: 'app.oauth2.authorize.code' },
        events: 1,
        every: { user: undefined, clientId: 'okta.1234', sessionId: '123456789', grantType: 'authorization_code' },
      },
      { name: 'sign-ins', select: { kind: 'signin' }, events: 2, every: { interactive: true, user: expect.any(String) } },
      { name: 'sign-on policy evaluations', select: { action: 'policy.evaluate_sign_on' }, events: 5, every: { outcome: 'unknown' } },
    ],
  },
  'siem-normalized/okta__panther-analysis_standard-rules_okta.ndjson': {
    format: 'okta',
    events: 5,
    skips: Object.fromEntries([1, 2, 3, 4, 8, 9, 10].map((line) => [line, NO_TIME_MISSING])),
  },
};

const ALICE_SESSION = '102Xk3Lq8vTnR2mWcYb7pJfHgA';
const AGENT_SESSION = '102Tq9Zr4NcWd1EyUo6sLbKmVx';

export const fixtures: Expectations = {
  'okta/array-pretty/system-log-2026-03-03.json': {
    format: 'okta',
    skipped: 0,
    // Each event cites the line its element opens on.
    table: {
      columns: ['line', 'action', 'kind'],
      rows: [
        [2, 'policy.evaluate_sign_on', 'other'],
        [100, 'user.session.start', 'signin'],
        [191, 'user.authentication.sso', 'other'],
        [291, 'app.oauth2.as.token.grant.access_token', 'token'],
        [396, 'user.session.end', 'signout'],
      ],
    },
    at: {
      0: { outcome: 'success' },
      1: {
        time: Date.parse('2026-03-03T09:00:05.112Z'),
        format: 'okta',
        kind: 'signin',
        interactive: true,
        outcome: 'success',
        user: 'alice@example.com',
        sessionId: ALICE_SESSION,
        ip: '198.51.100.23',
        // Okta's parsed browser/os are hints only for events without a raw user agent.
        clientHint: undefined,
        userAgent: expect.stringMatching(/Chrome\/141/),
        rootSessionId: undefined,
        clientId: undefined,
      },
      // The token exchange is tied to the session it derives from.
      3: {
        kind: 'token',
        user: 'alice@example.com',
        sessionId: AGENT_SESSION,
        rootSessionId: ALICE_SESSION,
        grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
        clientId: '0oa8AgentClient3xY7z',
        ip: '203.0.113.50',
        userAgent: 'python-httpx/0.27.2',
        clientHint: undefined,
        interactive: undefined,
      },
    },
  },
  // BOM, CRLF and no final newline.
  'okta/ndjson-crlf-bom/system-log-stream.ndjson': {
    format: 'okta',
    skipped: 0,
    lines: [1, 2, 3, 4],
    at: {
      0: { kind: 'signin', outcome: 'failure', user: 'bob@example.com', interactive: true, sessionId: undefined, grantType: undefined },
      1: { outcome: 'success', sessionId: '102Fh5Jk7Lm9Np1Qr3St5Uv7Wx' },
      2: {
        kind: 'token',
        action: 'app.oauth2.token.grant.refresh_token',
        clientId: '0oaCliTool9pQr2sT4u',
        grantType: 'refresh_token',
        clientHint: undefined,
        user: undefined,
      },
      3: { kind: 'other', tokenId: '00Tr4nd0mApiT0k3nId', ip: '203.0.113.90' },
    },
  },
  // Event Hook deliveries, one body per line: each LogEvent inside is read, on its delivery's line; a delivery
  // without events is skipped with the reason; a bare LogEvent beside them is read too.
  'okta/event-hook/deliveries.ndjson': {
    format: 'okta',
    table: {
      columns: ['line', 'kind', 'action', 'ip', 'app'],
      rows: [
        [1, 'signin', 'user.session.start', '198.51.100.71', undefined],
        [1, 'other', 'user.authentication.sso', '198.51.100.71', 'Team Wiki'],
        [5, 'other', 'user.account.update_profile', '203.0.113.140', undefined],
        [6, 'signout', 'user.session.end', '198.51.100.71', undefined],
      ],
    },
    every: { user: 'dana@example.com', sessionId: '102DanaHookSess9xQ2mL7', format: 'okta' },
    at: {
      0: {
        interactive: true,
        outcome: 'success',
        time: Date.parse('2026-11-02T08:30:04.211Z'),
        userAgent: expect.stringMatching(/Chrome\/142/),
      },
      2: { userAgent: 'python-requests/2.32.3' },
    },
    skips: {
      2: NO_TIME_MISSING,
      3: 'Okta event hook delivery with no events (data.events is empty)',
      4: 'Okta event hook delivery without a data.events array (object)',
    },
  },
  // One pretty-printed delivery: both of its LogEvents are cited at line 1, where the delivery starts.
  'okta/event-hook/delivery-pretty.json': {
    format: 'okta',
    skipped: 0,
    table: {
      columns: ['line', 'action'],
      rows: [
        [1, 'user.authentication.sso'],
        [1, 'user.session.end'],
      ],
    },
  },
  'okta/malformed/system-log-damaged.ndjson': {
    format: 'okta',
    table: {
      columns: ['line', 'action'],
      rows: [
        [1, 'user.session.start'],
        [6, 'user.session.end'],
      ],
    },
    at: { 1: { time: Date.parse('2026-03-04T10:15:00.250Z') } },
    skipped: 5,
    skips: {
      2: /^invalid JSON/,
      3: 'record is not a JSON object (string)',
      4: NO_TIME_REDACTED,
      7: NO_TIME_MISSING,
      8: 'record is not a JSON object (null)',
    },
  },

  // Agent identity: an ID-JAG grant on the person's session, then an agent on another's with ITP's word on it.
  'okta/agent-id-jag/done-right.ndjson': {
    format: 'okta',
    skipped: 0,
    table: {
      columns: ['line', 'kind', 'sessionId'],
      rows: [
        [1, 'signin', '102aliceXaaSession000001'],
        [2, 'token', '102aliceXaaSession000001'],
        [3, 'token', '102aliceXaaSession000001'],
      ],
    },
    at: {
      1: {
        user: undefined,
        agent: {
          kind: 'delegated',
          agent: 'Sales Agent',
          onBehalfOf: 'alice@example.com',
          proof: 'eventType = app.oauth2.token.grant.id_jag',
        },
      },
    },
  },
  'okta/agent-id-jag/borrowed.ndjson': {
    format: 'okta',
    skipped: 0,
    every: { sessionId: '102bobXaaSession00000001', agent: undefined },
    at: {
      2: {
        action: 'user.session.context.change',
        risk: [
          { signal: 'user.session.context.change', detail: 'ipAddress.change; PreviousIpAddress 192.0.2.44 -> NewIpAddress 203.0.113.80' },
        ],
      },
    },
  },
  'okta/web-sign-ins/system-log.ndjson': {
    format: 'okta',
    events: 6,
    skipped: 0,
    every: { kind: 'signin', interactive: true, agent: undefined },
  },
};
