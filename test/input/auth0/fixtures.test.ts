import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { elementLines, fixture, readDetected } from './read-file.js';

const PAGE = fixture('auth0/management-api/logs-page.json');
const STREAM = fixture('auth0/log-streams/stream.ndjson');
const SENTINEL = fixture('auth0/sentinel-flat/Auth0AM_CL-export.json');

const ALICE_SESSION = 'Zq8vK3nT0bW5yR2mL7cX1pH9sD4fG6jA';
const DAVE_SESSION = 'mR4tY8uI2oP6aS0dF3gH7jK1lZ5xC9vB';

describe('auth0 fixtures: Management API array', () => {
  it('is detected and every log is read, citing the line each opens on', async () => {
    const { report, events } = await readDetected(PAGE);
    expect(report.format).toBe('auth0');
    expect(report.errors).toEqual([]);
    expect(events.map((e) => [e.action, e.kind, e.outcome])).toEqual([
      ['s', 'signin', 'success'],
      ['sertft', 'token', 'success'],
      ['PATCH /api/v2/users/auth0%7C65f0c1d2e3f4a5b6c7d8e9f0', 'request', 'success'],
      ['seccft', 'token', 'success'],
      ['fp', 'signin', 'failure'],
      ['slo', 'signout', 'success'],
    ]);
    expect(events.map((e) => e.source.line)).toEqual(elementLines(readFileSync(PAGE, 'utf8')));
  });

  it('maps the interactive sign-in and ties the refresh-token exchange to its session', async () => {
    const [signin, refresh] = (await readDetected(PAGE)).events;
    expect(signin).toMatchObject({
      time: Date.parse('2026-03-03T09:00:05.112Z'),
      interactive: true,
      user: 'alice@example.com',
      sessionId: ALICE_SESSION,
      clientId: 'aBcD1234PortalWebClient00000000',
      ip: '198.51.100.23',
      clientHint: { browser: 'Chrome 141.0.0', os: 'Mac OS X 10.15.7' },
    });
    expect(signin!.userAgent).toBeUndefined();
    expect(refresh).toMatchObject({
      user: 'alice@example.com',
      sessionId: ALICE_SESSION,
      clientId: 'zYx9AgentCliClient0000000000000',
      grantType: 'refresh_token',
      ip: '203.0.113.50',
    });
    expect(refresh!.clientHint).toBeUndefined();
    expect(refresh!.interactive).toBeUndefined();
  });

  it('maps the Management API call with its token, raw user agent and request', async () => {
    const call = (await readDetected(PAGE)).events[2]!;
    expect(call).toMatchObject({
      user: 'auth0|65f0c1d2e3f4a5b6c7d8e9f0',
      tokenId: '7c2f9e0a41b3d58e6f1a2b3c4d5e6f70',
      clientId: 'zYx9AgentCliClient0000000000000',
      userAgent: 'python-httpx/0.27.2',
      method: 'PATCH',
      path: '/api/v2/users/auth0%7C65f0c1d2e3f4a5b6c7d8e9f0',
      status: 200,
    });
    expect(call.sessionId).toBeUndefined();
  });

  it('gives the machine token no user, and the failed sign-in its user name', async () => {
    const [, , , machine, failed, signout] = (await readDetected(PAGE)).events;
    expect(machine).toMatchObject({
      clientId: 'M2mNightlyReportJob000000000000',
      grantType: 'client_credentials',
      clientHint: { browser: 'Node.js 20.11.0' },
    });
    expect(machine!.user).toBeUndefined();
    expect(failed).toMatchObject({
      user: 'bob@example.com',
      interactive: true,
      clientHint: { browser: 'Firefox 133.0.0', os: 'Windows 10.0.0' },
    });
    expect(signout).toMatchObject({ sessionId: ALICE_SESSION, time: Date.parse('2026-03-03T17:30:00.000Z') });
  });
});

describe('auth0 fixtures: Log Streams NDJSON', () => {
  it('reads each envelope, and skips each bad line with its line and reason', async () => {
    const { report, events } = await readDetected(STREAM);
    expect(report.format).toBe('auth0');
    expect(events.map((e) => [e.source.line, e.action, e.kind, e.outcome])).toEqual([
      [1, 's', 'signin', 'success'],
      [2, 'ssa', 'other', 'success'],
      [6, 'DELETE /api/v2/connections/con_Q7dWm2PzX1yV8kLr', 'request', 'failure'],
      [7, 'slo', 'signout', 'success'],
    ]);
    expect(events.filter((e) => e.sessionId === DAVE_SESSION).map((e) => e.source.line)).toEqual([1, 2, 7]);
    expect(events[2]).toMatchObject({
      status: 403,
      tokenId: '0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a',
      user: 'google-oauth2|109876543210987654321',
    });
    expect(events[2]!.userAgent).toMatch(/^node-fetch/);
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(report.errors[0]!.reason).toMatch(/^invalid JSON/);
    expect(report.errors.slice(1).map((e) => e.reason)).toEqual([
      'no readable time (data.date missing)',
      'not an Auth0 log (no data.type)',
    ]);
  });
});

describe('auth0 fixtures: Sentinel flattened export', () => {
  it('reads flattened request keys', async () => {
    const { report, events } = await readDetected(SENTINEL);
    expect(report.format).toBe('auth0');
    expect(report.errors).toEqual([]);
    expect(events.map((e) => e.source.line)).toEqual(elementLines(readFileSync(SENTINEL, 'utf8'), 3));
    const [token, call] = events;
    expect(token).toMatchObject({ kind: 'token', grantType: 'client_credentials' });
    expect(call).toMatchObject({
      kind: 'request',
      action: 'PATCH /api/v2/users/auth0|65f0aaaabbbbccccddddeeee',
      status: 200,
      tokenId: '5b4a39281706f5e4d3c2b1a0f9e8d7c6',
      userAgent: 'node.js/20.11.0',
      clientId: 'M2mNightlyReportJob000000000000',
    });
    expect(call!.user).toBeUndefined();
  });
});
