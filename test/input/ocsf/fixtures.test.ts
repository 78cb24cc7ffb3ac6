import { describe, expect, it } from 'vitest';
import { fixture, readDetected } from '../cloudtrail/read-file.js';

const LAKE = fixture('ocsf/security-lake-cloudtrail/security-lake-2026-11-02.ndjson');
const MIXED = fixture('ocsf/mixed-classes-array/ocsf-export.json');

describe('ocsf fixtures: Security Lake events from CloudTrail', () => {
  it('reads the console sign-in, the console session and its reuse', async () => {
    const { report, events } = await readDetected(LAKE);
    expect(report.format).toBe('ocsf');
    expect(report.errors).toEqual([]);
    expect(events.map((e) => [e.source.line, e.kind, e.action, e.sessionId ?? null, e.outcome, e.ip ?? null])).toEqual([
      [1, 'signin', 'ConsoleLogin', null, 'success', '198.51.100.30'],
      [2, 'signin', 'DescribeInstances (console session)', 'ASIAEXAMPLECONSOLE07', 'success', '198.51.100.30'],
      [3, 'request', 'DescribeEventAggregates', 'ASIAEXAMPLECONSOLE07', 'success', null],
      [4, 'request', 'GetSecretValue', 'ASIAEXAMPLECONSOLE07', 'failure', '203.0.113.61'],
    ]);
    expect(events.every((e) => e.user === 'dana')).toBe(true);
    expect(events[0]).toMatchObject({ interactive: true, time: Date.parse('2026-11-02T11:00:00Z') });
    expect(events[2]).toMatchObject({ clientHint: { app: 'AWS Internal' } });
    expect(events[2]!.userAgent).toBeUndefined();
    expect(events[3]!.userAgent).toMatch(/^Boto3\//);
  });
});

describe('ocsf fixtures: a pretty-printed array of several classes', () => {
  it('reads what it can, citing the line each record opens on, and skips the rest with a reason', async () => {
    const { report, events } = await readDetected(MIXED);
    expect(report.format).toBe('ocsf');
    expect(events.map((e) => [e.source.line, e.kind, e.action])).toEqual([
      [2, 'signin', 'Authentication'],
      [43, 'request', 'GET /api/v1/users/me'],
      [83, 'signout', 'Authentication'],
    ]);
    expect(events[0]).toMatchObject({
      interactive: false,
      user: 'erin@example.com',
      sessionId: '102EXAMPLEsessionErin',
      userAgent: 'python-requests/2.32.3',
      time: Date.parse('2026-11-02T11:00:00Z'),
    });
    expect(events[1]).toMatchObject({
      time: Date.parse('2026-11-02T11:02:05.250Z'),
      status: 403,
      outcome: 'failure',
      clientId: '0oaEXAMPLEclient',
      ip: '2001:db8::10',
      sessionId: '102EXAMPLEsessionErin',
    });
    expect(report.errors).toEqual([
      { line: 107, reason: 'OCSF class 4001 (Network Activity) is not read' },
      { line: 123, reason: 'no readable time (time: "tomorrow", time_dt missing)' },
      { line: 139, reason: 'not an OCSF event (class_uid missing)' },
    ]);
  });
});
