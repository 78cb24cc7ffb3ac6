import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { elementLines, fixture, readDetected } from './read-file.js';

const PAGE = fixture('github-audit/rest-array/audit-log-page.json');
const STREAM = fixture('github-audit/stream-ndjson/audit-stream.ndjson');

const ALICE_TOKEN = 'Fh3kLq9ZpR2vX8mN4bC7dW1sT6yU0aE5gJ3iO9lK2nQ=';

describe('github-audit fixtures: REST API array', () => {
  it('is detected and every event is read, citing the line each opens on', async () => {
    const { report, events } = await readDetected(PAGE);
    expect(report.format).toBe('github-audit');
    expect(report.errors).toEqual([]);
    expect(events.map((e) => [e.action, e.kind, e.outcome])).toEqual([
      ['user.login', 'signin', 'success'],
      ['personal_access_token.create', 'token', 'success'],
      ['GET /repos/acme/webapp/pulls', 'request', 'success'],
      ['GET /repos/{owner}/{repo}/contents/{path}', 'request', 'failure'],
      ['git.clone', 'other', 'unknown'],
      ['user.logout', 'signout', 'success'],
    ]);
    expect(events.map((e) => e.source.line)).toEqual(elementLines(readFileSync(PAGE, 'utf8')));
    expect(events.every((e) => e.user === 'octo-alice' && e.sessionId === undefined)).toBe(true);
  });

  it('maps the interactive sign-in', async () => {
    const [signin] = (await readDetected(PAGE)).events;
    expect(signin).toMatchObject({
      time: Date.parse('2026-03-03T09:00:05.112Z'),
      interactive: true,
      ip: '198.51.100.23',
    });
    expect(signin!.userAgent).toMatch(/Chrome\/141/);
    expect(signin!.tokenId).toBeUndefined();
  });

  it('links the token created in the browser to its later use by another client', async () => {
    const { events } = await readDetected(PAGE);
    const withToken = events.filter((e) => e.tokenId === ALICE_TOKEN);
    expect(withToken.map((e) => e.kind)).toEqual(['token', 'request', 'request', 'other']);
    expect(withToken.slice(1).map((e) => [e.ip, e.userAgent])).toEqual([
      ['203.0.113.50', 'python-httpx/0.27.2'],
      ['203.0.113.50', 'python-httpx/0.27.2'],
      ['203.0.113.50', 'git/2.47.0'],
    ]);
    expect(withToken[1]).toMatchObject({ method: 'GET', path: '/repos/acme/webapp/pulls', status: 200 });
    expect(withToken[2]).toMatchObject({ path: '/repos/{owner}/{repo}/contents/{path}', status: 404 });
  });
});

describe('github-audit fixtures: streamed NDJSON with SIEM forms and damaged lines', () => {
  it('reads the good lines and skips each bad one with its line and reason', async () => {
    const { report, events } = await readDetected(STREAM);
    expect(report.format).toBe('github-audit');
    expect(events.map((e) => [e.source.line, e.action, e.kind, e.outcome])).toEqual([
      [1, 'user.failed_login', 'signin', 'failure'],
      [2, 'user.login', 'signin', 'success'],
      [4, 'oauth_access.create', 'token', 'success'],
      [8, 'POST /repos/{owner}/{repo}/issues', 'request', 'success'],
    ]);
    expect(events.map((e) => e.time)).toEqual([
      Date.parse('2026-03-04T10:14:10.000Z'),
      Date.parse('2026-03-04T10:15:00.250Z'),
      Date.parse('2026-03-04T10:16:42.900Z'),
      Date.parse('2026-03-04T10:30:05.000Z'),
    ]);
    expect(events[2]!.tokenId).toBe(events[3]!.tokenId);
    expect(events[3]).toMatchObject({ method: 'POST', status: 201, user: 'octo-bob', ip: '203.0.113.77' });
    expect(report.errors.map((e) => e.line)).toEqual([3, 5, 6, 7, 9]);
    expect(report.errors[0]!.reason).toMatch(/^invalid JSON/);
    expect(report.errors.slice(1).map((e) => e.reason)).toEqual([
      'no readable time (@timestamp, created_at, at_sign_timestamp missing)',
      'no readable time (created_at: "2026-03-04 10:20:00000000")',
      'record is not a JSON object (null)',
      'not a GitHub audit event (no action)',
    ]);
  });
});
