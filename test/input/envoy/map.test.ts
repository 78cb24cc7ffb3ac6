import { describe, expect, it } from 'vitest';
import { envoy, envoyJson } from '../../../src/input/envoy/index.js';
import { CTX, expectEvent, expectSkip } from '../map-helpers.js';

const TEXT =
  '[2016-04-15T20:17:00.310Z] "POST /api/v1/locations?key=x HTTP/2" 204 - 154 0 226 100 "10.0.35.28, 10.0.0.1" "nsq2http" "cc21d9b0" "locations" "tcp://10.0.2.1:80"';
const JSON_RECORD = {
  start_time: '2025-12-31T16:37:40.479Z',
  method: 'GET',
  'x-envoy-origin-path': '/a?b',
  response_code: 200,
  downstream_remote_address: '[2001:db8::1]:443',
  'user-agent': 'curl/8.5.0',
};
const CRI = '2025-12-31T17:37:40.493035218+01:00 stdout F ';

describe('envoy map', () => {
  it('reads the default text format, with or without a CRI prefix', () => {
    for (const line of [TEXT, CRI + TEXT]) {
      expect(expectEvent(envoy.map(line, CTX))).toMatchObject({
        time: Date.parse('2016-04-15T20:17:00.310Z'),
        format: 'envoy',
        action: 'POST /api/v1/locations',
        status: 204,
        ip: '10.0.35.28',
        userAgent: 'nsq2http',
      });
    }
  });

  it('reads JSON lines and JSON records, port dropped from the client address', () => {
    const line = expectEvent(envoy.map(CRI + JSON.stringify(JSON_RECORD), CTX));
    const record = expectEvent(envoyJson.map(JSON_RECORD, CTX));
    expect(line).toMatchObject({ format: 'envoy', action: 'GET /a', ip: '2001:db8::1', userAgent: 'curl/8.5.0', status: 200 });
    expect({ ...record, format: 'envoy' }).toEqual(line);
    expect(record.format).toBe('envoy-json');
  });

  it('takes X-Forwarded-For when there is no downstream address; status 0 is no status', () => {
    const { downstream_remote_address: _d, ...rest } = JSON_RECORD;
    const e = expectEvent(envoyJson.map({ ...rest, 'x-forwarded-for': '198.51.100.1, 10.0.0.1', response_code: 0 }, CTX));
    expect(e).toMatchObject({ ip: '198.51.100.1', status: undefined, outcome: 'unknown' });
  });

  it('reads a text line of an unknown layout without client fields', () => {
    const e = expectEvent(envoy.map('[2016-04-15T20:17:00.310Z] "GET /x HTTP/1.1" 200 custom "a" "b"', CTX));
    expect(e).toMatchObject({ action: 'GET /x', status: 200, ip: undefined, userAgent: undefined });
  });

  it('skips with reasons', () => {
    expect(expectSkip(envoy.map(7, CTX))).toBe('record is not a text line (number)');
    expect(expectSkip(envoyJson.map('x', CTX))).toBe('record is not a JSON object (string)');
    expect(expectSkip(envoyJson.map({ ...JSON_RECORD, start_time: 'later' }, CTX))).toBe('no readable time (start_time: "later")');
    expect(expectSkip(envoy.map('[not a time] "GET / HTTP/1.1" 200 - 0 0 0 - "-" "-" "-" "-" "-"', CTX))).toBe(
      'no readable time ("[not a time]")',
    );
  });

  it('detects container lines (text) and plain JSON files (json), 0.85', () => {
    expect(envoy.detect({ container: 'text', records: [TEXT, CRI + JSON.stringify(JSON_RECORD), 'junk'] })).toBe(true);
    expect(envoy.detect({ container: 'text', records: ['junk', '{"a":1}'] })).toBe(false);
    expect(envoyJson.detect({ container: 'json', records: [JSON_RECORD] })).toBe(true);
    expect(envoyJson.detect({ container: 'json', records: [{ start_time: 'x', response_code: 200 }] })).toBe(false);
  });
});
