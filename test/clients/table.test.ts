import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyClient } from '../../src/clients/classify.js';
import { matchToken } from '../../src/clients/match.js';
import { CLIENT_TOKENS, CRAWLER_BY_SHAPE, type TokenEntry } from '../../src/clients/table.js';
import { CLIENT_CLASSES } from '../../src/model/client.js';
import { CHROME_MAC_131 } from './ua.js';

/** What an entry classifies as in a user agent with (or without) a browser engine. */
function expectedClass(entry: TokenEntry, browserEngine: boolean): string {
  if (entry.class !== 'crawler') return entry.class;
  return browserEngine ? CRAWLER_BY_SHAPE.browserEngine : CRAWLER_BY_SHAPE.other;
}

describe('CLIENT_TOKENS', () => {
  it('every entry has a non-empty token, family and source, and a class from CLIENT_CLASSES (or crawler)', () => {
    for (const entry of CLIENT_TOKENS) {
      expect(entry.token.trim(), JSON.stringify(entry)).not.toBe('');
      expect(entry.family.trim(), entry.token).not.toBe('');
      expect(entry.source.trim().length, entry.token).toBeGreaterThan(5);
      expect([...CLIENT_CLASSES, 'crawler'], entry.token).toContain(entry.class);
    }
  });

  it('no token is listed twice (case-insensitively)', () => {
    const tokens = CLIENT_TOKENS.map((entry) => entry.token.toLowerCase());
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  const substringEntries = CLIENT_TOKENS.filter((entry) => entry.match === 'substring');

  it.each(substringEntries.map((entry) => [entry.token, entry] as const))(
    '%s appended to a Chrome UA classifies to its own class and family',
    (_token, entry) => {
      const id = classifyClient(`${CHROME_MAC_131} ${entry.token}1.0`);
      expect(id).toMatchObject({ class: expectedClass(entry, true), family: entry.family, source: entry.source });
    },
  );

  it.each(CLIENT_TOKENS.filter((entry) => entry.match !== 'substring').map((entry) => [entry.token, entry] as const))(
    '%s (exact/prefix) classifies to its own class when it starts the UA',
    (_token, entry) => {
      expect(classifyClient(`${entry.token}${entry.match === 'prefix' ? '1.0' : ''}`)).toMatchObject({
        class: expectedClass(entry, false),
        family: entry.family,
      });
    },
  );
});

/** The table's meaning, spelled out slowly: the first entry in table order whose token the text holds. */
function naiveMatch(text: string): TokenEntry | undefined {
  const lower = text.toLowerCase();
  return CLIENT_TOKENS.find((entry) => {
    const token = entry.token.toLowerCase();
    if (entry.match === 'exact') return lower === token;
    if (entry.match === 'prefix') return lower.startsWith(token);
    return lower.includes(token);
  });
}

describe('matchToken', () => {
  const tokens = CLIENT_TOKENS.map((entry) => entry.token);
  const text = fc.oneof(
    fc.string(),
    fc.array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 4 })), { maxLength: 6 }).map((p) => p.join('')),
    fc.array(fc.constantFrom(...tokens), { minLength: 1, maxLength: 4 }).map((p) => p.join(' ').toUpperCase()),
  );

  it('finds the same entry as searching the table in order, token by token', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(matchToken(t)?.entry).toBe(naiveMatch(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports the matched text as the user agent spells it', () => {
    expect(matchToken('Mozilla/5.0 (compatible; GPTBOT/1.2)')).toMatchObject({ matchedToken: 'GPTBOT/' });
    expect(matchToken('OPENAI/Python 1.2.3')).toMatchObject({ matchedToken: 'OPENAI/Python' });
  });
});
