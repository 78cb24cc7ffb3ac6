import { describe, expect, it } from 'vitest';
import { classifyClient, createClientClassifier, describeClient } from '../../src/clients/classify.js';
import { CHROME_MAC_131, CHROME_MAC_132, CHROME_WIN, CORP_APP_IOS, EDGE_WIN, FIREFOX_MAC, HEADLESS_CHROME, SAFARI_IPHONE } from './ua.js';

describe('classifyClient: missing user agent', () => {
  it.each([undefined, '', '-', '   '])('%j with no hint is unknown/unknown', (ua) => {
    expect(classifyClient(ua)).toEqual({ class: 'unknown', family: 'unknown', key: 'unknown' });
  });
});

describe('classifyClient: table tokens', () => {
  it('an AI-agent token appended to a Chrome UA wins over the browser and keeps the OS', () => {
    const id = classifyClient(`${CHROME_MAC_131}; Devin/1.0`);
    expect(id).toMatchObject({ class: 'ai-agent', family: 'Devin', os: 'macOS', matchedToken: 'Devin/' });
    expect(id.key).toBe('ai-agent:devin:macos');
    expect(id.source).toContain('crawler-user-agents');
  });

  it('matchedToken keeps the case the UA uses, whatever the table spells', () => {
    expect(classifyClient('Mozilla/5.0 (compatible; gptbot/1.2)').matchedToken).toBe('gptbot/');
  });

  it('HeadlessChrome is a headless-browser, not Chrome', () => {
    expect(classifyClient(HEADLESS_CHROME)).toMatchObject({ class: 'headless-browser', family: 'HeadlessChrome', os: 'Linux' });
  });

  it('Python/3.12 aiohttp/3.9.5 is http-library aiohttp', () => {
    expect(classifyClient('Python/3.12 aiohttp/3.9.5')).toMatchObject({ class: 'http-library', family: 'aiohttp' });
  });

  it('python-httpx/0.27.0 is http-library python-httpx', () => {
    expect(classifyClient('python-httpx/0.27.0')).toMatchObject({ class: 'http-library', family: 'python-httpx' });
  });

  it('exact node (any case, trimmed) is http-library', () => {
    expect(classifyClient('node')).toMatchObject({ class: 'http-library', family: 'node' });
    expect(classifyClient('  Node ')).toMatchObject({ class: 'http-library', family: 'node' });
    expect(classifyClient('undici')).toMatchObject({ class: 'http-library', family: 'undici' });
  });

  it('node as part of a longer UA is not the node http-library', () => {
    expect(classifyClient('nodejs-app-something').class).not.toBe('http-library');
    expect(classifyClient(`${CHROME_MAC_131} node`)).toMatchObject({ class: 'unknown', family: 'node' });
  });

  it.each([
    ['curl/8.7.1', 'curl'],
    ['Wget/1.21.4 (linux-gnu)', 'Wget'],
    ['Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.19045; en-US) PowerShell/7.4.6', 'PowerShell'],
    ['Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.4648', 'WindowsPowerShell'],
    ['PostmanRuntime/7.42.0', 'PostmanRuntime'],
    ['aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.8', 'aws-cli'],
    ['Boto3/1.35.0 md/Botocore#1.35.0 ua/2.0 os/macos#23.6.0 lang/python#3.12.4 Botocore/1.35.0', 'Boto3'],
  ])('%s is cli %s', (ua, family) => {
    expect(classifyClient(ua)).toMatchObject({ class: 'cli', family });
  });

  it.each([
    ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)', 'GPTBot'],
    ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)', 'ClaudeBot'],
  ])('%s is ai-crawler', (ua, family) => {
    expect(classifyClient(ua)).toMatchObject({ class: 'ai-crawler', family });
  });

  it.each([
    ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; ChatGPT-User/1.0; +https://openai.com/bot', 'ChatGPT-User'],
    ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Claude-User/1.0; +Claude-User@anthropic.com)', 'Claude-User'],
    [
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Perplexity-User/1.0; +https://perplexity.ai/perplexity-user)',
      'Perplexity-User',
    ],
    ['claude-cli/2.1.205 (external, cli)', 'Claude Code'],
    ['claude-code/2.1.0 (sdk-ts)', 'Claude Code'],
    ['mcpcli/0.3.1', 'mcpcli'],
  ])('%s is ai-agent', (ua, family) => {
    expect(classifyClient(ua)).toMatchObject({ class: 'ai-agent', family });
  });

  it('Entra legacy auth BAV2ROPC is cli with a legacy-auth family', () => {
    expect(classifyClient('BAV2ROPC')).toMatchObject({ class: 'cli', family: 'legacy-auth (BAV2ROPC)' });
  });

  it('bare okhttp is http-library; an Android app naming itself first is that native app', () => {
    expect(classifyClient('okhttp/4.12.0')).toMatchObject({ class: 'http-library', family: 'okhttp' });
    expect(classifyClient('CorpApp/3.1 (Linux; Android 14; Pixel 8) okhttp/4.12.0')).toMatchObject({
      class: 'native-app',
      family: 'CorpApp',
      os: 'Android',
    });
  });

  it('Googlebot is not read as a Chrome browser: with a browser engine it is a headless browser, bare an http-library', () => {
    const googlebot =
      'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
    expect(classifyClient(googlebot)).toMatchObject({ class: 'headless-browser', family: 'Googlebot' });
    expect(classifyClient('Googlebot/2.1 (+http://www.google.com/bot.html)')).toMatchObject({
      class: 'http-library',
      family: 'Googlebot',
    });
  });
});

