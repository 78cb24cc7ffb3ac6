import { describe, expect, it } from 'vitest';
import { traefik } from '../../../src/input/traefik/index.js';
import { CTX, expectEvent, expectSkip } from '../map-helpers.js';

const BASE = {
  ClientAddr: '192.0.2.1:5000',
  ClientHost: '192.0.2.1',
  ClientUsername: '-',
  DownstreamStatus: 200,
  RequestMethod: 'GET',
  RequestPath: '/a?b=c',
  RouterName: 'web@docker',
  StartUTC: '2026-01-08T14:19:15Z',
  'request_User-Agent': 'curl/8.7.1',
};
const map = (r: unknown) => traefik.map(r, CTX);

describe('traefik map', () => {
  it('maps an access record', () => {
    expect(expectEvent(map(BASE))).toMatchObject({
      time: Date.parse('2026-01-08T14:19:15Z'),
      format: 'traefik',
      action: 'GET /a',
      status: 200,
      ip: '192.0.2.1',
      user: undefined,
      userAgent: 'curl/8.7.1',
    });
  });

  it('falls back to StartLocal and time, and to ClientAddr without its port', () => {
    const { StartUTC: _s, ClientHost: _h, ...rest } = BASE;
    const e = expectEvent(map({ ...rest, StartLocal: '2026-01-08T15:19:15+01:00', ClientAddr: '[2001:db8::9]:443' }));
    expect(e).toMatchObject({ time: Date.parse('2026-01-08T14:19:15Z'), ip: '2001:db8::9' });
    expect(expectEvent(map({ ...rest, time: '2026-01-08T14:19:16Z' })).time).toBe(Date.parse('2026-01-08T14:19:16Z'));
  });

  it('skips with reasons', () => {
    expect(expectSkip(map('x'))).toBe('record is not a JSON object (string)');
    expect(expectSkip(map({ a: 1 }))).toBe('not a Traefik access record (no RequestMethod; keys: a)');
    expect(expectSkip(map({ ...BASE, RequestPath: '' }))).toBe('no usable RequestPath ("")');
    const { StartUTC: _s, ...noTime } = BASE;
    expect(expectSkip(map(noTime))).toBe('no readable time (StartUTC missing)');
  });

  it('detects Traefik records (0.85), not other access logs', () => {
    expect(traefik.detect({ container: 'json', records: [BASE, BASE, { level: 'info' }] })).toBe(true);
    expect(traefik.detect({ container: 'json', records: [{ RequestMethod: 'GET', DownstreamStatus: 200 }] })).toBe(false);
    expect(traefik.detect({ container: 'json', records: [{ method: 'GET', status: 200, time: 'x' }] })).toBe(false);
    expect(traefik.detect({ container: 'text', records: [BASE] })).toBe(false);
  });
});
