import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixture, leakedSecrets, nonBlankLines, readDetected, skipsByLine, utc } from '../combined-log/helpers.js';

const S3_OBJECT = fixture(
  'aws-alb/alb-s3/111122223333_elasticloadbalancing_us-east-1_app.portal-prod.50dc6c495c0c9188_20260303T0905Z_10.0.0.5_2kx9q1.log',
);

describe('aws-alb fixtures, read with the registry (format detected, not forced)', () => {
  it('alb-s3: h2, https, wss, http; IPv6 client; extra trailing fields; an unparsed request is skipped', async () => {
    const { report, events } = await readDetected(S3_OBJECT);
    expect(report.format).toBe('aws-alb');
    expect(events.map((e) => [e.source.line, e.action, e.status])).toEqual([
      [1, 'GET /app/dashboard', 200],
      [2, 'GET /api/projects', 200],
      [3, 'POST /v1/projects/4711/files', 201],
      [4, 'GET /v1/me', 200],
      [5, 'GET /socket', 101],
      [6, 'GET /', 301],
      [7, 'GET /app/settings', 200],
      [9, 'GET /api/export', 460],
    ]);
    expect(skipsByLine(report)).toEqual({ 8: 'request line is not METHOD PATH PROTOCOL: "- https://api.example.com:443-"' });
    // Microseconds are kept as a fraction of a millisecond.
    expect(events[0]!.time).toBeCloseTo(utc('2026-03-03T09:00:01.412Z') + 0.345, 3);
    expect(events[0]).toMatchObject({
      format: 'aws-alb',
      kind: 'request',
      outcome: 'success',
      ip: '198.51.100.23',
      method: 'GET',
      path: '/app/dashboard',
    });
    expect(events[0]!.userAgent).toMatch(/Chrome\/141/);
    expect(events[0]!.user).toBeUndefined();
    expect(events[2]).toMatchObject({ ip: '198.51.100.23', userAgent: 'python-httpx/0.28.1' });
    expect(events[3]).toMatchObject({ ip: '2001:db8:4006:812::200e', userAgent: 'curl/8.7.1' });
    expect(events[7]).toMatchObject({ outcome: 'failure', userAgent: undefined });
    expect(leakedSecrets(events)).toEqual([]);
    expect(events.length + report.skipped).toBe(nonBlankLines(S3_OBJECT));
  });

  it('reads the gzip object ALB delivers to S3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-alb-'));
    const gz = join(dir, 'alb.log.gz');
    writeFileSync(gz, gzipSync(readFileSync(S3_OBJECT)));
    const { report, events } = await readDetected(gz).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(report).toMatchObject({ format: 'aws-alb', events: 8, skipped: 1 });
    expect(events[3]!.ip).toBe('2001:db8:4006:812::200e');
  });

  it('malformed: damaged lines are skipped with their line and reason', async () => {
    const file = fixture('aws-alb/malformed/alb-damaged.log');
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('aws-alb');
    expect(events.map((e) => e.source.line)).toEqual([1, 2, 3, 8]);
    const skips = skipsByLine(report);
    expect(Object.keys(skips).map(Number)).toEqual([4, 5, 6, 7]);
    expect(skips[4]).toBe('ALB line has 13 fields, at least 14 are needed (up to "user_agent")');
    expect(skips[5]).toMatch(/^unbalanced quotes, not an ALB access log line: "https 2026-03-03T09:11:01/);
    expect(skips[6]).toMatch(/^not an ALB access log line \(type time elb client:port \.\.\. elb_status_code \.\.\. "request" "user_agent"\): "2015-05-13T23:39:43/);
    expect(skips[7]).toBe('no readable time (time: "2026-13-45T99:00:00Z")');
    expect(events.length + report.skipped).toBe(nonBlankLines(file));
  });
});
