import { expect } from 'vitest';
import type { Expectations } from '../support/expectation.js';

export const corpus: Expectations = {
  // The API activity is tied to its access key.
  'ocsf/elastic-integrations_amazon_security_lake_test-api-activity.log': {
    format: 'ocsf',
    events: 1,
    skipped: 0,
    at: {
      0: {
        kind: 'request',
        action: 'DescribeDirectConnectGateways',
        user: 'Level6',
        sessionId: 'AKIA3Z2XBVUDFQ9TU4MD',
        ip: '1.128.0.0',
        outcome: 'success',
        time: 1600726972000,
        userAgent: expect.stringMatching(/^Boto3\/1\.15\.2/),
      },
    },
  },
  // The console logon is an interactive sign-in.
  'ocsf/elastic-integrations_amazon_security_lake_test-authentication.log': {
    format: 'ocsf',
    events: 1,
    skipped: 0,
    at: {
      0: {
        kind: 'signin',
        action: 'ConsoleLogin',
        interactive: true,
        user: 'anaya',
        outcome: 'success',
        time: 1668097474000,
        sessionId: undefined,
      },
    },
  },
};

export const fixtures: Expectations = {
  // Security Lake events from CloudTrail: the console sign-in, the console session and its reuse.
  'ocsf/security-lake-cloudtrail/security-lake-2026-11-02.ndjson': {
    format: 'ocsf',
    skipped: 0,
    table: {
      columns: ['line', 'kind', 'action', 'sessionId', 'outcome', 'ip'],
      rows: [
        [1, 'signin', 'ConsoleLogin', undefined, 'success', '198.51.100.30'],
        [2, 'signin', 'DescribeInstances (console session)', 'ASIAEXAMPLECONSOLE07', 'success', '198.51.100.30'],
        [3, 'request', 'DescribeEventAggregates', 'ASIAEXAMPLECONSOLE07', 'success', undefined],
        [4, 'request', 'GetSecretValue', 'ASIAEXAMPLECONSOLE07', 'failure', '203.0.113.61'],
      ],
    },
    every: { user: 'dana' },
    at: {
      0: { interactive: true, time: Date.parse('2026-11-02T11:00:00Z') },
      2: { clientHint: { app: 'AWS Internal' }, userAgent: undefined },
      3: { userAgent: expect.stringMatching(/^Boto3\//) },
    },
  },
  // A pretty-printed array of several classes: each record cites the line it opens on; the rest is skipped.
  'ocsf/mixed-classes-array/ocsf-export.json': {
    format: 'ocsf',
    table: {
      columns: ['line', 'kind', 'action'],
      rows: [
        [2, 'signin', 'Authentication'],
        [43, 'request', 'GET /api/v1/users/me'],
        [83, 'signout', 'Authentication'],
      ],
    },
    at: {
      0: {
        interactive: false,
        user: 'erin@example.com',
        sessionId: '102EXAMPLEsessionErin',
        userAgent: 'python-requests/2.32.3',
        time: Date.parse('2026-11-02T11:00:00Z'),
      },
      1: {
        time: Date.parse('2026-11-02T11:02:05.250Z'),
        status: 403,
        outcome: 'failure',
        clientId: '0oaEXAMPLEclient',
        ip: '2001:db8::10',
        sessionId: '102EXAMPLEsessionErin',
      },
    },
    skips: {
      107: 'OCSF class 4001 (Network Activity) is not read',
      123: 'no readable time (time: "tomorrow", time_dt missing)',
      139: 'not an OCSF event (class_uid missing)',
    },
  },

  // The ai_operation profile's ai_agent, with and without a delegation; the logon's session at the top.
  'ocsf/ai-agent/done-right.ndjson': {
    format: 'ocsf',
    skipped: 0,
    every: { sessionId: 'oc-sess-erin-01' },
    table: {
      columns: ['line', 'kind', 'agent'],
      rows: [
        [1, 'signin', undefined],
        [2, 'request', undefined],
        [
          3,
          'request',
          {
            kind: 'delegated',
            agent: 'Research Agent',
            onBehalfOf: 'erin@example.com',
            proof: 'delegation.uid = dlg-erin-research-7; ai_agent.name = Research Agent',
          },
        ],
        [
          4,
          'request',
          {
            kind: 'delegated',
            agent: 'Research Agent',
            onBehalfOf: 'erin@example.com',
            proof: 'delegation.uid = dlg-erin-research-7; ai_agent.name = Research Agent',
          },
        ],
      ],
    },
  },
  'ocsf/ai-agent/borrowed.ndjson': {
    format: 'ocsf',
    skipped: 0,
    every: { sessionId: 'oc-sess-frank-01' },
    at: { 2: { agent: { kind: 'present', agent: 'Research Agent', proof: 'ai_agent.name = Research Agent' } } },
  },
};