describe('classifyClient: browsers and keys', () => {
  it('a browser update keeps the key (Chrome 131 vs 132 on macOS)', () => {
    expect(classifyClient(CHROME_MAC_131).key).toBe('browser:chrome:macos');
    expect(classifyClient(CHROME_MAC_132).key).toBe(classifyClient(CHROME_MAC_131).key);
  });

  it('the browser token with its version is kept as evidence', () => {
    expect(classifyClient(CHROME_MAC_131)).toMatchObject({
      matchedToken: 'Chrome/131.0.0.0',
      source: 'browser product tokens (RFC 9110 User-Agent)',
    });
  });

  it('Chrome on Windows and Chrome on macOS have different keys', () => {
    expect(classifyClient(CHROME_WIN).key).toBe('browser:chrome:windows');
    expect(classifyClient(CHROME_WIN).key).not.toBe(classifyClient(CHROME_MAC_131).key);
  });

  it('Firefox and Chrome have different keys', () => {
    expect(classifyClient(FIREFOX_MAC)).toMatchObject({ class: 'browser', family: 'Firefox', os: 'macOS' });
    expect(classifyClient(FIREFOX_MAC).key).not.toBe(classifyClient(CHROME_MAC_131).key);
  });

  it('Edge is not Chrome', () => {
    expect(classifyClient(EDGE_WIN)).toMatchObject({ class: 'browser', family: 'Edge', os: 'Windows' });
  });

  it('a CFNetwork app is native-app named by its own token', () => {
    expect(classifyClient(CORP_APP_IOS)).toMatchObject({
      class: 'native-app',
      family: 'CorpApp',
      os: 'iOS',
      key: 'native-app:corpapp:ios',
    });
  });

  it('Mozilla/5.0 alone is unknown family Mozilla; other unparseable UAs use their first product token', () => {
    expect(classifyClient('Mozilla/5.0')).toMatchObject({ class: 'unknown', family: 'Mozilla', key: 'unknown:mozilla' });
    expect(classifyClient('SomeInternalTool/3.2 (build 77)')).toMatchObject({ class: 'unknown', family: 'SomeInternalTool' });
    expect(classifyClient(`${'x'.repeat(100)}/1`).family).toHaveLength(40);
  });

  it('a User-Agent header name kept with its value is ignored', () => {
    expect(classifyClient(`User-Agent: ${CHROME_MAC_131}`)).toEqual(classifyClient(CHROME_MAC_131));
  });
});

