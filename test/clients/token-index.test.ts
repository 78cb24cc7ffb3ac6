import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTokenIndex } from '../../src/clients/token-index.js';

/** The lowest-numbered token found anywhere, and where it first occurs, the slow way. */
function naive(tokens: readonly string[], text: string): { id: number; at: number } | undefined {
  for (let id = 0; id < tokens.length; id++) {
    const at = text.indexOf(tokens[id]!);
    if (at >= 0) return { id, at };
  }
  return undefined;
}

describe('buildTokenIndex', () => {
  // A small alphabet makes tokens overlap, share prefixes and sit inside each other.
  const token = fc.stringMatching(/^[ab/]{1,5}$/);
  const text = fc.stringMatching(/^[ab/ ]{0,40}$/);

  it('finds the lowest-numbered token that occurs, wherever it occurs', () => {
    fc.assert(
      fc.property(fc.uniqueArray(token, { minLength: 1, maxLength: 12 }), text, (tokens, t) => {
        const found = buildTokenIndex(tokens).first(t);
        const expected = naive(tokens, t);
        expect(found?.id).toBe(expected?.id);
        if (found) expect(t.slice(found.at, found.at + tokens[found.id]!.length)).toBe(tokens[found.id]);
      }),
      { numRuns: 3000 },
    );
  });

  it('answers every later text as the slow way does, with next states kept from the texts before it', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(token, { minLength: 1, maxLength: 12 }),
        fc.array(text, { minLength: 2, maxLength: 20 }),
        (tokens, texts) => {
          const index = buildTokenIndex(tokens);
          for (const t of texts) expect(index.first(t)?.id).toBe(naive(tokens, t)?.id);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('matches nothing across a non-ASCII character and starts again after it', () => {
    const index = buildTokenIndex(['ab']);
    expect(index.first('a\u00e9b')).toBeUndefined();
    expect(index.first('a\u00e9ab')).toEqual({ id: 0, at: 2 });
  });

  it('finds a token that only shows once the automaton falls back from a longer one', () => {
    const index = buildTokenIndex(['abcx', 'bcd']);
    expect(index.first('zabcd')).toEqual({ id: 1, at: 2 });
  });
});
