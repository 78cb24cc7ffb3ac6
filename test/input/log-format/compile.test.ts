import { describe, expect, it } from 'vitest';
import { compileLogFormat } from '../../../src/input/log-format/index.js';
import { buildPattern } from '../../../src/input/log-format/pattern.js';
import { parseSpec, unwrapSpec } from '../../../src/input/log-format/spec.js';
import { CTX, expectEvent, expectSkip } from '../map-helpers.js';

const COMBINED = '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"';

describe('unwrapSpec', () => {
  it('takes the bare string, the single-quoted string, or the whole directive', () => {
    expect(unwrapSpec(COMBINED)).toBe(COMBINED);
    expect(unwrapSpec(`'${COMBINED}'`)).toBe(COMBINED);
    expect(unwrapSpec(`'${COMBINED}';`)).toBe(COMBINED);
    expect(unwrapSpec(`log_format main '$remote_addr - $remote_user [$time_local] '\n    '"$request" $status';`)).toBe(
      '$remote_addr - $remote_user [$time_local] "$request" $status',
    );
    expect(unwrapSpec(`log_format json escape=json '{"t":"$time_iso8601"}';`)).toBe('{"t":"$time_iso8601"}');
    expect(unwrapSpec(`'it\\'s $status'`)).toBe("it's $status");
  });

  it('takes a bare string starting with a double quote as written', () => {
    expect(unwrapSpec('"$request" $status [$time_local]')).toBe('"$request" $status [$time_local]');
  });
});

describe('parseSpec', () => {
  it('splits literals and variables, $name and ${name}', () => {
    expect(parseSpec('[$time_local] ${request}x $STATUS')).toEqual([
      { literal: '[' },
      { variable: 'time_local' },
      { literal: '] ' },
      { variable: 'request' },
      { literal: 'x ' },
      { variable: 'status' },
    ]);
  });
});

describe('compileLogFormat errors', () => {
  it.each([
    ['', 'invalid --log-format: the log format is empty'],
    ['%h %l %u %t "%r" %>s %b', 'invalid --log-format: no nginx variables ($name) in "%h %l %u %t \\"%r\\" %>s %b"'],
    [
      '$remote_addr$remote_user [$time_local] "$request"',
      'invalid --log-format: $remote_addr and $remote_user have no text between them, so a line cannot be split between them',
    ],
    [
      '$remote_addr [$time_local] "$request" $ x',
      'invalid --log-format: `$` at character 39 does not start a variable name such as $remote_addr',
    ],
    ['${remote_addr [$time_local] "$request"', 'invalid --log-format: `${` at character 1 is not closed by `}` around a variable name'],
    ['\'$remote_addr [$time_local] "$request"', "invalid --log-format: unterminated ' quote starting at character 1"],
    ["'$remote_addr' x '$status'", "invalid --log-format: unexpected text after a quoted string at character 16: x '$status'"],
    [
      '$remote_addr "$request" $status',
      'invalid --log-format: it has no time variable ($time_local, $time_iso8601, $msec); events need a time',
    ],
    ['$remote_addr [$time_local] $status', 'invalid --log-format: it needs $request, or $request_method with $request_uri or $uri'],
  ])('%j', (spec, message) => {
    expect(() => compileLogFormat(spec)).toThrowError(message);
  });
});

