import { describe, expect, it } from 'vitest';
import { awsAlb } from '../../../src/input/aws-alb/index.js';
import { clientIp } from '../../../src/input/aws-alb/map.js';
import { splitFields } from '../../../src/input/common/quoted-fields.js';
import { CTX, expectEvent, expectSkip } from '../map-helpers.js';

const LINE =
  'https 2026-03-03T09:00:01.412345Z app/portal-prod/50dc6c495c0c9188 198.51.100.23:52114 10.0.1.17:8080 0.000 0.012 0.000 200 200 612 4410 ' +
  '"GET https://portal.example.com:443/a/b?token=x HTTP/1.1" "curl/8.7.1" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 ' +
  'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067 "Root=1-65e43a01-0a1b2c3d4e5f60718293a4b5" ' +
  '"portal.example.com" "-" 1 2026-03-03T09:00:01.398000Z "forward" "-" "-" "10.0.1.17:8080" "200" "-" "-"';

describe('splitFields', () => {
  it('splits on spaces and keeps quoted fields whole, escaped quotes included', () => {
    expect(splitFields('a "b c" d "e \\" f" ""')).toEqual([
      { value: 'a', quoted: false },
      { value: 'b c', quoted: true },
      { value: 'd', quoted: false },
      { value: 'e \\" f', quoted: true },
      { value: '', quoted: true },
    ]);
    expect(splitFields('a "b')).toBeUndefined();
  });
});

describe('clientIp', () => {
  it('splits client:port on the last colon; IPv6 is logged without brackets', () => {
    expect(clientIp('198.51.100.23:52114')).toBe('198.51.100.23');
    expect(clientIp('2001:db8::1:443')).toBe('2001:db8::1');
    expect(clientIp('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(clientIp('-')).toBeUndefined();
  });
});

describe('aws-alb map', () => {
  it('maps the documented fields', () => {
    const e = expectEvent(awsAlb.map(LINE, CTX));
    expect(e.time).toBeCloseTo(Date.parse('2026-03-03T09:00:01.412Z') + 0.345, 3);
    expect(e).toMatchObject({
      format: 'aws-alb',
      action: 'GET /a/b',
      path: '/a/b',
      status: 200,
      ip: '198.51.100.23',
      userAgent: 'curl/8.7.1',
      source: CTX,
    });
  });

  it('falls back to request_creation_time when time is unreadable', () => {
    const e = expectEvent(awsAlb.map(LINE.replace('2026-03-03T09:00:01.412345Z', 'x'), CTX));
    expect(e.time).toBe(Date.parse('2026-03-03T09:00:01.398Z'));
  });

  it('skips what is not an ALB line', () => {
    expect(expectSkip(awsAlb.map(42, CTX))).toBe('record is not a text line (number)');
    expect(expectSkip(awsAlb.map('tcp 2026-03-03T09:00:01Z net/x/y', CTX))).toMatch(/^not an ALB access log line/);
  });

  it('claims ALB lines and nothing else', () => {
    expect(awsAlb.detect({ container: 'text', records: [LINE, LINE] })).toBe(true);
    expect(awsAlb.detect({ container: 'text', records: [LINE, 'x', 'y'] })).toBe(false);
    expect(awsAlb.detect({ container: 'text', records: ['1.2.3.4 - - [10/Jun/2023:15:36:28 +0000] "GET / HTTP/1.1" 200 1'] })).toBe(false);
    expect(awsAlb.detect({ container: 'json', records: [LINE] })).toBe(false);
  });
});
