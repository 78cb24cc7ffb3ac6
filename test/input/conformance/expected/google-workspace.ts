import { expect } from 'vitest';
import type { EventMatch, Expectations } from '../support/expectation.js';

const NO_TIME = 'no readable time (id.time missing)';
/** Reports activities name a user and an address, never a session. */
const ACTIVITY: EventMatch = { user: expect.any(String), ip: expect.any(String), sessionId: undefined };
/** Panther's flattening: 58 of its 123 test activities have no `id.time` at all (stubs written for rule tests). */
const NO_TIME_LINES = [
  14, 15, 16, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 46, 47, 48, 60, 61, 62, 63, 64, 65, 66, 67, 72,
  73, 74, 75, 76, 87, 88, 89, 90, 91, 92, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123,
];

export const corpus: Expectations = {
  // Elastic's test files: one activity per line, `events` as an object.
  'google-workspace/elastic-integrations_google_workspace_test-admin-security.log': {
    format: 'google-workspace',
    events: 26,
    skipped: 0,
    every: ACTIVITY,
  },
  // The login application: sign-ins, their login_type, sign-out and challenge results.
  'google-workspace/elastic-integrations_google_workspace_test-login.log': {
    format: 'google-workspace',
    events: 17,
    skipped: 0,
    every: ACTIVITY,
    atLine: {
      10: { kind: 'signin', outcome: 'failure', interactive: false },
      11: { kind: 'other', action: 'login_challenge', outcome: 'success' },
      13: { kind: 'signout' },
      14: { kind: 'signin', outcome: 'success', interactive: false },
      15: { kind: 'signin', outcome: 'success', interactive: true },
      17: { action: 'login_verification', outcome: 'success', time: Date.parse('2025-02-27T05:59:58.481Z') },
    },
    where: [{ name: 'sign-ins', select: { kind: 'signin' }, events: 3 }],
  },
  'google-workspace/elastic-integrations_google_workspace_test-token.log': {
    format: 'google-workspace',
    events: 1,
    skipped: 0,
    every: ACTIVITY,
    at: { 0: { kind: 'token', action: 'authorize', clientHint: { app: 'Gmail Add-on' } } },
  },
  'siem-normalized/google-workspace__panther-analysis_gsuite-test-events.ndjson': {
    format: 'google-workspace',
    events: 65,
    skips: Object.fromEntries(NO_TIME_LINES.map((line) => [line, NO_TIME])),
    where: [
      {
        name: 'OAuth grants',
        select: { kind: 'token' },
        table: {
          columns: ['line', 'clientHint'],
          rows: [
            [68, { app: 'SuspiciousThirdPartyApp' }],
            [69, { app: 'LegitimateCalendarApp' }],
            [71, { app: 'AdminToolApp' }],
          ],
        },
        every: { clientId: '123456789012-abcdefghijklmnopqrstuvwxyz123456.apps.googleusercontent.com' },
      },
    ],
    atLine: {
      // A SAML sign-in is not a Google session.
      49: { kind: 'other', action: 'login_success', user: 'some.user@somedomain.com' },
      // The calendar user agent.
      20: { userAgent: 'Mozilla/5.0' },
      1: { time: Date.parse('2022-12-11T02:57:48.693Z') },
    },
  },
  'siem-normalized/google-workspace__panther-analysis_standard-rules_gsuite.ndjson': {
    format: 'google-workspace',
    events: 0,
    skips: Object.fromEntries([1, 2, 3, 4, 5].map((line) => [line, NO_TIME])),
  },
};

export const fixtures: Expectations = {
  // The API page: unwrapped from items, every activity read at the line it opens on.
  'google-workspace/api-page/activities-page.json': {
    format: 'google-workspace',
    skipped: 0,
    table: {
      columns: ['line', 'action', 'kind'],
      rows: [
        [5, 'login_success', 'signin'],
        [68, 'authorize', 'token'],
        [111, 'login_success', 'signin'],
        [143, 'create_event', 'other'],
        [183, 'CHANGE_SESSION_LENGTH', 'other'],
        [215, 'view', 'other'],
        [269, 'logout', 'signout'],
      ],
    },
    at: {
      // The interactive sign-in of a two-event activity.
      0: {
        time: Date.parse('2026-03-03T09:00:05.112Z'),
        format: 'google-workspace',
        outcome: 'success',
        interactive: true,
        user: 'alice@example.com',
        ip: '198.51.100.23',
        sessionId: undefined,
        userAgent: undefined,
      },
      // The OAuth grant, the programmatic sign-in and the API calendar change.
      1: {
        clientId: '831204877215-agentrunner.apps.googleusercontent.com',
        clientHint: { app: 'Acme Agent Runner' },
        user: 'alice@example.com',
        ip: '203.0.113.50',
      },
      2: { interactive: false, ip: '203.0.113.50' },
      3: { userAgent: 'google-api-python-client/2.149.0 (gzip)' },
      6: { time: Date.parse('2026-03-03T17:30:00Z') },
    },
  },
  // Elastic NDJSON with damaged lines.
  'google-workspace/elastic-ndjson/login-activities.ndjson': {
    format: 'google-workspace',
    table: {
      columns: ['line', 'action', 'kind', 'outcome'],
      rows: [
        [1, 'login_failure', 'signin', 'failure'],
        [3, 'login_success', 'signin', 'success'],
        [8, 'login_challenge', 'other', 'failure'],
        [9, 'logout', 'signout', 'success'],
      ],
    },
    every: { user: 'carol@example.com', ip: '192.0.2.44' },
    at: { 0: { interactive: true }, 1: { time: Date.parse('2026-03-04T10:15:00.250Z') } },
    skips: {
      2: /^invalid JSON/,
      4: 'record is not a JSON object (string)',
      5: NO_TIME,
      6: 'no readable time (id.time: "yesterday")',
      7: 'activity has no event (events: [])',
    },
  },
  // Panther's flattened layout: name, type and parameter maps on the activity itself.
  'google-workspace/panther-flat/gsuite-events.ndjson': {
    format: 'google-workspace',
    table: {
      columns: ['line', 'action', 'kind'],
      rows: [
        [1, 'login_success', 'signin'],
        [2, 'authorize', 'token'],
        [3, 'change_event_guest_response', 'other'],
      ],
    },
    at: {
      0: { time: Date.parse('2026-03-05T08:01:12.345Z'), interactive: true, user: 'dave@example.com' },
      1: { clientId: '552019384410-notesbot.apps.googleusercontent.com', clientHint: { app: 'Meeting Notes Bot' } },
      2: { userAgent: 'NotesBot/3.2 (+https://notesbot.example.net)' },
    },
    skips: { 4: NO_TIME, 5: 'activity has no event (no events, name or type)' },
  },
};
