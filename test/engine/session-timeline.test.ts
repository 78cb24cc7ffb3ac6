import { describe, expect, it } from 'vitest';
import { createClientClassifier } from '../../src/clients/classify.js';
import { MAX_LANES, sessionTimeline } from '../../src/engine/session-timeline.js';
import { SessionStore } from '../../src/engine/sessions.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { ev, min, request, signIn, UA } from '../rules/build.js';

function timelineOf(events: NormalizedEvent[], focusUa?: string) {
  const store = new SessionStore(createClientClassifier());
  for (const e of events) store.add(e);
  const session = [...store.sessions.values()][0]!;
  const focus = focusUa ? [...session.clients.values()].find((c) => c.userAgent === focusUa)!.identity.key : undefined;
  return sessionTimeline(session, store.activity, undefined, focus);
}

const borrowed = [
  signIn('s', 'carol@example.com', UA.chromeWin, '198.51.100.7', min(0)),
  request('s', UA.chromeWin, '198.51.100.7', min(1)),
  ...Array.from({ length: 30 }, (_, k) => request('s', UA.pythonRequests, '203.0.113.77', min(300) + k * 2000)),
  ev({ time: min(540), kind: 'signout', action: 'user.session.end', sessionId: 's', userAgent: UA.chromeWin, ip: '198.51.100.7' }),
];

describe('the timeline of a session', () => {
  it('has a lane per client, the one that signed in first, the finding client as focus, sign-in and sign-out', () => {
    const t = timelineOf(borrowed, UA.pythonRequests);
    expect(t.lanes.map((l) => [l.label, l.role, l.count])).toEqual([
      ['Chrome on Windows', 'human', 3],
      ['python-requests', 'automation', 30],
    ]);
    expect(t.focus).toBe(1);
    expect(t.signIn).toEqual({ time: new Date(min(0)).toISOString(), lane: 0, interactive: true });
    expect(t.signOut).toBe(new Date(min(540)).toISOString());
    const script = t.lanes[1]!;
    expect(script.networks).toEqual([{ network: '203.0.113.0/24', firstSeen: new Date(min(300)).toISOString() }]);
    // 30 requests 2 s apart span 58 s: too many 1-second buckets, so 2-second ones, one request in each.
    expect(script.buckets).toEqual({ start: new Date(min(300)).toISOString(), widthMs: 2000, counts: Array(30).fill(1) });
  });

  it('is the same whatever order the events arrive in', () => {
    const reversed = [...borrowed].reverse();
    const shuffled = borrowed.filter((_, i) => i % 2 === 0).concat(borrowed.filter((_, i) => i % 2 === 1));
    const a = timelineOf(borrowed, UA.pythonRequests);
    expect(timelineOf(reversed, UA.pythonRequests)).toEqual(a);
    expect(timelineOf(shuffled, UA.pythonRequests)).toEqual(a);
  });

  it('shows where a client changed network, at the time it first used the new one', () => {
    const t = timelineOf([
      signIn('s', 'henry@example.com', UA.chromeMac, '198.51.100.9', min(0)),
      request('s', UA.chromeMac, '198.51.100.9', min(10)),
      request('s', UA.chromeMac, '100.66.40.7', min(200)),
      request('s', UA.chromeMac, '100.66.40.7', min(230)),
    ]);
    expect(t.lanes[0]!.networks).toEqual([
      { network: '198.51.100.0/24', firstSeen: new Date(min(0)).toISOString() },
      { network: '100.66.40.0/24', firstSeen: new Date(min(200)).toISOString() },
    ]);
  });

  it(`draws at most ${MAX_LANES} lanes, always with the finding's client, and counts the rest`, () => {
    const many = [signIn('s', 'a@example.com', UA.chromeMac, '198.51.100.1', min(0))];
    for (let k = 0; k < 20; k++) many.push(request('s', `Tool${k}/1.0`, '203.0.113.1', min(10 + k)));
    const t = timelineOf(many, 'Tool19/1.0');
    expect(t.lanes).toHaveLength(MAX_LANES);
    expect(t.lanesNotShown).toBe(21 - MAX_LANES);
    expect(t.lanes[t.focus!]!.userAgent).toBe('Tool19/1.0');
    expect(t.lanes[0]!.label).toBe('Chrome on macOS');
  });

  it('keeps a bounded picture of a busy client: 32 buckets and 4 networks whatever the events', () => {
    const events = [signIn('s', 'a@example.com', UA.chromeMac, '198.51.100.1', min(0))];
    for (let k = 0; k < 20_000; k++) events.push(request('s', UA.pythonRequests, `203.0.${k % 10}.1`, min(k % 5000) + k));
    const lane = timelineOf(events).lanes[1]!;
    expect(lane.count).toBe(20_000);
    expect(lane.buckets.counts.length).toBeLessThanOrEqual(32);
    expect(lane.buckets.counts.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(lane.networks).toHaveLength(4);
  });
});
