import { describe, expect, it } from 'vitest';
import { agentOnHumanSession } from '../../src/rules/agent-on-human-session.js';
import { unrecognizedClientOnHumanSession as rule } from '../../src/rules/unrecognized-client-on-human-session.js';
import { ev, hits, min, request, signIn, UA } from './build.js';
import { run } from './registry-build.js';

const UNKNOWN_TOOL = 'Harbor/4.1 (build 77)';

describe('unrecognized-client-on-human-session', () => {
  it('fires low when a client no table names uses, from the same IP, a session a person started in a browser', () => {
    const found = hits(rule, [
      signIn('s1', 'bob@example.com', UA.chromeMac, '198.51.100.7'),
      request('s1', UNKNOWN_TOOL, '198.51.100.7', min(20)),
      request('s1', UNKNOWN_TOOL, '198.51.100.7', min(21)),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!).toMatchObject({ severity: 'low', count: 2 });
    expect(found[0]!.client.identity).toMatchObject({ class: 'unknown', family: 'Harbor' });
    expect(found[0]!.details.network).toBe('same-network');
    expect(found[0]!.evidence[0]!.summary).toMatch(/user.session.start/);
  });

  it('is medium when the client comes from another network than every human client', () => {
    const found = hits(rule, [
      signIn('s2', 'carol@example.com', UA.chromeWin, '203.0.113.10'),
      request('s2', UNKNOWN_TOOL, '192.0.2.55', min(90)),
    ]);
    expect(found.map((h) => [h.severity, h.details.network])).toEqual([['medium', 'other']]);
  });

  it("is medium for a crawler, which never holds a person's session", () => {
    const found = hits(rule, [
      signIn('s3', 'dan@example.com', UA.chromeMac, '198.51.100.2'),
      request('s3', UA.gptBot, '198.51.100.2', min(11)),
    ]);
    expect(found.map((h) => [h.severity, h.client.identity.class])).toEqual([['medium', 'ai-crawler']]);
    expect(found[0]!.reason).toMatch(/a crawler never holds a person's session/);
  });

  it('stays quiet for browsers and native apps on the session, and leaves automation to agent-on-human-session', () => {
    const events = [
      signIn('s4', 'erin@example.com', UA.chromeMac, '198.51.100.3'),
      request('s4', UA.chromeMac143, '198.51.100.3', min(1)),
      request('s4', UA.iosApp, '198.51.100.3', min(2)),
      request('s4', UA.pythonRequests, '198.51.100.3', min(3)),
      request('s4', UA.claudeCli, '198.51.100.3', min(4)),
    ];
    expect(hits(rule, events)).toEqual([]);
    expect(
      hits(agentOnHumanSession, events)
        .map((h) => h.client.identity.class)
        .sort(),
    ).toEqual(['ai-agent', 'http-library']);
  });

  it('stays quiet for a session no person started interactively', () => {
    const start = signIn('s5', 'fay@example.com', UA.chromeMac, '198.51.100.4');
    start.interactive = false;
    expect(hits(rule, [start, request('s5', UNKNOWN_TOOL, '198.51.100.4', min(3))])).toEqual([]);
    expect(hits(rule, [request('svc', UNKNOWN_TOOL, '10.0.0.5', min(1))])).toEqual([]);
  });

  it('leaves a declared agent to agent-on-human-session, and judges it without a registry', () => {
    const events = [
      signIn('s6', 'alice@example.com', UA.chromeWin, '198.51.100.23'),
      request('s6', 'ReportAgent/2.0', '198.51.100.23', min(30)),
    ];
    expect(run([rule], events)).toEqual([]);
    expect(run([agentOnHumanSession], events).map((h) => h.rule)).toEqual(['agent-on-human-session']);
    expect(run([rule], events, null).map((h) => h.client.identity.family)).toEqual(['ReportAgent']);
  });

  it("stays quiet for clients with no user agent of their own: none logged, or a cloud's label for itself", () => {
    const events = [
      signIn('s7', 'gus@example.com', UA.chromeMac, '198.51.100.8'),
      ev({ time: min(5), kind: 'request', action: 'GET /x', sessionId: 's7', ip: '198.51.100.8' }),
      ev({ time: min(6), kind: 'other', action: 'ListBuckets', sessionId: 's7', clientHint: { app: 'AWS Internal' } }),
    ];
    expect(hits(rule, events)).toEqual([]);
  });

  it('does not judge activity tied to the person only by user and IP, or seen only before the sign-in', () => {
    const start = { ...signIn('x', 'hal@example.com', UA.chromeMac, '198.51.100.5'), sessionId: undefined };
    const tool = { ...request(undefined, UNKNOWN_TOOL, '198.51.100.5', min(4)), user: 'hal@example.com' };
    expect(hits(rule, [start, tool])).toEqual([]);
    expect(
      hits(rule, [
        request('s8', UNKNOWN_TOOL, '198.51.100.5', min(1)),
        signIn('s8', 'hal@example.com', UA.chromeMac, '198.51.100.5', min(5)),
      ]),
    ).toEqual([]);
  });

  it('gives one finding per client whatever order the events arrive in', () => {
    const events = [
      signIn('s9', 'ivy@example.com', UA.chromeMac, '198.51.100.9'),
      ...[10, 11, 12].map((m) => request('s9', UNKNOWN_TOOL, '198.51.100.9', min(m))),
    ];
    const forward = hits(rule, events);
    const backward = hits(rule, [...events].reverse());
    expect(forward).toHaveLength(1);
    expect(backward.map((h) => [h.severity, h.count, h.firstSeen, h.evidence])).toEqual(
      forward.map((h) => [h.severity, h.count, h.firstSeen, h.evidence]),
    );
  });
});
