import { describe, expect, it } from 'vitest';
import { classifyClient } from '../../src/clients/classify.js';
import { CHROME_MAC_131 } from './ua.js';

/** User agents that no table names but that say they are automation. */
describe('self-declared automation', () => {
  it("the issue's agent example is an ai-agent named by its own product", () => {
    const ua = 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; Acme-Agent/1.0; +https://acme.example/bot';
    expect(classifyClient(ua)).toMatchObject({ class: 'ai-agent', family: 'Acme-Agent', matchedToken: 'Acme-Agent/1.0' });
  });

  it.each([
    ['Mozilla/5.0 (compatible; Umbra-Assistant/2.0)', 'Umbra-Assistant'],
    ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Quill-User/1.0; +https://quill.example/user)', 'Quill-User'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/97.0.4692.71 Safari/537.36 (ThousandEyes Agent)',
      'ThousandEyes Agent',
    ],
  ])('%s is an ai-agent (%s)', (ua, family) => {
    expect(classifyClient(ua)).toMatchObject({ class: 'ai-agent', family });
  });

  it('a crawler without a browser engine is an http-library; with one, a headless browser', () => {
    expect(classifyClient('Mozilla/5.0 (compatible; NovaSpider/3.1; +https://nova.example/spider)')).toMatchObject({
      class: 'http-library',
      family: 'NovaSpider',
    });
    expect(classifyClient(`${CHROME_MAC_131} (compatible; NovaBot/3.1; +https://nova.example/bot)`)).toMatchObject({
      class: 'headless-browser',
      family: 'NovaBot',
      os: 'macOS',
    });
  });

  it.each([
    ['Mozilla/5.0 (compatible; Lumen/1.0)', 'Lumen', 'a compatible; Name product'],
    ['LinkWarden/2.4 (+https://linkwarden.example)', 'LinkWarden', 'a contact URL'],
    ['Harvest/0.9 (ops@harvest.example)', 'Harvest', 'an e-mail address'],
    ['Sentry-Checker/1.0 sentinel.example.com', 'Sentry-Checker', 'a host name beside a product'],
    ['FeedFetcher-Acme/1.0', 'FeedFetcher-Acme', 'a fetcher'],
    ['yelpspider/yelpspider-1.0', 'yelpspider', 'a spider'],
    ['Linguee Bot (http://www.linguee.com/bot)', 'Linguee Bot', 'a bare Bot after its name'],
  ])('%s declares a crawler (%s, %s)', (ua, family) => {
    expect(classifyClient(ua)).toMatchObject({ class: 'http-library', family });
  });

  it('names the Stainless SDK form `Name/Python <version>` an http-library SDK', () => {
    expect(classifyClient('Groq/Python 0.31.1')).toMatchObject({ class: 'http-library', family: 'Groq SDK' });
    expect(classifyClient('Lithic/JS 0.118.0')).toMatchObject({ class: 'http-library', family: 'Lithic SDK' });
  });

  it('Googlebot is not unknown', () => {
    expect(classifyClient('Googlebot/2.1 (+http://www.google.com/bot.html)').class).not.toBe('unknown');
  });
});

describe('what does not declare automation', () => {
  it.each([
    ['a user agent that says "user agent"', 'Notes/2.0 (default user agent; Windows 11)'],
    ['a run-together name ending in Agent', 'ReportAgent/2.0'],
    [
      'a phone maker whose name ends in bot',
      'Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36',
    ],
    ['a bare host name (CloudTrail service principal)', 'inspector2.amazonaws.com'],
    ['a bare URL', 'tcp://10.0.2.1:80'],
    ['a reverse-DNS app id', 'com.example.notes/4.2 (iPhone; iOS 18.1)'],
    ['a macOS app bundle name', 'Notes.app/4.2 (Macintosh; macOS 15.1)'],
  ])('%s', (_what, ua) => {
    expect(classifyClient(ua).class).not.toMatch(/ai-agent|http-library|headless-browser/);
  });

  it('the CUBOT phone stays a Chrome browser', () => {
    const ua = 'Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36';
    expect(classifyClient(ua)).toMatchObject({ class: 'browser', family: 'Chrome', os: 'Android' });
  });
});