describe('classifyClient: identity-provider hints', () => {
  it('Entra Chrome 77.0.3865 on MacOs gives the same key as a raw Chrome-on-Mac UA', () => {
    expect(classifyClient(undefined, { browser: 'Chrome 77.0.3865', os: 'MacOs' }).key).toBe(classifyClient(CHROME_MAC_131).key);
  });

  it('Okta CHROME on Mac OS X gives the same key as a raw Chrome-on-Mac UA', () => {
    expect(classifyClient('', { browser: 'CHROME', os: 'Mac OS X' }).key).toBe(classifyClient(CHROME_MAC_131).key);
  });

  it('Entra Mobile Safari on Ios gives the same key as a raw iPhone Safari UA', () => {
    expect(classifyClient('-', { browser: 'Mobile Safari', os: 'Ios' }).key).toBe(classifyClient(SAFARI_IPHONE).key);
  });

  it.each([
    ['Edge 18.17763', 'Windows 10', 'browser:edge:windows'],
    ['Firefox 72.0', 'Linux', 'browser:firefox:linux'],
    ['IE 11.0', 'Windows', 'browser:internet explorer:windows'],
    ['Rich Client 4.40.0.0', 'Windows 10', 'native-app:rich client:windows'],
  ])('Entra %s on %s gives key %s', (browser, os, key) => {
    expect(classifyClient(undefined, { browser, os }).key).toBe(key);
  });

  it('UNKNOWN hints are unknown, keeping a known OS', () => {
    expect(classifyClient(undefined, { browser: 'UNKNOWN', os: 'Windows 10' })).toMatchObject({
      class: 'unknown',
      family: 'unknown',
      os: 'Windows',
    });
  });

  it('a hint naming a table family classifies as that family', () => {
    expect(classifyClient(undefined, { browser: 'Python Requests 2.31.0' })).toMatchObject({
      class: 'http-library',
      family: 'python-requests',
    });
  });

  it('an app hint with no browser is unknown, named by the app without its version', () => {
    expect(classifyClient(undefined, { app: 'Contoso Sync 2.4' })).toMatchObject({ class: 'unknown', family: 'Contoso Sync' });
  });

  it('the hint is ignored when a raw user agent exists', () => {
    expect(classifyClient('curl/8.7.1', { browser: 'Chrome 77.0.3865', os: 'MacOs' }).family).toBe('curl');
  });
});

describe('createClientClassifier', () => {
  it('returns the same frozen identity for a repeated user agent', () => {
    const classify = createClientClassifier();
    const first = classify(CHROME_MAC_131);
    expect(classify(CHROME_MAC_131)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toEqual(classifyClient(CHROME_MAC_131));
  });

  it('keys hint-only calls by the hint', () => {
    const classify = createClientClassifier();
    expect(classify(undefined, { browser: 'Chrome 77', os: 'MacOs' }).key).toBe('browser:chrome:macos');
    expect(classify(undefined, { browser: 'Firefox 72', os: 'MacOs' }).key).toBe('browser:firefox:macos');
  });

  it('stays correct after the cache is cleared at its bound', () => {
    const classify = createClientClassifier(2);
    for (const ua of ['curl/1', 'curl/2', 'curl/3', CHROME_WIN]) classify(ua);
    expect(classify(CHROME_WIN).key).toBe('browser:chrome:windows');
  });
});

describe('describeClient', () => {
  it.each([
    [CHROME_MAC_131, 'Chrome on macOS'],
    ['python-requests/2.32.3', 'python-requests'],
    ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Claude-User/1.0)', 'Claude-User (ai-agent)'],
    [undefined, 'unknown client'],
  ])('%s → %s', (ua, label) => {
    expect(describeClient(classifyClient(ua))).toBe(label);
  });
});
