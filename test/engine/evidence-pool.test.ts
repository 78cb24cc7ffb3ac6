import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEvidence, mergeEvidence, NO_EVIDENCE, newEvidencePool, readEvidence } from '../../src/engine/evidence-pool.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import type { EvidenceEvent } from '../../src/model/session.js';
import { compareEvidence, summarize, withEarliest } from '../../src/shared/evidence.js';

const MAX = 5;

/** Few distinct times, files and lines, so that ties at every level are common. */
const event = fc
  .record({
    t: fc.integer({ min: 0, max: 4 }),
    file: fc.constantFrom('a.log', 'b.log'),
    line: fc.integer({ min: 1, max: 3 }),
    path: fc.nat(9),
  })
  .map(
    ({ t, file, line, path }): NormalizedEvent => ({
      source: { file, line },
      format: 'test',
      kind: 'request',
      action: `GET /p/${path}`,
      outcome: 'success',
      time: 1_800_000_000_000 + t * 1000,
    }),
  );

describe('EvidencePool keeps what an array of evidence objects kept', () => {
  it('adding events keeps the same earliest items, in the same order, as withEarliest (property)', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const pool = newEvidencePool(2);
        let head = NO_EVIDENCE;
        let reference: EvidenceEvent[] = [];
        for (const e of events) {
          head = addEvidence(pool, head, e, MAX);
          reference = withEarliest(reference, e, MAX);
        }
        expect(readEvidence(pool, head)).toEqual(reference);
        // Items a list dropped are reused: one list never holds more than MAX + 1 items of the pool.
        expect(pool.size).toBeLessThanOrEqual(MAX + 1);
      }),
      { numRuns: 500 },
    );
  });

  it('merging two lists keeps the earliest of both, the target first among equals, as a stable sort does (property)', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), fc.array(event, { maxLength: 12 }), (xs, ys) => {
        const pool = newEvidencePool(2);
        let a = NO_EVIDENCE;
        let b = NO_EVIDENCE;
        for (const e of xs) a = addEvidence(pool, a, e, MAX);
        for (const e of ys) b = addEvidence(pool, b, e, MAX);
        const both = [...readEvidence(pool, a), ...readEvidence(pool, b)];
        const expected = [...both].sort(compareEvidence).slice(0, MAX);
        const merged = mergeEvidence(pool, a, b, MAX);
        expect(readEvidence(pool, merged)).toEqual(expected);
        // What the merge dropped is free again: adding to another list takes no new room.
        const size = pool.size;
        if (both.length > MAX) {
          addEvidence(pool, NO_EVIDENCE, xs[0] ?? ys[0]!, MAX);
          expect(pool.size).toBe(size);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('EvidencePool keeps summaries as their parts', () => {
  it('reads back each summary exactly as summarize gives it, with or without an IP, cut or not (property)', () => {
    // Actions of lengths around the 160-character cap, so that joining an IP to some cuts it off.
    const item = fc.record({
      length: fc.integer({ min: 5, max: 175 }),
      ip: fc.constantFrom(undefined, '', '198.51.100.7', '2001:db8::1'),
      status: fc.constantFrom(undefined, 200, 403),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: MAX }), (items) => {
        const pool = newEvidencePool(2);
        let head = NO_EVIDENCE;
        const events = items.map(
          ({ length, ip, status }, k): NormalizedEvent => ({
            source: { file: 'a.log', line: k + 1 },
            format: 'test',
            kind: 'request',
            action: `GET /${'p'.repeat(length - 5)}`,
            outcome: 'success',
            time: 1_800_000_000_000 + k,
            ...(ip !== undefined ? { ip } : {}),
            ...(status !== undefined ? { status } : {}),
          }),
        );
        for (const e of events) head = addEvidence(pool, head, e, MAX);
        expect(readEvidence(pool, head).map((e) => e.summary)).toEqual(events.map(summarize));
      }),
      { numRuns: 300 },
    );
  });

  it('shares the part many events have: one string for the same action from many IPs', () => {
    const pool = newEvidencePool(8);
    const at = (ip: string, line: number): NormalizedEvent => ({
      source: { file: 'a.log', line },
      format: 'test',
      kind: 'request',
      action: 'GET /api/me',
      status: 200,
      outcome: 'success',
      time: 1_800_000_000_000,
      ip,
    });
    const a = addEvidence(pool, NO_EVIDENCE, at('198.51.100.7', 1), MAX);
    const b = addEvidence(pool, NO_EVIDENCE, at('203.0.113.9', 2), MAX);
    expect(pool.summaries[a]).toBe('GET /api/me -> 200');
    expect(pool.summaries[b]).toBe(pool.summaries[a]);
    expect(readEvidence(pool, b)[0]!.summary).toBe('GET /api/me -> 200 from 203.0.113.9');
  });
});
