import { expect } from 'vitest';
import type { Expectations } from '../support/expectation.js';

const NO_TIME = 'no readable time (@timestamp, created_at, at_sign_timestamp missing)';
const MALFORMED = 'no readable time (created_at: "2024-12-17 00:00:00000000")';
/** Panther's test events: 26 carry no time at all and 4 a malformed `created_at`. */
const NO_TIME_LINES = [42, 43, 44, 51, 56, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 86, 87, 88, 90];

export const corpus: Expectations = {
  // The personal security log: sign-ins, sign-outs and token creations, one event per line with epoch-ms times.
  'github-audit/azure-sentinel_Github_sample_logs.json': {
    format: 'github-audit',
    events: 63,
    skipped: 0,
    kinds: { signin: 11, signout: 3, token: 11, other: 38 },
    atLine: { 1: { action: 'user.login', time: 1711431195806, user: 'siteshjha11' } },
    where: [
      {
        name: 'sign-ins',
        select: { kind: 'signin' },
        every: { interactive: true },
        where: [{ name: 'failed', select: { outcome: 'failure' }, lines: [23, 55, 56, 57, 63] }],
      },
      { name: 'password resets (no actor)', select: { action: 'user.forgot_password' }, at: { 0: { user: undefined } } },
      {
        name: 'one OAuth token',
        select: { tokenId: 'oO87EZ2kLq0AcTXOS4TTjqABuMcOK66xV+5/H7/S7bg=' },
        table: { columns: ['action'], rows: [['oauth_access.regenerate'], ['oauth_access.create']] },
      },
    ],
  },
  'github-audit/elastic-integrations_github_audit_test-api-request-events.log': {
    format: 'github-audit',
    events: 2,
    skipped: 0,
    at: {
      0: {
        kind: 'request',
        action: 'GET /repos/{owner}/{repo}/pulls',
        status: 200,
        user: 'user_actor',
        userAgent: 'curl/7.79.1',
        tokenId: 'E8Fzcgs3TQXqhrKKC/qNR+2XZnaK3ykQBSAt1kPMiJs=',
        time: 1741611465102,
      },
      1: { kind: 'other', action: 'repo.create' },
    },
  },
  // Panther time forms, the float epoch and the git events.
  'siem-normalized/github-audit__panther-analysis_github-test-events.ndjson': {
    format: 'github-audit',
    events: 62,
    skips: {
      ...Object.fromEntries(NO_TIME_LINES.map((line) => [line, NO_TIME])),
      ...Object.fromEntries([49, 50, 52, 53].map((line) => [line, MALFORMED])),
    },
    every: { kind: 'other' },
    atLine: {
      2: { time: Date.parse('2023-01-31T18:58:27.638Z') },
      34: { time: 1621305118553 },
      45: { time: 1623971719091 },
      47: { user: undefined },
      62: {
        action: 'git.clone',
        kind: 'other',
        ip: '5.6.7.8',
        userAgent: 'git/2.30.2',
        tokenId: '0771cae4d170dc02a6ff393d9946cd684d6145c1=',
        time: Date.parse('2023-11-20T21:20:09.423Z'),
      },
    },
  },
  'siem-normalized/github-audit__panther-analysis_standard-rules_github.ndjson': {
    format: 'github-audit',
    events: 2,
    skips: { 1: NO_TIME, 2: NO_TIME, 3: NO_TIME, 4: NO_TIME },
  },
};

const ALICE_TOKEN = 'Fh3kLq9ZpR2vX8mN4bC7dW1sT6yU0aE5gJ3iO9lK2nQ=';

