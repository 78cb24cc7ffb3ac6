import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEvidence, mergeEvidence, NO_EVIDENCE, newEvidencePool, readEvidence } from '../../src/engine/evidence-pool.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import type { EvidenceEvent } from '../../src/model/session.js';
import { compareEvidence, withEarliest } from '../../src/shared/evidence.js';

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
