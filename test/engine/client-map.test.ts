import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClientMap } from '../../src/engine/client-map.js';
import type { ClientUsage } from '../../src/model/session.js';

function client(key: string, count: number): ClientUsage {
  return {
    identity: { class: 'browser', family: key, key },
    userAgent: key,
    firstSeen: 0,
    lastSeen: 0,
    count,
    ips: new Set(),
    evidence: [],
    clientIds: new Set(),
  };
}

describe('ClientMap keeps clients under their own keys', () => {
  it('answers as a Map of the same clients would, in insertion order, at every size (property)', () => {
    // Up to 20 distinct keys: one client, a few in an array, and past 8 a built-in Map.
    const op = fc.record({ key: fc.integer({ min: 0, max: 19 }), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const map = new ClientMap();
        const reference = new Map<string, ClientUsage>();
        ops.forEach(({ key, remove }, n) => {
          const k = `k${key}`;
          if (remove) expect(map.delete(k)).toBe(reference.delete(k));
          else {
            const c = client(k, n);
            map.set(k, c);
            reference.set(k, c);
          }
          expect(map.size).toBe(reference.size);
          expect([...map]).toEqual([...reference]);
          for (let q = 0; q < 20; q++) expect(map.get(`k${q}`)).toBe(reference.get(`k${q}`));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a client under a key that is not its own', () => {
    expect(() => new ClientMap().set('other', client('chrome', 1))).toThrow(/its own key/);
  });
});