export const fixtures: Expectations = {
  'github-audit/rest-array/audit-log-page.json': {
    format: 'github-audit',
    skipped: 0,
    // Each event cites the line its element opens on.
    table: {
      columns: ['line', 'action', 'kind', 'outcome'],
      rows: [
        [2, 'user.login', 'signin', 'success'],
        [23, 'personal_access_token.create', 'token', 'success'],
        [49, 'GET /repos/acme/webapp/pulls', 'request', 'success'],
        [77, 'GET /repos/{owner}/{repo}/contents/{path}', 'request', 'failure'],
        [103, 'git.clone', 'other', 'unknown'],
        [128, 'user.logout', 'signout', 'success'],
      ],
    },
    every: { user: 'octo-alice', sessionId: undefined },
    at: {
      0: {
        time: Date.parse('2026-03-03T09:00:05.112Z'),
        interactive: true,
        ip: '198.51.100.23',
        userAgent: expect.stringMatching(/Chrome\/141/),
        tokenId: undefined,
      },
    },
    where: [
      {
        name: 'the token created in the browser, then used by another client',
        select: { tokenId: ALICE_TOKEN },
        table: { columns: ['kind'], rows: [['token'], ['request'], ['request'], ['other']] },
        at: {
          1: { ip: '203.0.113.50', userAgent: 'python-httpx/0.27.2', method: 'GET', path: '/repos/acme/webapp/pulls', status: 200 },
          2: { ip: '203.0.113.50', userAgent: 'python-httpx/0.27.2', path: '/repos/{owner}/{repo}/contents/{path}', status: 404 },
          3: { ip: '203.0.113.50', userAgent: 'git/2.47.0' },
        },
      },
    ],
  },
  // Streamed NDJSON with SIEM forms and damaged lines.
  'github-audit/stream-ndjson/audit-stream.ndjson': {
    format: 'github-audit',
    table: {
      columns: ['line', 'action', 'kind', 'outcome', 'time'],
      rows: [
        [1, 'user.failed_login', 'signin', 'failure', Date.parse('2026-03-04T10:14:10.000Z')],
        [2, 'user.login', 'signin', 'success', Date.parse('2026-03-04T10:15:00.250Z')],
        [4, 'oauth_access.create', 'token', 'success', Date.parse('2026-03-04T10:16:42.900Z')],
        [8, 'POST /repos/{owner}/{repo}/issues', 'request', 'success', Date.parse('2026-03-04T10:30:05.000Z')],
      ],
    },
    at: {
      2: { tokenId: 'Vb7nM2kQ9wE4rT1yU8iO3pA6sD0fG5hJ2kL9zX4cV1b=' },
      3: { tokenId: 'Vb7nM2kQ9wE4rT1yU8iO3pA6sD0fG5hJ2kL9zX4cV1b=', method: 'POST', status: 201, user: 'octo-bob', ip: '203.0.113.77' },
    },
    skips: {
      3: /^invalid JSON/,
      5: NO_TIME,
      6: 'no readable time (created_at: "2026-03-04 10:20:00000000")',
      7: 'record is not a JSON object (null)',
      9: 'not a GitHub audit event (no action)',
    },
  },

  // Agentic events in their agent session, an App bot; then a headless browser logging in as a person.
  'github-audit/agent-session/done-right.ndjson': {
    format: 'github-audit',
    skipped: 0,
    table: {
      columns: ['line', 'user', 'sessionId', 'agent'],
      rows: [
        [
          1,
          'Copilot',
          '7f3a1b2c-4d5e-4f60-8a9b-0c1d2e3f4a5b',
          { kind: 'own', agent: 'Copilot', onBehalfOf: 'octocat', proof: 'actor_is_agent = true' },
        ],
        [
          2,
          'Copilot',
          '7f3a1b2c-4d5e-4f60-8a9b-0c1d2e3f4a5b',
          { kind: 'own', agent: 'Copilot', onBehalfOf: 'octocat', proof: 'actor_is_agent = true' },
        ],
        [3, 'github-actions[bot]', undefined, { kind: 'own', agent: 'github-actions[bot]', proof: 'actor = github-actions[bot]' }],
      ],
    },
  },
  'github-audit/agent-session/borrowed.ndjson': {
    format: 'github-audit',
    events: 1,
    skipped: 0,
    at: { 0: { kind: 'signin', interactive: true, agent: undefined } },
  },
};
