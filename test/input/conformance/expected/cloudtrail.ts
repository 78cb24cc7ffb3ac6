import { expect } from 'vitest';
import type { NormalizedEvent } from '../../../../src/model/event.js';
import type { Expectations } from '../support/expectation.js';

const ASIA = expect.stringMatching(/^ASIA/);
const BROWSER = expect.stringMatching(/^Mozilla\//);
const BOTO = expect.stringMatching(/^Boto3\//);

/** An AssumeRole hands its new key to later calls: some request is signed with a key a hand-off issued. */
function handedOffKeysAreUsed(events: readonly NormalizedEvent[]): void {
  const issued = new Set(events.filter((e) => e.kind === 'token' && e.rootSessionId !== undefined).map((e) => e.sessionId));
  expect(issued.size).toBeGreaterThan(0);
  expect(events.some((e) => e.kind === 'request' && issued.has(e.sessionId))).toBe(true);
}

export const corpus: Expectations = {
  // None of the vendor-shaped files has a record that must be skipped.
  'cloudtrail/crowdsec-hub_aws-bf.log': { format: 'cloudtrail', events: 6, skipped: 0 },
  'cloudtrail/crowdsec-hub_aws-cloudtrail-postexploit.log': { format: 'cloudtrail', events: 4, skipped: 0 },
  'cloudtrail/crowdsec-hub_aws-cloudtrail.log': { format: 'cloudtrail', events: 2, skipped: 0 },
  'cloudtrail/crowdsec-hub_aws-nwo-login.log': { format: 'cloudtrail', events: 1, skipped: 0 },
  'cloudtrail/opensearch-catalog_aws_cloudtrail_raw-sample.json': { format: 'cloudtrail', events: 1, skipped: 0 },
  // The S3 delivery files: 2,900 events, none skipped.
  'cloudtrail/invictus-aws_dataset/': {
    group: true,
    files: 55,
    each: { format: 'cloudtrail', skipped: 0 },
    events: 2900,
    // signin: 2 ConsoleLogin + 5 console-session browser calls; other: 42 AwsServiceEvent + 1 CheckMfa.
    kinds: { request: 2801, token: 49, other: 43, signin: 7 },
    where: [
      {
        name: 'browser calls that start console sessions',
        select: { action: expect.stringMatching(/\(console session\)$/) },
        events: 5,
        every: { interactive: true, userAgent: expect.stringMatching(/Firefox\/102\.0/), sessionId: ASIA },
      },
      {
        name: "AWS's own calls, which are not a person's program",
        select: { clientHint: { app: 'AWS Internal' } },
        events: 418,
        every: { userAgent: undefined },
      },
      {
        name: 'AssumeRole hand-offs to a new key',
        select: { kind: 'token', outcome: 'success' },
        events: 36,
        every: { grantType: 'AssumeRole', sessionId: ASIA },
        where: [
          {
            name: 'derived from the caller key',
            select: { rootSessionId: expect.any(String) },
            events: 10,
            every: { rootSessionId: 'AKIATFQR7NSC8Q4X20BJ', user: 'bert-jan' },
          },
        ],
      },
    ],
    check: { name: 'the keys AssumeRole hands off sign later requests', run: handedOffKeysAreUsed },
  },
  // Panther's test events: times missing or redacted in 26 of them.
  'siem-normalized/cloudtrail__panther-analysis_aws-cloudtrail-rules_test-events.ndjson': {
    format: 'cloudtrail',
    events: 415,
    skipped: 26,
    skips: /^no readable time \(eventTime( missing|: "redacted"|: "\.\.\.")\)$/,
  },
};

const BOTO_ROWS = [
  'secretsmanager.amazonaws.com:ListSecrets',
  'secretsmanager.amazonaws.com:GetSecretValue',
  'sts.amazonaws.com:GetCallerIdentity',
];

export const fixtures: Expectations = {
  // A console session reused by boto3: the sign-in, the console session and the reuse, one event per line.
  'cloudtrail/console-session-reused/cloudtrail-2026-11-02.ndjson': {
    format: 'cloudtrail',
    skipped: 0,
    table: {
      columns: ['line', 'kind', 'sessionId', 'userAgent', 'clientHint'],
      rows: [
        [1, 'signin', undefined, BROWSER, undefined],
        [2, 'signin', 'ASIAEXAMPLECONSOLE01', BROWSER, undefined],
        [3, 'request', 'ASIAEXAMPLECONSOLE01', undefined, { app: 'AWS Internal' }],
        [4, 'request', 'ASIAEXAMPLECONSOLE01', undefined, { app: 'S3Console' }],
        [5, 'signin', 'ASIAEXAMPLECONSOLE01', BROWSER, undefined],
        [6, 'request', 'ASIAEXAMPLECONSOLE01', BOTO, undefined],
        [7, 'request', 'ASIAEXAMPLECONSOLE01', BOTO, undefined],
        [8, 'request', 'ASIAEXAMPLECONSOLE01', BOTO, undefined],
      ],
    },
    every: { user: 'alice' },
    at: {
      0: {
        time: Date.parse('2026-11-02T09:00:03Z'),
        action: 'signin.amazonaws.com:ConsoleLogin',
        interactive: true,
        outcome: 'success',
        ip: '198.51.100.7',
      },
      1: {
        time: Date.parse('2026-11-02T09:00:09Z'),
        action: 'ec2.amazonaws.com:DescribeInstances (console session)',
        interactive: true,
        outcome: 'success',
      },
      2: { ip: undefined },
      // The reuse from another network, failures included.
      5: { action: BOTO_ROWS[0], outcome: 'success', ip: '203.0.113.50' },
      6: { action: BOTO_ROWS[1], outcome: 'failure', ip: '203.0.113.50' },
      7: { action: BOTO_ROWS[2], outcome: 'success', ip: '203.0.113.50' },
    },
  },
  // AssumeRole from a console session: the S3 delivery file hands the session off to the new key.
  'cloudtrail/assume-role-derived/111122223333_CloudTrail_eu-west-1_20261102T1005Z_Synthetic0001.json': {
    format: 'cloudtrail',
    skipped: 0,
    table: {
      columns: ['line', 'kind', 'user', 'sessionId'],
      rows: [
        [2, 'signin', 'bob', undefined],
        [3, 'signin', 'bob', 'ASIAEXAMPLECONSOLE02'],
        [4, 'token', 'bob', 'ASIAEXAMPLEDEPLOY003'],
        [5, 'request', 'deploy/bob-deploy', 'ASIAEXAMPLEDEPLOY003'],
        [6, 'request', 'deploy/bob-deploy', 'ASIAEXAMPLEDEPLOY003'],
      ],
    },
    at: {
      2: {
        action: 'sts.amazonaws.com:AssumeRole',
        rootSessionId: 'ASIAEXAMPLECONSOLE02',
        grantType: 'AssumeRole',
        clientHint: { app: 'AWS Internal' },
        ip: undefined,
      },
    },
  },
  'cloudtrail/malformed/cloudtrail-damaged.ndjson': {
    format: 'cloudtrail',
    table: {
      columns: ['line', 'kind', 'user', 'outcome'],
      rows: [
        [1, 'request', 'carol', 'success'],
        [9, 'signin', 'root', 'failure'],
        [10, 'other', undefined, 'success'],
      ],
    },
    at: { 1: { ip: '2001:db8:40::17' } },
    where: [
      {
        name: 'the service event',
        select: { line: 10 },
        table: { columns: ['clientHint'], rows: [[{ app: 'secretsmanager.amazonaws.com' }]] },
      },
    ],
    skips: {
      2: /^invalid JSON/,
      3: 'no readable time (eventTime missing)',
      4: 'no readable time (eventTime: "yesterday")',
      5: 'CloudTrail Insights event (AwsCloudTrailInsight): a summary of call rates, not a call',
      6: 'record is not a JSON object (string)',
      8: 'not a CloudTrail event (no eventName)',
    },
  },
  // A pretty-printed single event with masked ids.
  'cloudtrail/single-pretty/raw-sample.json': {
    format: 'cloudtrail',
    events: 1,
    at: {
      0: {
        kind: 'request',
        user: 'AwsSecurityAudit/Palisade-UDD',
        sessionId: 'ASIA2***',
        action: 'es.amazonaws.com:ListDomainNames',
        time: Date.parse('2024-05-22T06:35:54Z'),
        ip: undefined,
      },
    },
  },
  // Compact S3 delivery files: console calls by AWS itself and by Firefox.
  'cloudtrail/invictus-s3-delivery/218007301253_CloudTrail_us-east-1_20230710T1230Z_GyyPwrInk2rgv8V0.json': {
    format: 'cloudtrail',
    table: {
      columns: ['kind', 'user', 'sessionId', 'ip', 'userAgent', 'clientHint'],
      rows: [
        ['request', 'bert-jan', 'ASIATFQR7NSCTXHGKQOQ', '10.8.8.10', undefined, { app: 'AWS Internal' }],
        ['request', 'bert-jan', 'ASIATFQR7NSCWWGVRBA5', '10.8.8.10', expect.stringMatching(/Firefox/), undefined],
      ],
    },
  },
  'cloudtrail/invictus-s3-delivery/218007301253_CloudTrail_us-east-1_20230710T1225Z_QqgbBkK0L13H8Wbv.json': {
    format: 'cloudtrail',
    table: {
      columns: ['action', 'ip'],
      rows: [
        ['health.amazonaws.com:DescribeEventAggregates', undefined],
        ['rds.amazonaws.com:DescribeDBSnapshots', '192.168.10.20'],
        ['rds.amazonaws.com:DescribeDBSnapshots', '192.168.10.20'],
      ],
    },
  },

  // Bedrock AgentCore: a workload token for alice and Gateway MCP calls; MCP calls on bob's console key.
  'cloudtrail/agentcore/done-right.ndjson': {
    format: 'cloudtrail',
    skipped: 0,
    table: {
      columns: ['line', 'kind', 'sessionId', 'headers'],
      rows: [
        [1, 'signin', undefined, undefined],
        [2, 'signin', 'ASIAEXAMPLECONSOLE11', undefined],
        [3, 'token', 'ASIAEXAMPLEAGENTRT01', undefined],
        [4, 'request', 'ASIAEXAMPLEAGENTRT01', { mcpMethod: 'tools/call', mcpName: 'search_tickets' }],
        [5, 'request', 'ASIAEXAMPLEAGENTRT01', { mcpMethod: 'tools/call', mcpName: 'get_ticket' }],
      ],
    },
    at: { 2: { grantType: 'GetWorkloadAccessTokenForUserId', agent: { kind: 'delegated', agent: 'ticket-agent', onBehalfOf: 'alice' } } },
  },
  'cloudtrail/agentcore/borrowed.ndjson': {
    format: 'cloudtrail',
    skipped: 0,
    at: { 2: { sessionId: 'ASIAEXAMPLECONSOLE12', headers: { mcpMethod: 'tools/call', mcpName: 'search_tickets' }, agent: undefined } },
  },
};
