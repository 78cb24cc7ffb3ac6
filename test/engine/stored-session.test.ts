import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClientClassifier } from '../../src/clients/classify.js';
import { joinSessions } from '../../src/engine/join.js';
import { SessionStore } from '../../src/engine/sessions.js';
import { min, request, UA } from '../rules/build.js';

const AGENTS = [UA.chromeMac, UA.firefoxWin, UA.pythonRequests, UA.claudeCli];

interface StoredEvent {
  minute: number;
  agent: number;
  byToken: boolean;
}

const storedEvent = fc.record({
  minute: fc.integer({ min: 0, max: 600 }),
  agent: fc.integer({ min: 0, max: AGENTS.length - 1 }),
  // Some events carry only a token id: joined to their session after reading.
  byToken: fc.boolean(),
});

/**
 * A store holding `events` in session 's', joined: the first event carries both ids (with `firstAgent`, default its
 * own), so that every token-only event joins the session.
 */
function joinedStore(events: StoredEvent[], firstAgent = events[0]!.agent): SessionStore {
  const store = new SessionStore(createClientClassifier());
  store.add({ ...request('s', AGENTS[firstAgent]!, '198.51.100.1', min(events[0]!.minute)), tokenId: 't' });
  for (const e of events.slice(1)) {
    const base = request(e.byToken ? undefined : 's', AGENTS[e.agent]!, '198.51.100.1', min(e.minute));
    store.add(e.byToken ? { ...base, tokenId: 't' } : base);
  }
  joinSessions(store, (_id, a) => a);
  return store;
}

describe('a stored session keeps its first and last times in its clients', () => {
  it('has the earliest and latest time of its events, whatever their order and clients, before and after joins (property)', () => {
    fc.assert(
      fc.property(fc.array(storedEvent, { minLength: 1, maxLength: 30 }), (events) => {
        const store = joinedStore(events, 0);
        const session = store.sessions.get('s')!;
        const times = events.map((e) => min(e.minute));
        expect(store.sessions.size).toBe(1);
        expect(session.firstSeen).toBe(Math.min(...times));
        expect(session.lastSeen).toBe(Math.max(...times));
        expect(session.eventCount).toBe(events.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a stored client reads its first and last times from its evidence and activity rows', () => {
  it('has the earliest and latest time of its own events, whatever their order, before and after joins (property)', () => {
    fc.assert(
      fc.property(fc.array(storedEvent, { minLength: 1, maxLength: 30 }), (events) => {
        const store = joinedStore(events);
        const clients = [...store.sessions.get('s')!.clients.values()];
        for (const [k, agent] of AGENTS.entries()) {
          const times = events.filter((e) => e.agent === k).map((e) => min(e.minute));
          const client = clients.find((c) => c.userAgent === agent);
          if (times.length === 0) expect(client).toBeUndefined();
          else {
            expect(client!.firstSeen).toBe(Math.min(...times));
            expect(client!.lastSeen).toBe(Math.max(...times));
            expect(client!.count).toBe(times.length);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
