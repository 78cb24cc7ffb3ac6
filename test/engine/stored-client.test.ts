import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClientClassifier } from '../../src/clients/classify.js';
import { joinSessions } from '../../src/engine/join.js';
import { SessionStore } from '../../src/engine/sessions.js';
import { min, request, UA } from '../rules/build.js';

describe('a stored client keeps its one IP in a field and a set from its second', () => {
  it('shows the distinct IPs of its events in first-use order, up to 32, before and after joins (property)', () => {
    const event = fc.record({ ip: fc.integer({ min: 0, max: 40 }), byToken: fc.boolean() });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 60 }), (events) => {
        const store = new SessionStore(createClientClassifier());
        const ipOf = (n: number) => `198.51.100.${n}`;
        store.add({ ...request('s', UA.chromeMac, ipOf(events[0]!.ip), min(0)), tokenId: 't' });
        events.slice(1).forEach((e, k) => {
          const base = request(e.byToken ? undefined : 's', UA.chromeMac, ipOf(e.ip), min(k + 1));
          store.add(e.byToken ? { ...base, tokenId: 't' } : base);
        });
        joinSessions(store, (_id, a) => a);
        const [client] = [...store.sessions.get('s')!.clients.values()];
        const direct = [...new Set([events[0]!, ...events.slice(1).filter((e) => !e.byToken)].map((e) => ipOf(e.ip)))];
        const all = new Set(events.map((e) => ipOf(e.ip)));
        const ips = [...client!.ips];
        // The session's own events came first; token-only ones joined after reading, as many as the cap leaves room for.
        expect(ips.slice(0, Math.min(direct.length, 32))).toEqual(direct.slice(0, 32));
        expect(ips.length).toBe(Math.min(all.size, 32));
        for (const ip of ips) expect(all.has(ip)).toBe(true);
        expect(Object.isFrozen(client!.ips) || client!.ips.size > 1).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