describe('compileLogFormat', () => {
  it('reads nginx combined like combined-log does', () => {
    const f = compileLogFormat(COMBINED);
    expect(f).toMatchObject({ id: 'log-format', container: 'text' });
    const e = expectEvent(f.map('192.0.2.1 - bob [10/Jun/2023:15:36:28 +0200] "GET /a?x=1 HTTP/1.1" 404 12 "-" "curl/8.7.1 (x; y)"', CTX));
    expect(e).toMatchObject({
      time: Date.parse('2023-06-10T13:36:28Z'),
      format: 'log-format',
      action: 'GET /a',
      status: 404,
      outcome: 'failure',
      ip: '192.0.2.1',
      user: 'bob',
      userAgent: 'curl/8.7.1 (x; y)',
    });
  });

  it('reads $time_iso8601, $msec, $request_method with $request_uri or $uri, and X-Forwarded-For', () => {
    const iso = compileLogFormat('$time_iso8601 $request_method $request_uri $status "$http_x_forwarded_for"');
    expect(expectEvent(iso.map('2026-03-03T09:00:01+01:00 POST /a/b?c=d 201 "198.51.100.1, 10.0.0.1"', CTX))).toMatchObject({
      time: Date.parse('2026-03-03T08:00:01Z'),
      action: 'POST /a/b',
      ip: '198.51.100.1',
    });
    const msec = compileLogFormat('$msec|$remote_addr|$request_method|$uri|$status');
    expect(expectEvent(msec.map('1772528401.412|192.0.2.9|GET|/x|200', CTX))).toMatchObject({
      time: 1772528401412,
      ip: '192.0.2.9',
      action: 'GET /x',
    });
  });

  it('reads a JSON log_format (escape=json) as text', () => {
    const f = compileLogFormat(
      `log_format j escape=json '{"time":"$time_iso8601","ip":"$remote_addr","req":"$request","status":$status,"ua":"$http_user_agent"}';`,
    );
    const e = expectEvent(
      f.map('{"time":"2026-03-03T09:00:01+00:00","ip":"192.0.2.1","req":"GET /q?x HTTP/1.1","status":200,"ua":"Mozilla/5.0 (X11)"}', CTX),
    );
    expect(e).toMatchObject({ action: 'GET /q', status: 200, userAgent: 'Mozilla/5.0 (X11)', ip: '192.0.2.1' });
  });

  it('takes session cookies by the default rule, or by a given list', () => {
    const spec = '[$time_local] "$request" $status "$cookie_laravel_session" "$cookie_theme" "$cookie_SID"';
    const line = '[10/Jun/2023:15:36:28 +0000] "GET / HTTP/1.1" 200 "abc" "dark" "xyz"';
    const byRule = expectEvent(compileLogFormat(spec).map(line, CTX));
    expect(byRule.sessionId).toMatch(/^sha256:[0-9a-f]{16}$/);
    const byTheme = expectEvent(compileLogFormat(spec, { sessionCookies: ['Theme'] }).map(line, CTX));
    expect(byTheme.sessionId).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(byTheme.sessionId).not.toBe(byRule.sessionId);
    expect(expectEvent(compileLogFormat(spec, { sessionCookies: [] }).map(line, CTX)).sessionId).toBeUndefined();
    // The SID cookie (default rule, second match) is used when the first session cookie is empty.
    const sid = expectEvent(compileLogFormat(spec).map(line.replace('"abc"', '"-"'), CTX));
    expect(sid.sessionId).toMatch(/^sha256:/);
    expect(sid.sessionId).not.toBe(byRule.sessionId);
  });

  it('claims the file when most probe lines match, at the declared tier (above every detected format)', () => {
    const f = compileLogFormat(COMBINED);
    const line = '192.0.2.1 - - [10/Jun/2023:15:36:28 +0000] "GET / HTTP/1.1" 200 12 "-" "curl/8.7.1"';
    expect(f.detect({ container: 'text', records: [line, line, 'x'] })).toBe(true);
    expect(f.detect({ container: 'text', records: [line, 'x', 'y'] })).toBe(false);
    expect(f.detect({ container: 'text', records: [] })).toBe(false);
    expect(f.detect({ container: 'json', records: [line] })).toBe(false);
    expect(f.detection.tier).toBe('declared');
  });

  it('skips lines that do not match, with the line quoted', () => {
    expect(expectSkip(compileLogFormat(COMBINED).map('hello world', CTX))).toBe('line does not match the --log-format: "hello world"');
  });

  it('builds a linear pattern: a value stops at the first occurrence of the text after it', () => {
    const { regex, variables } = buildPattern(parseSpec('a=$x, b=$y;'));
    expect(variables).toEqual(['x', 'y']);
    expect(regex.exec('a=1, b=2, b=3;')?.slice(1)).toEqual(['1', '2, b=3']);
    expect(regex.exec('a=1 2, b=3, 4;')?.slice(1)).toEqual(['1 2', '3, 4']);
    expect(regex.exec('a=1, b=2')).toBeNull();
  });
});
