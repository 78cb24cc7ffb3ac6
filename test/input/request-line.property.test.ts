import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnyRequestLine, parseRequestLine, parseRequestLineIn } from '../../src/input/common/request-line.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'GETX', 'get', 'CONNECT', 'PROPFIND', 'G'];
const PROTOCOLS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/2', 'HTTP/3', 'http/1.1', 'HTTP/1.10', 'HTTP/', ''];
const TRICKY = [' ', '\t', '/', '?', '#', ';', ':', '"', '\u00a0', '\u2028', 'a', '%', '=', ';jsessionid=1'];

const lines = fc
  .tuple(
    fc.constantFrom(...METHODS),
    fc.array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9._~-]{0,8}$/), fc.constantFrom(...TRICKY)), { maxLength: 6 }),
    fc.constantFrom(...PROTOCOLS),
    fc.constantFrom('', ' ', '  ', '\t'),
  )
  .map(([method, parts, protocol, pad]) => `${pad}${method} /${parts.join('')}${protocol ? ` ${protocol}` : ''}${pad}`);

describe('the shortcut for common request lines reads what the general reading reads', () => {
  it('on generated lines, common and not', () => {
    fc.assert(
      fc.property(fc.oneof(lines, fc.string({ maxLength: 40 })), (line) => {
        expect(parseRequestLine(line)).toEqual(parseAnyRequestLine(line));
      }),
      { numRuns: 30_000 },
    );
  });

  it('on the usual lines', () => {
    expect(parseRequestLine('GET /api/me?x=1 HTTP/1.1')).toEqual({ method: 'GET', path: '/api/me' });
    expect(parseRequestLine('OPTIONS /a;jsessionid=9/b HTTP/2')).toEqual({ method: 'OPTIONS', path: '/a/b' });
  });
});

describe('a request line read in place, inside a longer line, reads as the same text cut out', () => {
  const around = fc.constantFrom('', ' ', '"', 'GET ', ' HTTP/1.1', '/x y', '10.0.0.1 - - [10/Jun/2023:15:36:28 +0000] "');
  it('on generated lines between any text', () => {
    fc.assert(
      fc.property(around, fc.oneof(lines, fc.string({ maxLength: 40 })), around, (before, line, after) => {
        const whole = before + line + after;
        expect(parseRequestLineIn(whole, before.length, before.length + line.length)).toEqual(parseRequestLine(line));
      }),
      { numRuns: 30_000 },
    );
  });
});
