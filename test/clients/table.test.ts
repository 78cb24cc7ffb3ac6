import { describe, expect, it } from 'vitest';
import { classifyClient } from '../../src/clients/classify.js';
import { CLIENT_TOKENS } from '../../src/clients/table.js';
import { CLIENT_CLASSES } from '../../src/model/client.js';
import { CHROME_MAC_131 } from './ua.js';

describe('CLIENT_TOKENS', () => {
  it('every entry has a non-empty token, family and source, and a class from CLIENT_CLASSES', () => {
    for (const entry of CLIENT_TOKENS) {
      expect(entry.token.trim(), JSON.stringify(entry)).not.toBe('');
      expect(entry.family.trim(), entry.token).not.toBe('');
      expect(entry.source.trim(), entry.token).not.toBe('');
      expect(CLIENT_CLASSES, entry.token).toContain(entry.class);
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
      expect(id).toMatchObject({ class: entry.class, family: entry.family, source: entry.source });
    },
  );

  it.each(CLIENT_TOKENS.filter((entry) => entry.match !== 'substring').map((entry) => [entry.token, entry] as const))(
    '%s (exact/prefix) classifies to its own class when it starts the UA',
    (_token, entry) => {
      expect(classifyClient(`${entry.token}${entry.match === 'prefix' ? '1.0' : ''}`)).toMatchObject({
        class: entry.class,
        family: entry.family,
      });
    },
  );
});
