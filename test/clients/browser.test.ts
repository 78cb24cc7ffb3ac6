import { describe, expect, it } from 'vitest';
import { normalizeBrowserHint, parseBrowser } from '../../src/clients/browser.js';
import { normalizeOsHint, osFromUserAgent, stripVersion } from '../../src/clients/names.js';
import { CHROME_MAC_131, CORP_APP_IOS, SAFARI_IPHONE, SAFARI_MAC } from './ua.js';

describe('parseBrowser', () => {
  it.each([
    [CHROME_MAC_131, 'browser', 'Chrome'],
    [SAFARI_MAC, 'browser', 'Safari'],
    [SAFARI_IPHONE, 'browser', 'Safari'],
    [CORP_APP_IOS, 'native-app', 'CorpApp'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0',
      'browser',
      'Opera',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
      'browser',
      'Samsung Internet',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Vivaldi/7.0.3495.18',
      'browser',
      'Vivaldi',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
      'browser',
      'Chrome',
    ],
    ['Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko', 'browser', 'Internet Explorer'],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36',
      'native-app',
      'WebView',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
      'native-app',
      'WebView',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Slack/4.41.105 Chrome/130.0.6723.191 Electron/33.2.1 Safari/537.36',
      'native-app',
      'Slack',
    ],
    ['Microsoft%20Outlook/4.2 CFNetwork/1496.0.7 Darwin/23.6.0', 'native-app', 'Microsoft Outlook'],
  ])('%s → %s %s', (ua, cls, family) => {
    expect(parseBrowser(ua)).toMatchObject({ class: cls, family });
  });

  it('returns undefined for non-browsers', () => {
    expect(parseBrowser('Mozilla/5.0')).toBeUndefined();
    expect(parseBrowser('Mozilla/5.0 (compatible; Bravebot/1.0)')).toBeUndefined();
  });
});

describe('osFromUserAgent', () => {
  it.each([
    [CHROME_MAC_131, 'macOS'],
    [SAFARI_IPHONE, 'iOS'],
    ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 Chrome/131.0.0.0', 'ChromeOS'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8)', 'Android'],
    ['Mozilla/5.0 (X11; Linux x86_64)', 'Linux'],
    ['Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.5)', 'Windows'],
  ])('%s → %s', (ua, os) => {
    expect(osFromUserAgent(ua)).toBe(os);
  });

  it('a bare Darwin or Microsoft name is no OS (CrOS is case-sensitive)', () => {
    expect(osFromUserAgent('App/1 CFNetwork/1496.0.7 Darwin/23.6.0')).toBeUndefined();
    expect(osFromUserAgent('microsoft-thing/1')).toBeUndefined();
  });
});

describe('identity-provider hint names', () => {
  it.each([
    ['Chrome 77.0.3865', 'Chrome'],
    ['CHROME', 'Chrome'],
    ['Edge 18.17763', 'Edge'],
    ['Mobile Safari', 'Safari'],
    ['FIREFOX', 'Firefox'],
    ['IE 11.0', 'Internet Explorer'],
    ['Rich Client 4.40.0.0', 'Rich Client'],
  ])('browser %s → %s', (hint, family) => {
    expect(normalizeBrowserHint(hint)?.family).toBe(family);
  });

  it.each([
    ['MacOs', 'macOS'],
    ['Mac OS X', 'macOS'],
    ['Windows 10', 'Windows'],
    ['Windows', 'Windows'],
    ['Ios', 'iOS'],
    ['Android', 'Android'],
    ['Linux', 'Linux'],
    ['Chrome OS', 'ChromeOS'],
    ['UNKNOWN', undefined],
    ['', undefined],
  ])('os %j → %s', (hint, os) => {
    expect(normalizeOsHint(hint)).toBe(os);
  });
});

describe('stripVersion', () => {
  it.each([
    ['Chrome 77.0.3865', 'Chrome'],
    ['MyTool-1.2.3', 'MyTool'],
    ['App2', 'App2'],
    ['curl/8.7.1', 'curl'],
    ['131', '131'],
  ])('%s → %s', (name, stripped) => {
    expect(stripVersion(name)).toBe(stripped);
  });
});
