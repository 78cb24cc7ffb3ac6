import { expect } from 'vitest';
import type { Expectations } from '../support/expectation.js';

export const corpus: Expectations = {
  // Sentinel sample: the Management API shape, one record flattened; 5 client-credentials exchanges and a call.
  'auth0/azure-sentinel_Auth0AM_CL.json': {
    format: 'auth0',
    skipped: 0,
    events: 6,
    lines: [2, 20, 38, 56, 74, 92],
    where: [
      {
        name: 'machine tokens',
        select: { kind: 'token' },
        events: 5,
        every: {
          grantType: 'client_credentials',
          user: undefined,
          clientId: 'CLIENT_ID',
          clientHint: { browser: 'Python Requests 2.27.0' },
        },
      },
    ],
    at: {
      5: {
        kind: 'request',
        action: 'POST /api/v2/client-grants',
        status: 201,
        outcome: 'success',
        user: 'USER_ID',
        tokenId: 'CLIENT_ID',
        ip: '35.160.3.103',
        time: Date.parse('2022-04-13T11:33:18.757Z'),
        userAgent: expect.stringMatching(/^Mozilla\/5\.0 \(Macintosh/),
      },
    },
  },
  'auth0/elastic-integrations_auth0_test-token-xchg-success_first3_log-streams.ndjson': {
    format: 'auth0',
    skipped: 0,
    events: 3,
    every: { kind: 'token', action: 'seacft', grantType: 'authorization_code' },
  },
  // Panther's Log Streams test events: every one has a readable `data.date`, so none is skipped.
  'siem-normalized/auth0__panther-analysis_auth0-test-events.ndjson': {
    format: 'auth0',
    events: 49,
    skips: {},
    at: { 0: { time: Date.parse('2025-10-03T14:09:32.149Z') } },
    atLine: { 22: { action: 'pwd_leak', user: 'denethor@lotr.com', kind: 'other' } },
    where: [
      {
        name: 'Management API requests',
        select: { kind: 'request' },
        events: 37,
        every: { tokenId: expect.any(String), method: expect.any(String), status: expect.any(Number) },
        where: [{ name: 'failed', select: { outcome: 'failure' }, lines: [2, 4, 6, 8] }],
      },
      {
        name: 'the one session id',
        select: { sessionId: expect.any(String) },
        table: { columns: ['line', 'action', 'sessionId'], rows: [[11, 'fcoa', 'OJ0d2L-gDTvkmwEctP8d3XwtLD8Yu1qh']] },
      },
      {
        name: 'a raw user agent beside the parsed summary',
        select: { line: 42 },
        table: {
          columns: ['userAgent', 'clientHint'],
          rows: [[expect.stringMatching(/^Mozilla\/5\.0/), { browser: 'Chrome 114.0.0', os: 'Mac OS X 10.15.7' }]],
        },
      },
    ],
  },
};

const ALICE_SESSION = 'Zq8vK3nT0bW5yR2mL7cX1pH9sD4fG6jA';
const DAVE_SESSION = 'mR4tY8uI2oP6aS0dF3gH7jK1lZ5xC9vB';

export const fixtures: Expectations = {
  'auth0/management-api/logs-page.json': {
    format: 'auth0',
    skipped: 0,
    // Each log cites the line its element opens on.
    table: {
      columns: ['line', 'action', 'kind', 'outcome'],
      rows: [
        [2, 's', 'signin', 'success'],
        [31, 'sertft', 'token', 'success'],
        [52, 'PATCH /api/v2/users/auth0%7C65f0c1d2e3f4a5b6c7d8e9f0', 'request', 'success'],
        [96, 'seccft', 'token', 'success'],
        [114, 'fp', 'signin', 'failure'],
        [138, 'slo', 'signout', 'success'],
      ],
    },
    at: {
      // The interactive sign-in, and the refresh-token exchange tied to its session.
      0: {
        time: Date.parse('2026-03-03T09:00:05.112Z'),
        interactive: true,
        user: 'alice@example.com',
        sessionId: ALICE_SESSION,
        clientId: 'aBcD1234PortalWebClient00000000',
        ip: '198.51.100.23',
        clientHint: { browser: 'Chrome 141.0.0', os: 'Mac OS X 10.15.7' },
        userAgent: undefined,
      },
      1: {
        user: 'alice@example.com',
        sessionId: ALICE_SESSION,
        clientId: 'zYx9AgentCliClient0000000000000',
        grantType: 'refresh_token',
        ip: '203.0.113.50',
        clientHint: undefined,
        interactive: undefined,
      },
      // The Management API call with its token, raw user agent and request.
      2: {
        user: 'auth0|65f0c1d2e3f4a5b6c7d8e9f0',
        tokenId: '7c2f9e0a41b3d58e6f1a2b3c4d5e6f70',
        clientId: 'zYx9AgentCliClient0000000000000',
        userAgent: 'python-httpx/0.27.2',
        method: 'PATCH',
        path: '/api/v2/users/auth0%7C65f0c1d2e3f4a5b6c7d8e9f0',
        status: 200,
        sessionId: undefined,
      },
      // The machine token has no user; the failed sign-in has its user name.
      3: {
        clientId: 'M2mNightlyReportJob000000000000',
        grantType: 'client_credentials',
        clientHint: { browser: 'Node.js 20.11.0' },
        user: undefined,
      },
      4: { user: 'bob@example.com', interactive: true, clientHint: { browser: 'Firefox 133.0.0', os: 'Windows 10.0.0' } },
      5: { sessionId: ALICE_SESSION, time: Date.parse('2026-03-03T17:30:00.000Z') },
    },
  },
  // Each Log Streams envelope is read; each bad line is skipped with its line and reason.
  'auth0/log-streams/stream.ndjson': {
    format: 'auth0',
    table: {
      columns: ['line', 'action', 'kind', 'outcome'],
      rows: [
        [1, 's', 'signin', 'success'],
        [2, 'ssa', 'other', 'success'],
        [6, 'DELETE /api/v2/connections/con_Q7dWm2PzX1yV8kLr', 'request', 'failure'],
        [7, 'slo', 'signout', 'success'],
      ],
    },
    where: [{ name: "dave's session", select: { sessionId: DAVE_SESSION }, lines: [1, 2, 7] }],
    at: {
      2: {
        status: 403,
        tokenId: '0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a',
        user: 'google-oauth2|109876543210987654321',
        userAgent: expect.stringMatching(/^node-fetch/),
      },
    },
    skips: { 3: /^invalid JSON/, 4: 'no readable time (data.date missing)', 5: 'not an Auth0 log (no data.type)' },
  },
  // Sentinel flattens nested request keys with `_`.
  'auth0/sentinel-flat/Auth0AM_CL-export.json': {
    format: 'auth0',
    skipped: 0,
    lines: [2, 20],
    at: {
      0: { kind: 'token', grantType: 'client_credentials' },
      1: {
        kind: 'request',
        action: 'PATCH /api/v2/users/auth0|65f0aaaabbbbccccddddeeee',
        status: 200,
        tokenId: '5b4a39281706f5e4d3c2b1a0f9e8d7c6',
        userAgent: 'node.js/20.11.0',
        clientId: 'M2mNightlyReportJob000000000000',
        user: undefined,
      },
    },
  },

  // Auth0 for AI Agents: an on-behalf-of exchange with agent_id and a Token Vault exchange; then silent auth by a script.
  'auth0/agent-exchange/done-right.ndjson': {
    format: 'auth0',
    skipped: 0,
    table: {
      columns: ['line', 'kind', 'tokenId', 'grantType'],
      rows: [
        [1, 'signin', undefined, undefined],
        [2, 'token', 'jti-obo-alice-0001', 'urn:ietf:params:oauth:grant-type:token-exchange'],
        [3, 'token', undefined, 'urn:ietf:params:oauth:grant-type:token-exchange'],
      ],
    },
    at: {
      1: {
        agent: {
          kind: 'delegated',
          agent: 'agt_8Kq2ReportAgent',
          onBehalfOf: 'alice@example.com',
          proof: 'agent_id = agt_8Kq2ReportAgent; external_agent_id = registry:report-agent',
        },
      },
      2: { agent: { kind: 'delegated', agent: 'Report Agent', onBehalfOf: 'alice@example.com', proof: 'type = seta' } },
    },
  },
  'auth0/agent-exchange/borrowed.ndjson': {
    format: 'auth0',
    skipped: 0,
    every: { agent: undefined, sessionId: 'au-sess-bob-00000000000000000002' },
  },
};
