import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanAnyPath } from '../../../src/input/url.js';
import { cleanPath, quote, readIp, readMethod, readStatus, splitRequestLine } from '../../../src/input/common/values.js';

describe('cleanPath', () => {
  it.each([
    ['/a/b', '/a/b'],
    ['/a/b?token=secret', '/a/b'],
    ['/a/b#frag?x', '/a/b'],
    ['/a?x=1#y', '/a'],
    ['/a/b?', '/a/b'],
    ['https://api.example.com/v1/x?sig=1', '/v1/x'],
    ['https://user:pass@api.example.com:8443/v1/x', '/v1/x'],
    ['http://54.186.209.42:80//phpinfo', '//phpinfo'],
    ['https://api.example.com', '/'],
    ['https://api.example.com?x=1', '/'],
    ['/cart;jsessionid=ABC123/checkout', '/cart/checkout'],
    ['/a;JSESSIONID=abc?x', '/a'],
    ['/redirect?to=https://evil.example/x', '/redirect'],
    ['*', '*'],
    ['  /a  ', '/a'],
  ])('%s → %s', (raw, want) => {
    expect(cleanPath(raw)).toBe(want);
  });

  it('returns undefined when only a query is left', () => {
    expect(cleanPath('?a=1')).toBeUndefined();
    expect(cleanPath('#x')).toBeUndefined();
  });

  it('returns a plain path as it is without the general reading, and agrees with that reading on any text (property)', () => {
    // Characters the shortcut must hand to the general reading (a query, fragment, jsessionid, scheme, spaces) and
    // ordinary path characters, so that plain paths and nearly plain ones are both drawn often.
    const char = fc.constantFrom('/', 'a', 'Z', '0', '-', '.', '_', '~', '%', '?', '#', ';', ':', ' ', '\t', '\u00a0', 'é', '\ufeff', '@');
    const text = fc.array(char, { maxLength: 24 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          text.map((t) => `/${t}`),
          fc.string(),
        ),
        (raw) => {
          expect(cleanPath(raw)).toBe(cleanAnyPath(raw));
        },
      ),
      { numRuns: 4000 },
    );
    expect(cleanPath('/api/customers/10043')).toBe('/api/customers/10043');
  });
});

describe('readMethod, readStatus, readIp', () => {
  it('upper-cases token methods and rejects the rest', () => {
    expect(readMethod('get')).toBe('GET');
    expect(readMethod('M-SEARCH')).toBe('M-SEARCH');
    expect(readMethod('_OTHER')).toBeUndefined();
    expect(readMethod('GET /')).toBeUndefined();
    expect(readMethod('\u0016\u0003\u0001')).toBeUndefined();
    expect(readMethod(7)).toBeUndefined();
  });

  it('reads status numbers and numeric strings from 100 to 599', () => {
    expect(readStatus(200)).toBe(200);
    expect(readStatus(' 404 ')).toBe(404);
    expect(readStatus('-')).toBeUndefined();
    expect(readStatus(99)).toBeUndefined();
    expect(readStatus(600)).toBeUndefined();
    expect(readStatus(200.5)).toBeUndefined();
  });

  it('drops ports and proxy chains, keeps IPv6', () => {
    expect(readIp('10.0.0.1:5432')).toBe('10.0.0.1');
    expect(readIp('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(readIp('2001:db8::1')).toBe('2001:db8::1');
    expect(readIp('203.0.113.1, 10.0.0.1')).toBe('203.0.113.1');
    expect(readIp('-')).toBeUndefined();
  });
});

describe('splitRequestLine', () => {
  it('splits method, path (without query) and protocol', () => {
    expect(splitRequestLine('GET /a/b?c=d HTTP/1.1')).toEqual({ method: 'GET', path: '/a/b' });
    expect(splitRequestLine('post  /x')).toEqual({ method: 'POST', path: '/x' });
    expect(splitRequestLine('GET http://h:80//phpinfo HTTP/1.1')).toEqual({ method: 'GET', path: '//phpinfo' });
    expect(splitRequestLine('/only/a/path')).toEqual({ path: '/only/a/path' });
  });

  it('returns nothing for junk', () => {
    expect(splitRequestLine('\u0016\u0003\u0001\u0000 garbage')).toEqual({});
    expect(splitRequestLine('')).toEqual({});
    expect(splitRequestLine('Gh0st')).toEqual({});
  });
});

describe('quote', () => {
  it('quotes at most 40 characters, escaping quotes and control characters', () => {
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('\u001b[31m')).toBe('"\\u001b[31m"');
    expect(quote('y'.repeat(41))).toBe(`"${'y'.repeat(40)}..."`);
    expect(quote(12)).toBe('"12"');
  });
});
