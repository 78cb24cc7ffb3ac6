import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClientClassifier } from '../../src/clients/classify.js';
import { joinSessions } from '../../src/engine/join.js';
import { SessionStore } from '../../src/engine/sessions.js';
import { min, request, UA } from '../rules/build.js';

const AGENTS = [UA.chromeMac, UA.firefoxWin, UA.pythonRequests, UA.claudeCli];

describe('a stored session keeps its first and last times in its clients', () => {
  it('has the earliest and latest time of its events, whatever their order and clients, before and after joins (property)', () => {
    const event = fc.record({
      minute: fc.integer({ min: 0, max: 600 }),
      agent: fc.integer({ min: 0, max: AGENTS.length - 1 }),
      // Some events carry only a token id: joined to their session after reading.
      byToken: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 30 }), (events) => {
        const store = new SessionStore(createClientClassifier());
        // The first event carries both ids, so that every token-only event joins the session.
        store.add({ ...request('s', AGENTS[0]!, '198.51.100.1', min(events[0]!.minute)), tokenId: 't' });
        for (const e of events.slice(1)) {
          const base = request(e.byToken ? undefined : 's', AGENTS[e.agent]!, '198.51.100.1', min(e.minute));
          store.add(e.byToken ? { ...base, tokenId: 't' } : base);
        }
        joinSessions(store, (_id, a) => a);
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
