import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { text } from '../../src/input/fields.js';

const MARKERS = ['', '-', 'null', 'undefined', 'none', 'n/a', 'unknown', '(null)'];

/** `text` as it reads without its shortcut on a value's first character: lower-case every short value and look it up. */
function textByLookup(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t.length <= 9 && MARKERS.includes(t.toLowerCase()) ? undefined : t;
}

/** A marker in any mix of cases, with white space around it. */
const marker = fc
  .tuple(fc.constantFrom(...MARKERS), fc.array(fc.boolean(), { maxLength: 9 }), fc.constantFrom('', ' ', '\t', '\u00a0'))
  .map(([m, upper, pad]) => pad + [...m].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('') + pad);
// Characters that change under case mapping in odd ways (the Kelvin sign, dotted I, sharp s) beside ordinary ones.
const odd = fc.string({
  unit: fc.constantFrom('n', 'N', 'u', 'U', '-', '(', ')', '/', 'a', '\u212a', '\u0130', '\u00df', 'ı'),
  maxLength: 9,
});

describe('text of a field value', () => {
  it('drops the placeholders logs write for nothing, in any case, and keeps every other value trimmed', () => {
    fc.assert(
      fc.property(fc.oneof(marker, odd, fc.string({ maxLength: 12 }), fc.double(), fc.constant(null)), (value) => {
        expect(text(value)).toBe(textByLookup(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads markers as nothing however they are spelled', () => {
    for (const value of ['NULL', 'N/A', ' None ', '(NULL)', 'Unknown', '-', '']) expect(text(value)).toBeUndefined();
    for (const value of ['nil', 'User', 'n', 'unset', '--']) expect(text(value)).toBe(value);
  });
});
