import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { versionFreeUserAgent } from '../../src/clients/version-free.js';
import { CHROME_MAC_131, CHROME_MAC_132 } from './ua.js';

describe('versionFreeUserAgent', () => {
  it.each([
    [CHROME_MAC_131, 'mozilla macintosh intel mac os x applewebkit khtml like gecko chrome safari'],
    ['kubectl/v1.33.3 (darwin/arm64) kubernetes/80779bd', 'kubectl darwin arm64 kubernetes'],
    ['codex_cli_rs/0.46.0 (Mac OS 15.6.1; arm64) iTerm.app/3.6.1', 'codex cli rs mac os arm64 iterm app'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005) AppleWebKit/537.36', 'mozilla linux android pixel build applewebkit'],
    ['synthetic-monitoring-agent/v0.20.1-rc.0 (linux amd64)', 'synthetic monitoring agent linux amd64'],
    ['Ghost Inspector (63c85ddbde52d6697f57c623)', 'ghost inspector'],
  ])('%s → %s', (ua, form) => {
    expect(versionFreeUserAgent(ua)).toBe(form);
  });

  it('is the same across a browser update, and empty for no user agent', () => {
    expect(versionFreeUserAgent(CHROME_MAC_132)).toBe(versionFreeUserAgent(CHROME_MAC_131));
    expect(versionFreeUserAgent(undefined)).toBe('');
  });
});

const name = fc.stringMatching(/^[A-Za-z][A-Za-z-]{0,11}[A-Za-z]$/);
const version = fc.oneof(
  fc.stringMatching(/^\d{1,4}(\.\d{1,4}){0,3}$/),
  fc.stringMatching(/^v\d{1,3}\.\d{1,3}\.\d{1,3}$/),
  fc.stringMatching(/^\d{1,3}\.\d{1,3}\.\d{1,3}-(beta|rc\.\d)$/),
  fc.stringMatching(/^[0-9a-f]{7}$/).filter((h) => /\d/.test(h) && /[a-f]/.test(h)),
);
const platform = fc.constantFrom('', ' (Macintosh; Intel Mac OS X 10_15_7)', ' (linux; x64)', ' (Windows NT 10.0; Win64; x64)');

/** A user agent of products `name/version`, with a platform comment. */
const userAgent = (names: string[], versions: string[], comment: string) => names.map((n, i) => `${n}/${versions[i]}`).join(' ') + comment;

describe('versionFreeUserAgent properties', () => {
  it('a version bump (any product, any version form) keeps the form', () => {
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 4 }),
        fc.array(version, { minLength: 4, maxLength: 4 }),
        fc.array(version, { minLength: 4, maxLength: 4 }),
        platform,
        (names, before, after, comment) => {
          expect(versionFreeUserAgent(userAgent(names, after, comment))).toBe(versionFreeUserAgent(userAgent(names, before, comment)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('different product names give different forms', () => {
    fc.assert(
      fc.property(name, name, version, platform, (a, b, v, comment) => {
        fc.pre(a.toLowerCase().replace(/-/g, ' ') !== b.toLowerCase().replace(/-/g, ' '));
        expect(versionFreeUserAgent(`${a}/${v}${comment}`)).not.toBe(versionFreeUserAgent(`${b}/${v}${comment}`));
      }),
      { numRuns: 1000 },
    );
  });

  it('is case-insensitive, never contains a digit-led word, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (ua) => {
        const form = versionFreeUserAgent(ua);
        expect(versionFreeUserAgent(ua.toUpperCase())).toBe(versionFreeUserAgent(ua.toLowerCase()));
        for (const word of form.split(' ')) expect(word).not.toMatch(/^\d/);
      }),
      { numRuns: 1000 },
    );
  });
});
