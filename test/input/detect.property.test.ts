import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, listClaims, probeFor } from '../../src/input/detect.js';
import { injectMapped, parseFieldMap } from '../../src/input/field-map.js';
import { JsonRecordSplitter } from '../../src/input/records/json.js';
import { FORMATS } from '../../src/input/registry.js';
import { FUZZ_SEED, propertyRuns } from '../helpers/seed.js';
import { fixtureFiles } from '../fuzz/fixtures.js';

/** The first 4 KB of every fixture: heads detection must tell apart, to cut and damage. */
const HEADS = fixtureFiles().map((f) => readFileSync(f.path, 'latin1').slice(0, 4096));

const damagedHead = fc
  .record({
    head: fc.constantFrom(...HEADS),
    at: fc.nat(),
    cut: fc.nat(),
    insert: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', '{', '[', '\n', ',', '\uFEFF', '\r\n', '\\', '\u0000')),
  })
  .map(({ head, at, cut, insert }) => {
    const i = at % (head.length + 1);
    return head.slice(0, i) + insert + head.slice(i, i + (cut % 64)) + head.slice(i + (cut % 64) * 2);
  });

/** Whole fixtures' first 64 KiB (as detection sees them), cut anywhere: JSON probes read a few records of these. */
const JSON_HEADS = fixtureFiles()
  .map((f) => readFileSync(f.path, 'utf8').slice(0, 64 * 1024))
  .filter((h) => /^\s*[[{]/.test(h));
const cutJsonHead = fc
  .record({ head: fc.constantFrom(...JSON_HEADS), end: fc.nat() })
  .map(({ head, end }) => head.slice(0, end % (head.length + 1)));

/** The records of a head pushed whole to the splitter (then ended if it gave none), as the probe read them before. */
function firstRecordsOfWhole(head: string, count: number): unknown[] {
  const records: unknown[] = [];
  const splitter = new JsonRecordSplitter({ record: (value) => records.push(value), error: () => undefined });
  splitter.push(head);
  if (records.length === 0) splitter.end();
  return records.slice(0, count);
}

const anyHead = fc.oneof(damagedHead, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

describe('detectFormat on any head (property)', () => {
  it('answers a format or a reason, never throws, and answers the same twice', () => {
    fc.assert(
      fc.property(anyHead, (head) => {
        const first = detectFormat(head, FORMATS);
        if ('reason' in first) expect(first.reason.trim()).not.toBe('');
        else expect(FORMATS).toContain(first.format);
        const again = detectFormat(head, FORMATS);
        expect('reason' in again ? again.reason : again.format.id).toBe('reason' in first ? first.reason : first.format.id);
        expect(() => listClaims(head, FORMATS)).not.toThrow();
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(150) },
    );
  });

  it('does not depend on the order the formats are listed in', () => {
    fc.assert(
      fc.property(damagedHead, fc.shuffledSubarray([...FORMATS], { minLength: FORMATS.length }), (head, shuffled) => {
        const a = detectFormat(head, FORMATS);
        const b = detectFormat(head, shuffled);
        expect('reason' in b ? 'none' : b.format.id).toBe('reason' in a ? 'none' : a.format.id);
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(100) },
    );
  });

  it('with any --map paths, still answers a format or a reason', () => {
    const path = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'a..b', '.', 'headers.x-session-id', 'claims.sub'),
    );
    fc.assert(
      fc.property(damagedHead, path, fc.constantFrom('time', 'user', 'session', 'userAgent', 'status'), (head, p, field) => {
        fc.pre(p.trim().length > 0);
        const map = parseFieldMap([`${field}=${p}`]);
        const d = detectFormat(head, FORMATS, (r) => injectMapped(r, map));
        expect('reason' in d ? d.reason.length : d.format.id.length).toBeGreaterThan(0);
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(100) },
    );
  });

  it('a JSON probe reads, piece by piece, the first records of the head read whole', () => {
    fc.assert(
      fc.property(fc.oneof(cutJsonHead, damagedHead), (head) => {
        fc.pre(/^\s*[[{]/.test(head));
        expect(probeFor(head, 'json').records).toEqual(firstRecordsOfWhole(head, 5));
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(300) },
    );
  });
});
