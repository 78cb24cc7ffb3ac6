import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { elementLines, fixture, readDetected } from './read-file.js';

const PAGE = fixture('google-workspace/api-page/activities-page.json');
const ELASTIC = fixture('google-workspace/elastic-ndjson/login-activities.ndjson');
const PANTHER = fixture('google-workspace/panther-flat/gsuite-events.ndjson');

describe('google-workspace fixtures: API page', () => {
  it('is detected, unwrapped from items, and every activity is read at the line it opens on', async () => {
    const { report, events } = await readDetected(PAGE);
    expect(report.format).toBe('google-workspace');
    expect(report.errors).toEqual([]);
    expect(events.map((e) => [e.action, e.kind])).toEqual([
      ['login_success', 'signin'],
      ['authorize', 'token'],
      ['login_success', 'signin'],
      ['create_event', 'other'],
      ['CHANGE_SESSION_LENGTH', 'other'],
      ['view', 'other'],
      ['logout', 'signout'],
    ]);
    expect(events.map((e) => e.source.line)).toEqual(elementLines(readFileSync(PAGE, 'utf8'), 4));
  });

  it('maps the interactive sign-in of a two-event activity', async () => {
    const [signin] = (await readDetected(PAGE)).events;
    expect(signin).toMatchObject({
      time: Date.parse('2026-03-03T09:00:05.112Z'),
      format: 'google-workspace',
      outcome: 'success',
      interactive: true,
      user: 'alice@example.com',
      ip: '198.51.100.23',
    });
    expect(signin!.sessionId).toBeUndefined();
    expect(signin!.userAgent).toBeUndefined();
  });

  it('maps the OAuth grant, the programmatic sign-in and the API calendar change', async () => {
    const [, grant, exchange, calendar, , , logout] = (await readDetected(PAGE)).events;
    expect(grant).toMatchObject({
      clientId: '831204877215-agentrunner.apps.googleusercontent.com',
      clientHint: { app: 'Acme Agent Runner' },
      user: 'alice@example.com',
      ip: '203.0.113.50',
    });
    expect(exchange).toMatchObject({ interactive: false, ip: '203.0.113.50' });
    expect(calendar!.userAgent).toBe('google-api-python-client/2.149.0 (gzip)');
    expect(logout!.time).toBe(Date.parse('2026-03-03T17:30:00Z'));
  });
});

describe('google-workspace fixtures: Elastic NDJSON with damaged lines', () => {
  it('reads the good lines and skips each bad one with its line and reason', async () => {
    const { report, events } = await readDetected(ELASTIC);
    expect(report.format).toBe('google-workspace');
    expect(events.map((e) => [e.source.line, e.action, e.kind, e.outcome])).toEqual([
      [1, 'login_failure', 'signin', 'failure'],
      [3, 'login_success', 'signin', 'success'],
      [8, 'login_challenge', 'other', 'failure'],
      [9, 'logout', 'signout', 'success'],
    ]);
    expect(events.every((e) => e.user === 'carol@example.com' && e.ip === '192.0.2.44')).toBe(true);
    expect(events[0]!.interactive).toBe(true);
    expect(events[1]!.time).toBe(Date.parse('2026-03-04T10:15:00.250Z'));
    expect(report.errors.map((e) => e.line)).toEqual([2, 4, 5, 6, 7]);
    expect(report.errors[0]!.reason).toMatch(/^invalid JSON/);
    expect(report.errors.slice(1).map((e) => e.reason)).toEqual([
      'record is not a JSON object (string)',
      'no readable time (id.time missing)',
      'no readable time (id.time: "yesterday")',
      'activity has no event (events: [])',
    ]);
  });
});

describe('google-workspace fixtures: Panther flattened layout', () => {
  it('reads name, type and parameter maps from the activity itself', async () => {
    const { report, events } = await readDetected(PANTHER);
    expect(report.format).toBe('google-workspace');
    expect(events.map((e) => [e.source.line, e.action, e.kind])).toEqual([
      [1, 'login_success', 'signin'],
      [2, 'authorize', 'token'],
      [3, 'change_event_guest_response', 'other'],
    ]);
    expect(events[0]).toMatchObject({ time: Date.parse('2026-03-05T08:01:12.345Z'), interactive: true, user: 'dave@example.com' });
    expect(events[1]).toMatchObject({
      clientId: '552019384410-notesbot.apps.googleusercontent.com',
      clientHint: { app: 'Meeting Notes Bot' },
    });
    expect(events[2]!.userAgent).toBe('NotesBot/3.2 (+https://notesbot.example.net)');
    expect(report.errors).toEqual([
      { line: 4, reason: 'no readable time (id.time missing)' },
      { line: 5, reason: 'activity has no event (no events, name or type)' },
    ]);
  });
});
