import { describe, expect, it } from 'vitest';
import { combinedLog } from '../../../src/input/combined-log/index.js';
import { unescapeQuoted } from '../../../src/input/common/quote.js';
import { quoteRaw } from '../../../src/input/common/quote.js';
import { parseRequestLine } from '../../../src/input/common/request-line.js';
import { stripCri } from '../../../src/input/common/cri.js';
import { CTX, expectEvent, expectSkip } from '../map-helpers.js';

const map = (line: unknown) => combinedLog.map(line, CTX);
const LINE = '192.0.2.1 - - [10/Jun/2023:15:36:28 +0000] "GET /a?b=c HTTP/1.1" 200 12 "-" "curl/8.7.1"';

describe('parseRequestLine', () => {
  it.each([
    ['GET /a/b?token=x HTTP/1.1', 'GET', '/a/b'],
    ['POST /x HTTP/2.0', 'POST', '/x'],
    ['GET /', 'GET', '/'],
    ['GET http://54.186.209.42:80//phpinfo HTTP/1.1', 'GET', '//phpinfo'],
    ['OPTIONS * HTTP/1.1', 'OPTIONS', '*'],
    ['CONNECT api.example.com:443 HTTP/1.1', 'CONNECT', 'api.example.com:443'],
    ['M-SEARCH * HTTP/1.1', 'M-SEARCH', '*'],
    ['GET /archiv.php?cmd=ls -al&x=http://e.x/y??', 'GET', '/archiv.php'],
    ['GET /a;jsessionid=ABC/b HTTP/1.1', 'GET', '/a/b'],
  ])('%s → %s %s', (line, method, path) => {
    expect(parseRequestLine(line)).toEqual({ method, path });
  });

  it.each([
    '-',
    '',
    'HELP',
    'batman',
    '\\x16\\x03\\x01',
    'get /lower HTTP/1.1',
    'GET index.html HTTP/1.0',
    "lv|'|'|X",
    '- - -',
    'GET ?only=query HTTP/1.1',
  ])('rejects %j', (line) => {
    expect(parseRequestLine(line)).toEqual({ skip: `request line is not METHOD PATH PROTOCOL: ${quoteRaw(line)}` });
  });
});

describe('quoteRaw', () => {
  it('cuts at 40 characters with an ellipsis, escapes quotes and control characters, keeps backslashes', () => {
    expect(quoteRaw('\\x16\\x03\\x01')).toBe('"\\x16\\x03\\x01"');
    expect(quoteRaw('a"b')).toBe('"a\\"b"');
    expect(quoteRaw('\u0016\u0003\u0000\u007f')).toBe('"\\x16\\x03\\x00\\x7F"');
    expect(quoteRaw('x'.repeat(41))).toBe(`"${'x'.repeat(40)}…"`);
    expect(quoteRaw('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`);
  });
});

describe('unescapeQuoted', () => {
  it('undoes nginx and Apache quote and backslash escapes only', () => {
    expect(unescapeQuoted('say \\x22hi\\x22')).toBe('say "hi"');
    expect(unescapeQuoted('say \\"hi\\" \\\\ \\x5C')).toBe('say "hi" \\ \\');
    expect(unescapeQuoted('\\xAD\\x00')).toBe('\\xAD\\x00');
  });
});

describe('stripCri', () => {
  it('strips the prefix and reports partial lines', () => {
    expect(stripCri(`2025-12-31T17:37:40.493035218+01:00 stdout F ${LINE}`)).toEqual({ text: LINE, partial: false });
    expect(stripCri(`2025-12-31T17:37:40Z stderr P ${LINE}`)).toEqual({ text: LINE, partial: true });
    expect(stripCri(LINE)).toEqual({ text: LINE, partial: false });
  });
});

describe('combined-log map', () => {
  it('maps a combined line; the query never reaches the event', () => {
    expect(expectEvent(map(LINE))).toEqual({
      time: Date.parse('2023-06-10T15:36:28Z'),
      source: CTX,
      format: 'combined-log',
      kind: 'request',
      action: 'GET /a',
      outcome: 'success',
      user: undefined,
      sessionId: undefined,
      tokenId: undefined,
      clientId: undefined,
      ip: '192.0.2.1',
      userAgent: 'curl/8.7.1',
      clientHint: undefined,
      method: 'GET',
      path: '/a',
      status: 200,
    });
  });

  it('reads escaped quotes in the user agent and a user name', () => {
    const e = expectEvent(map('192.0.2.1 - bob [10/Jun/2023:15:36:28 -0700] "GET / HTTP/1.1" 500 - "-" "say \\"hi\\""'));
    expect(e).toMatchObject({
      user: 'bob',
      userAgent: 'say "hi"',
      status: 500,
      outcome: 'failure',
      time: Date.parse('2023-06-10T22:36:28Z'),
    });
  });

  it('skips records that are not text lines', () => {
    expect(expectSkip(map({ line: LINE }))).toBe('record is not a text line (object)');
    expect(expectSkip(map(null))).toBe('record is not a text line (null)');
  });

  it('names Apache and nginx error lines', () => {
    expect(expectSkip(map('[Thu Oct 13 12:24:49.880562 2022] [auth_basic:error] [pid 10] AH01618: user sss not found: /'))).toBe(
      'an Apache error log line, not a request',
    );
    expect(expectSkip(map('2021/12/01 13:53:33 [error] 31#31: *46 open() failed'))).toBe('an nginx error log line, not a request');
  });
});

describe('combined-log detection', () => {
  const probe = (records: unknown[]) => ({ container: 'text' as const, records });

  it('claims the file when most lines have the layout, junk request lines included', () => {
    expect(combinedLog.detect(probe([LINE, LINE, 'garbage']))).toBe(true);
    expect(combinedLog.detect(probe([LINE.replace('GET /a?b=c HTTP/1.1', '\\x16\\x03\\x01')]))).toBe(true);
  });

  it('ignores error-log and partial container lines either way', () => {
    expect(combinedLog.detect(probe([LINE, '2021/12/01 13:53:33 [error] 31#31: x', '2021/12/01 13:53:34 [warn] 31#31: y']))).toBe(true);
    expect(combinedLog.detect(probe(['2021/12/01 13:53:33 [error] 31#31: x']))).toBe(false);
  });

  it('does not claim other text or other containers', () => {
    expect(combinedLog.detect(probe([LINE, 'garbage', 'more garbage']))).toBe(false);
    expect(combinedLog.detect(probe([]))).toBe(false);
    expect(combinedLog.detect({ container: 'json', records: [LINE] })).toBe(false);
    // Envoy's text format: ISO time in brackets, not CLF.
    expect(
      combinedLog.detect(probe(['[2016-04-15T20:17:00.310Z] "POST /api HTTP/2" 204 - 154 0 226 100 "10.0.35.28" "nsq2http" "id" "a" "b"'])),
    ).toBe(false);
  });
});
