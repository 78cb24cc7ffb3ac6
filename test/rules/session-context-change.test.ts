import { describe, expect, it } from 'vitest';
import { sessionContextChange as rule } from '../../src/rules/session-context-change.js';
import { hits, min, request, signIn, UA } from './build.js';

describe('session-context-change', () => {
  it('fires when a session begun in Safari on macOS is used by Firefox on Windows', () => {
    const found = hits(rule, [
      signIn('s1', 'dave@example.com', UA.safariMac, '198.51.100.20'),
      request('s1', UA.firefoxWin, '203.0.113.99', min(120)),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('medium');
    expect(found[0]!.details.network).toBe('other');
  });

  it('fires for the same browser family on another operating system', () => {
    expect(
      hits(rule, [signIn('s2', 'x@example.com', UA.chromeMac, '198.51.100.21'), request('s2', UA.chromeWin, '198.51.100.21', min(3))]),
    ).toHaveLength(1);
  });

  it('stays quiet for a browser update on the same session', () => {
    expect(
      hits(rule, [signIn('s3', 'y@example.com', UA.chromeMac, '198.51.100.22'), request('s3', UA.chromeMac143, '198.51.100.22', min(200))]),
    ).toEqual([]);
  });

  it('stays quiet for a new IP with the same client (Wi-Fi to mobile data)', () => {
    expect(
      hits(rule, [signIn('s4', 'z@example.com', UA.chromeMac, '198.51.100.23'), request('s4', UA.chromeMac, '100.64.9.9', min(60))]),
    ).toEqual([]);
  });

  it('stays quiet for a native app beside the browser on the same operating system (single sign-on)', () => {
    const office = {
      ...request('s6', UA.chromeMac, '198.51.100.25', min(30)),
      userAgent: undefined,
      clientHint: { browser: 'Rich Client 4.40.0.0', os: 'MacOs' },
    };
    expect(hits(rule, [signIn('s6', 'w@example.com', UA.chromeMac, '198.51.100.25'), office])).toEqual([]);
  });

  it('fires for a native app on another operating system', () => {
    expect(
      hits(rule, [signIn('s7', 'v@example.com', UA.chromeMac, '198.51.100.26'), request('s7', UA.iosApp, '198.51.100.26', min(3))]),
    ).toHaveLength(1);
  });

  it('does not judge sessions grouped only by user and IP', () => {
    expect(
      hits(rule, [request(undefined, UA.chromeMac, '198.51.100.24', min(1)), request(undefined, UA.firefoxWin, '198.51.100.24', min(2))]),
    ).toEqual([]);
  });
});
