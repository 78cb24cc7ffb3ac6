import { describe, expect, it } from 'vitest';
import { fixture, readDetected } from './read-file.js';

const REUSED = fixture('cloudtrail/console-session-reused/cloudtrail-2026-11-02.ndjson');
const DERIVED = fixture('cloudtrail/assume-role-derived/111122223333_CloudTrail_eu-west-1_20261102T1005Z_Synthetic0001.json');
const MALFORMED = fixture('cloudtrail/malformed/cloudtrail-damaged.ndjson');
const PRETTY = fixture('cloudtrail/single-pretty/raw-sample.json');
const INVICTUS = 'cloudtrail/invictus-s3-delivery/218007301253_CloudTrail_us-east-1_20230710T12';

describe('cloudtrail fixtures: a console session reused by boto3', () => {
  it('reads the sign-in, the console session and the reuse, one event per line', async () => {
    const { report, events } = await readDetected(REUSED);
    expect(report.format).toBe('cloudtrail');
    expect(report.errors).toEqual([]);
    expect(events.map((e) => [e.source.line, e.kind, e.sessionId ?? null, e.userAgent?.split(/[/ ]/)[0] ?? e.clientHint?.app])).toEqual([
      [1, 'signin', null, 'Mozilla'],
      [2, 'signin', 'ASIAEXAMPLECONSOLE01', 'Mozilla'],
      [3, 'request', 'ASIAEXAMPLECONSOLE01', 'AWS Internal'],
      [4, 'request', 'ASIAEXAMPLECONSOLE01', 'S3Console'],
      [5, 'signin', 'ASIAEXAMPLECONSOLE01', 'Mozilla'],
      [6, 'request', 'ASIAEXAMPLECONSOLE01', 'Boto3'],
      [7, 'request', 'ASIAEXAMPLECONSOLE01', 'Boto3'],
      [8, 'request', 'ASIAEXAMPLECONSOLE01', 'Boto3'],
    ]);
    expect(events.every((e) => e.user === 'alice')).toBe(true);
  });

  it('maps the console sign-in and the first browser call of the console session', async () => {
    const [login, start] = (await readDetected(REUSED)).events;
    expect(login).toMatchObject({
      time: Date.parse('2026-11-02T09:00:03Z'),
      action: 'signin.amazonaws.com:ConsoleLogin',
      interactive: true,
      outcome: 'success',
      ip: '198.51.100.7',
    });
    expect(start).toMatchObject({
      time: Date.parse('2026-11-02T09:00:09Z'),
      action: 'ec2.amazonaws.com:DescribeInstances (console session)',
      interactive: true,
      outcome: 'success',
    });
  });

  it('maps the reuse from another network, failures included', async () => {
    const { events } = await readDetected(REUSED);
    expect(events[2]!.ip).toBeUndefined();
    expect(events.slice(5).map((e) => [e.action, e.outcome, e.ip])).toEqual([
      ['secretsmanager.amazonaws.com:ListSecrets', 'success', '203.0.113.50'],
      ['secretsmanager.amazonaws.com:GetSecretValue', 'failure', '203.0.113.50'],
      ['sts.amazonaws.com:GetCallerIdentity', 'success', '203.0.113.50'],
    ]);
  });
});

describe('cloudtrail fixtures: AssumeRole from a console session', () => {
  it('reads the S3 delivery file and hands the session off to the new key', async () => {
    const { report, events } = await readDetected(DERIVED);
    expect(report.format).toBe('cloudtrail');
    expect(report.errors).toEqual([]);
    expect(events.map((e) => [e.source.line, e.kind, e.user, e.sessionId ?? null])).toEqual([
      [2, 'signin', 'bob', null],
      [3, 'signin', 'bob', 'ASIAEXAMPLECONSOLE02'],
      [4, 'token', 'bob', 'ASIAEXAMPLEDEPLOY003'],
      [5, 'request', 'deploy/bob-deploy', 'ASIAEXAMPLEDEPLOY003'],
      [6, 'request', 'deploy/bob-deploy', 'ASIAEXAMPLEDEPLOY003'],
    ]);
    expect(events[2]).toMatchObject({
      action: 'sts.amazonaws.com:AssumeRole',
      rootSessionId: 'ASIAEXAMPLECONSOLE02',
      grantType: 'AssumeRole',
      clientHint: { app: 'AWS Internal' },
    });
    expect(events[2]!.ip).toBeUndefined();
  });
});

describe('cloudtrail fixtures: damaged NDJSON', () => {
  it('reads the good lines and skips each bad one with its line and reason', async () => {
    const { report, events } = await readDetected(MALFORMED);
    expect(report.format).toBe('cloudtrail');
    expect(events.map((e) => [e.source.line, e.kind, e.user ?? null, e.outcome])).toEqual([
      [1, 'request', 'carol', 'success'],
      [9, 'signin', 'root', 'failure'],
      [10, 'other', null, 'success'],
    ]);
    expect(events[1]!.ip).toBe('2001:db8:40::17');
    expect(events[2]!.clientHint).toEqual({ app: 'secretsmanager.amazonaws.com' });
    expect(report.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 8]);
    expect(report.errors[0]!.reason).toMatch(/^invalid JSON/);
    expect(report.errors.slice(1).map((e) => e.reason)).toEqual([
      'no readable time (eventTime missing)',
      'no readable time (eventTime: "yesterday")',
      'CloudTrail Insights event (AwsCloudTrailInsight): a summary of call rates, not a call',
      'record is not a JSON object (string)',
      'not a CloudTrail event (no eventName)',
    ]);
  });
});

describe('cloudtrail fixtures: vendor files', () => {
  it('reads a pretty-printed single event with masked ids', async () => {
    const { report, events } = await readDetected(PRETTY);
    expect(report.format).toBe('cloudtrail');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'request',
      user: 'AwsSecurityAudit/Palisade-UDD',
      sessionId: 'ASIA2***',
      action: 'es.amazonaws.com:ListDomainNames',
      time: Date.parse('2024-05-22T06:35:54Z'),
    });
    expect(events[0]!.ip).toBeUndefined();
  });

  it('reads compact S3 delivery files: console calls by AWS itself and by Firefox', async () => {
    const console = await readDetected(fixture(`${INVICTUS}30Z_GyyPwrInk2rgv8V0.json`));
    expect(console.report.format).toBe('cloudtrail');
    expect(console.events.map((e) => [e.kind, e.user, e.sessionId, e.ip, e.userAgent === undefined ? e.clientHint?.app : 'ua'])).toEqual([
      ['request', 'bert-jan', 'ASIATFQR7NSCTXHGKQOQ', '10.8.8.10', 'AWS Internal'],
      ['request', 'bert-jan', 'ASIATFQR7NSCWWGVRBA5', '10.8.8.10', 'ua'],
    ]);
    const health = await readDetected(fixture(`${INVICTUS}25Z_QqgbBkK0L13H8Wbv.json`));
    expect(health.events.map((e) => [e.action, e.ip ?? null])).toEqual([
      ['health.amazonaws.com:DescribeEventAggregates', null],
      ['rds.amazonaws.com:DescribeDBSnapshots', '192.168.10.20'],
      ['rds.amazonaws.com:DescribeDBSnapshots', '192.168.10.20'],
    ]);
  });
});
