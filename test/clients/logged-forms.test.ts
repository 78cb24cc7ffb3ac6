import { describe, expect, it } from 'vitest';
import { classifyClient } from '../../src/clients/classify.js';

describe('user agents as identity providers log them', () => {
  it('reads Mobile Safari with its versions cut off (Okta System Log sample) as Safari on iOS', () => {
    const ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 15_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari';
    expect(classifyClient(ua)).toMatchObject({ class: 'browser', family: 'Safari', os: 'iOS' });
  });

  it('still takes a foreign product after it for what it names', () => {
    const ua =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari AcmeBot';
    expect(classifyClient(ua).class).not.toBe('browser');
  });
});
