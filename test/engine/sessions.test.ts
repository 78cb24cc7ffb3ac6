import { describe, expect, it } from 'vitest';
import { createClientClassifier } from '../../src/clients/classify.js';
import { SessionStore } from '../../src/engine/sessions.js';
import { ev, min, request, sessionsOf, signIn, UA } from '../rules/build.js';

describe('SessionStore', () => {
  it('joins identity-provider and access-log events by session id', () => {
    const [s] = sessionsOf([
      { ...signIn('102abc', 'Alice@Example.com', UA.chromeMac, '198.51.100.1'), format: 'okta' },
      { ...request('102abc', UA.chromeMac, '198.51.100.1', min(1)), format: 'access-log' },
    ]);
    expect(new Set(s!.formats)).toEqual(new Set(['okta', 'access-log']));
    expect(s!.eventCount).toBe(2);
    expect(s!.clients.size).toBe(1);
  });

  it("keeps a session's start as its client's sign-in, not a copy, and still the earliest of two clients' sign-ins", () => {
    const [s] = sessionsOf([
      signIn('102abc', 'alice@example.com', UA.chromeMac, '198.51.100.1', min(5)),
      signIn('102abc', 'alice@example.com', UA.firefoxWin, '198.51.100.2', min(1)),
    ]);
    const firefox = [...s!.clients.values()].find((c) => c.userAgent === UA.firefoxWin)!;
    const chrome = [...s!.clients.values()].find((c) => c.userAgent === UA.chromeMac)!;
    expect(s!.start!.evidence).toBe(firefox.signIn);
    expect(s!.start!.time).toBe(min(1));
    expect(s!.start!.evidence.summary).toBe('user.session.start (success) from 198.51.100.2');
    expect(chrome.signIn!.time).toBe(min(5));
  });

  it('compares user names case-insensitively and keeps the first spelling for display', () => {
    const [s] = sessionsOf([
      signIn('s', 'Alice@Example.com', UA.chromeMac, '198.51.100.1'),
      ev({ time: min(1), sessionId: 's', user: 'alice@example.com' }),
    ]);
    expect([...s!.users]).toEqual(['alice@example.com']);
    expect(s!.user).toBe('Alice@Example.com');
  });

  it('keeps a derived session separate from its root and links it', () => {
    const sessions = sessionsOf([
      signIn('root', 'frank@example.com', UA.chromeMac, '198.51.100.1'),
      ev({
        time: min(5),
        kind: 'token',
        action: 'app.oauth2.as.token.grant.access_token',
        sessionId: 'derived',
        rootSessionId: 'root',
        grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
      }),
    ]);
    const derived = sessions.find((s) => s.id === 'derived')!;
    expect(sessions).toHaveLength(2);
    expect(derived.parentId).toBe('root');
    expect(derived.grantType).toMatch(/token-exchange/);
    expect(derived.start).toBeUndefined();
  });

  it('knows how a session began: its earliest successful sign-in, whatever the read order', () => {
    const late = { ...signIn('s', 'a@example.com', UA.iosApp, '198.51.100.1', min(30)), interactive: false };
    const early = signIn('s', 'a@example.com', UA.chromeMac, '198.51.100.1', min(0));
    const failed = { ...signIn('s', 'a@example.com', UA.firefoxWin, '198.51.100.1', min(-5)), outcome: 'failure' as const };
    for (const order of [
      [late, early, failed],
      [failed, early, late],
    ]) {
      const [s] = sessionsOf(order);
      expect(s!.start!.interactive).toBe(true);
      expect(s!.start!.clientKey).toMatch(/^browser:chrome/);
    }
  });

  it('groups events without a session id by format, user and IP, and marks them inferred', () => {
    const sessions = sessionsOf([
      request(undefined, UA.chromeMac, '198.51.100.1', min(1)),
      request(undefined, UA.chromeMac, '198.51.100.1', min(2)),
      request(undefined, UA.chromeMac, '198.51.100.2', min(3)),
    ]);
    expect(sessions.map((s) => [s.correlation, s.eventCount])).toEqual([
      ['inferred', 2],
      ['inferred', 1],
    ]);
  });

  it('keeps a bounded number of evidence events per client', () => {
    const events = [signIn('s', 'a@example.com', UA.chromeMac, '198.51.100.1')];
    for (let i = 0; i < 100; i++) events.push(request('s', UA.pythonRequests, '198.51.100.1', min(100 - i)));
    const [s] = sessionsOf(events);
    const py = [...s!.clients.values()].find((c) => c.identity.class === 'http-library')!;
    expect(py.evidence).toHaveLength(5);
    expect(py.evidence.map((e) => e.time)).toEqual([min(1), min(2), min(3), min(4), min(5)]);
    expect(py.count).toBe(100);
  });

  it('keeps every request sample of a browser client, however small the input said it was', () => {
    const small = new SessionStore(createClientClassifier(), 10);
    for (let i = 0; i < 20_000; i++) small.add(request('s', UA.chromeMac, '198.51.100.1', i * 1000, `/p/${i}`));
    expect(small.samples.size).toBe(20_000);
  });
});
