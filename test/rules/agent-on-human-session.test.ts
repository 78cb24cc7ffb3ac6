import { describe, expect, it } from 'vitest';
import { agentOnHumanSession as rule } from '../../src/rules/agent-on-human-session.js';
import { ev, hits, min, request, signIn, UA } from './build.js';

describe('agent-on-human-session', () => {
  it('fires high when an agent on the same IP uses a session a person started in a browser', () => {
    const found = hits(rule, [
      signIn('s1', 'bob@example.com', UA.chromeMac, '198.51.100.7'),
      request('s1', UA.chromeMac, '198.51.100.7', min(1)),
      request('s1', UA.claudeCli, '198.51.100.7', min(40)),
      request('s1', UA.claudeCli, '198.51.100.7', min(41)),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('high');
    expect(found[0]!.client.identity.class).toBe('ai-agent');
    expect(found[0]!.count).toBe(2);
    expect(found[0]!.details.network).toBe('same-ip');
    expect(found[0]!.evidence[0]!.summary).toMatch(/user.session.start/);
  });

  it('is critical when the automation comes from another network', () => {
    const found = hits(rule, [
      signIn('s2', 'carol@example.com', UA.chromeWin, '203.0.113.10'),
      request('s2', UA.pythonRequests, '192.0.2.55', min(90)),
    ]);
    expect(found.map((h) => h.severity)).toEqual(['critical']);
    expect(found[0]!.details.automationIps).toEqual(['192.0.2.55']);
  });

  it('gives one finding per automation client, not per event', () => {
    const events = [signIn('s3', 'a@example.com', UA.safariMac, '198.51.100.1')];
    for (let i = 0; i < 10; i++) events.push(request('s3', UA.pythonRequests, '198.51.100.1', min(5 + i)));
    events.push(request('s3', UA.headless, '198.51.100.1', min(30)));
    const found = hits(rule, events);
    expect(found.map((h) => h.client.identity.class).sort()).toEqual(['headless-browser', 'http-library']);
  });

  it('stays quiet for a session no person started interactively (a service account, a derived session)', () => {
    expect(
      hits(rule, [
        request('svc', UA.pythonRequests, '10.0.0.5', min(1)),
        ev({
          time: min(0),
          kind: 'token',
          action: 'app.oauth2.as.token.grant.access_token',
          sessionId: 'derived',
          rootSessionId: 's1',
          userAgent: UA.pythonRequests,
        }),
        request('derived', UA.pythonRequests, '10.0.0.5', min(2)),
      ]),
    ).toEqual([]);
  });

  it('stays quiet when only human clients use the session, and ignores AI crawlers', () => {
    expect(
      hits(rule, [
        signIn('s4', 'd@example.com', UA.chromeMac, '198.51.100.2'),
        request('s4', UA.chromeMac143, '198.51.100.2', min(10)),
        request('s4', UA.gptBot, '198.51.100.2', min(11)),
      ]),
    ).toEqual([]);
  });

  it('stays quiet when the session began with a non-interactive sign-in', () => {
    const start = signIn('s5', 'e@example.com', UA.chromeMac, '198.51.100.3');
    start.interactive = false;
    expect(hits(rule, [start, request('s5', UA.pythonRequests, '198.51.100.3', min(3))])).toEqual([]);
  });

  it('does not judge activity grouped only by user and IP (no session or token id)', () => {
    const start = { ...signIn('x', 'g@example.com', UA.chromeMac, '198.51.100.5'), sessionId: undefined };
    const script = { ...request(undefined, UA.pythonRequests, '198.51.100.5', min(4)), user: 'g@example.com' };
    expect(hits(rule, [start, script])).toEqual([]);
  });

  it('does not depend on the order events arrive in', () => {
    const events = [
      signIn('s6', 'f@example.com', UA.chromeMac, '198.51.100.4'),
      request('s6', UA.pythonRequests, '198.51.100.4', min(5)),
      request('s6', UA.pythonRequests, '198.51.100.4', min(6)),
    ];
    const forward = hits(rule, events);
    const backward = hits(rule, [...events].reverse());
    expect(backward.map((h) => [h.severity, h.count, h.firstSeen, h.evidence])).toEqual(
      forward.map((h) => [h.severity, h.count, h.firstSeen, h.evidence]),
    );
  });
});
