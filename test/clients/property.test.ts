import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyClient, createClientClassifier, describeClient } from '../../src/clients/classify.js';
import { CLIENT_TOKENS } from '../../src/clients/table.js';
import { CLIENT_CLASSES } from '../../src/model/client.js';
import { CHROME_MAC_131, CORP_APP_IOS, HEADLESS_CHROME } from './ua.js';

const VERSION_IN_KEY = /\/\d/;

const userAgentLike = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc
    .tuple(
      fc.constantFrom(CHROME_MAC_131, HEADLESS_CHROME, CORP_APP_IOS, 'Mozilla/5.0', ''),
      fc.constantFrom(...CLIENT_TOKENS.map((entry) => entry.token), ''),
      fc.string(),
    )
    .map((parts) => parts.join(' ')),
  fc
    .array(fc.tuple(fc.stringMatching(/^[A-Za-z%-]{1,12}$/), fc.stringMatching(/^\d{1,4}(\.\d{1,4}){0,3}$/)))
    .map((products) => products.map(([name, version]) => `${name}/${version}`).join(' ')),
);

const hintLike = fc.option(
  fc.record(
    {
      browser: fc.oneof(fc.string(), fc.constantFrom('Chrome 77.0.3865', 'Rich Client 4.40.0.0', 'UNKNOWN')),
      os: fc.string(),
      app: fc.string(),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

describe('classifyClient properties', () => {
  it('never throws, returns a class from CLIENT_CLASSES and a lowercase key without a /version', () => {
    fc.assert(
      fc.property(fc.option(userAgentLike, { nil: undefined }), hintLike, (ua, hint) => {
        const id = classifyClient(ua, hint);
        expect(CLIENT_CLASSES).toContain(id.class);
        expect(id.family).not.toBe('');
        expect(id.key).not.toMatch(VERSION_IN_KEY);
        expect(id.key).toBe(id.key.toLowerCase());
        expect(id.key.startsWith(`${id.class}:`) || id.key === 'unknown').toBe(true);
        expect(typeof describeClient(id)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('the memoized classifier agrees with classifyClient', () => {
    const classify = createClientClassifier(50);
    fc.assert(
      fc.property(fc.option(userAgentLike, { nil: undefined }), hintLike, (ua, hint) => {
        expect(classify(ua, hint)).toEqual(classifyClient(ua, hint));
      }),
      { numRuns: 500 },
    );
  });

  it('classifies a long hostile string by its first 4096 characters only', () => {
    const prefix = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/142.0.0.0 Safari/537.36 ';
    const hostile = `${prefix}${'Version/1 ) a/1 '.repeat(20_000)} python-requests/2.32.3`;
    expect(classifyClient(hostile)).toMatchObject({ class: 'unknown', family: 'a' });
  });

  it('stays fast on long hostile user agents of every shape (no pattern backtracks)', () => {
    const shapes = ['(', ')', '(a;', 'a.', '1.', '1_', 'x/', '@a.', 'http://', 'Mozilla/5.0 (', 'Agent ', 'bot', ' ', ';'];
    const hostile = shapes.flatMap((s) => [s.repeat(4096), `Mozilla/5.0 (X11; ${s.repeat(4096)}`, `${s.repeat(2000)}!`]);
    const started = performance.now();
    for (const ua of hostile) classifyClient(ua);
    // Linear work is well under a millisecond per string; a quadratic pattern on 4,096 characters takes far longer.
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
