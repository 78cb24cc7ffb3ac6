import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixture, leakedSecrets, readDetected, skipsByLine, utc } from './helpers.js';

const CHROME = /^Mozilla\/5\.0 \(Macintosh.*Chrome\/141/;

describe('combined-log fixtures, read with the registry (format detected, not forced)', () => {
  it('nginx-combined: every line is a request; users, agents, IPv6, no query strings', async () => {
    const { report, events } = await readDetected(fixture('combined-log/nginx-combined/access.log'));
    expect(report).toMatchObject({ format: 'combined-log', events: 7, skipped: 0, errors: [] });
    expect(events.map((e) => e.source.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(events[0]).toMatchObject({
      time: utc('2026-03-03T08:00:01Z'),
      format: 'combined-log',
      kind: 'request',
      action: 'GET /app/dashboard',
      outcome: 'success',
      method: 'GET',
      path: '/app/dashboard',
      status: 200,
      ip: '198.51.100.23',
    });
    expect(events[0]!.userAgent).toMatch(CHROME);
    expect(events[0]!.user).toBeUndefined();
    expect(events[0]!.sessionId).toBeUndefined();
    expect(events[1]).toMatchObject({ action: 'GET /api/projects', path: '/api/projects' });
    expect(events[2]).toMatchObject({ action: 'POST /api/projects/4711/files', status: 201, userAgent: 'python-httpx/0.28.1' });
    expect(events[3]!.userAgent).toMatch(/^Claude-User/);
    expect(events[4]).toMatchObject({ ip: '2001:db8:85a3::8a2e:370:7334', status: 204, userAgent: 'kube-probe/1.31' });
    expect(events[5]).toMatchObject({ user: 'ops', action: 'DELETE /admin/cache', status: 403, outcome: 'failure' });
    expect(events[6]).toMatchObject({ action: 'OPTIONS *', userAgent: undefined });
    expect(leakedSecrets(events)).toEqual([]);
  });

  it('apache-common: Common Log Format (7 fields), `-` bytes, a user, a host name, +1100 offset', async () => {
    const { report, events } = await readDetected(fixture('combined-log/apache-common/access_log'));
    expect(report).toMatchObject({ format: 'combined-log', events: 4, skipped: 0 });
    expect(events[0]).toMatchObject({ time: utc('2025-10-16T18:57:49Z'), action: 'GET /index.html', ip: '192.0.2.10', status: 200 });
    expect(events.every((e) => e.userAgent === undefined)).toBe(true);
    expect(events[1]).toMatchObject({ user: 'frank', path: '/private/report.csv' });
    expect(events[2]).toMatchObject({ action: 'POST /cgi-bin/login', status: 302 });
    expect(events[3]).toMatchObject({ ip: 'host-7.example.net', action: 'HEAD /' });
    expect(leakedSecrets(events)).toEqual([]);
  });

  it('apache-vhost-combined: the leading vhost:port is not the client', async () => {
    const { report, events } = await readDetected(fixture('combined-log/apache-vhost-combined/other_vhosts_access.log'));
    expect(report).toMatchObject({ format: 'combined-log', events: 3, skipped: 0 });
    expect(events.map((e) => e.ip)).toEqual(['198.51.100.23', '198.51.100.23', '203.0.113.9']);
    expect(events[0]).toMatchObject({ action: 'GET /sso/callback', status: 302 });
    expect(events[0]!.userAgent).toContain('Firefox/135.0');
    expect(events[2]!.userAgent).toBe('Go-http-client/1.1');
    expect(leakedSecrets(events)).toEqual([]);
  });

  it('nginx-forwarded-for: extra trailing fields, quoted or not; the user agent is the 2nd quoted field', async () => {
    const { report, events } = await readDetected(fixture('combined-log/nginx-forwarded-for/access.log'));
    expect(report).toMatchObject({ format: 'combined-log', events: 4, skipped: 0 });
    expect(events[0]!.userAgent).toMatch(CHROME);
    expect(events[0]).toMatchObject({ ip: '10.0.12.4', action: 'GET /api/search' });
    expect(events[1]).toMatchObject({ userAgent: 'node', action: 'POST /mcp' });
    expect(events[3]).toMatchObject({ userAgent: 'python-requests/2.32.3', ip: '10.244.0.1', action: 'GET /api/items', status: 200 });
    expect(leakedSecrets(events)).toEqual([]);
  });

  it('cri-prefixed: Kubernetes container lines; partial lines and error lines are skipped', async () => {
    const { report, events } = await readDetected(fixture('combined-log/cri-prefixed/ingress-nginx.log'));
    expect(report.format).toBe('combined-log');
    expect(events.map((e) => [e.source.line, e.action, e.status])).toEqual([
      [1, 'GET /', 200],
      [5, 'POST /api/upload', 413],
    ]);
    expect(events[0]!.time).toBe(utc('2026-03-03T12:00:00Z'));
    const skips = skipsByLine(report);
    expect(Object.keys(skips).map(Number)).toEqual([2, 3, 4]);
    expect(skips[2]).toBe('partial container log line (CRI tag P): the runtime split a long line and its parts are not joined');
    expect(skips[3]).toMatch(/^not a combined or common log line \(host ident user \[time\] "request" status bytes\): "aaaa/);
    expect(skips[4]).toBe('an nginx error log line, not a request');
  });

  it('malformed: each bad line is skipped with its line number and a reason', async () => {
    const file = fixture('combined-log/malformed/access.log');
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('combined-log');
    expect(events.map((e) => [e.source.line, e.action, e.status])).toEqual([
      [1, 'GET /login', 200],
      [11, 'GET /api/items', 499],
    ]);
    expect(skipsByLine(report)).toEqual({
      2: 'request line is not METHOD PATH PROTOCOL: "\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03…"',
      3: 'request line is not METHOD PATH PROTOCOL: "-"',
      4: 'request line is not METHOD PATH PROTOCOL: "lv|\'|\'|SGVsbG8gd29ybGQ=|\'|\'|MARK|\'|\'|use…"',
      5: 'request line is not METHOD PATH PROTOCOL: "HELP"',
      7: 'an nginx error log line, not a request',
      8: 'not a combined or common log line (host ident user [time] "request" status bytes): "192.0.2.5 - - [03/Mar/2026:12:00:01 +000…"',
      9: 'no readable time ("[31/Foo/2026:12:00:02 +0000]")',
      10: 'not a combined or common log line (host ident user [time] "request" status bytes): "DEBUG: reloading configuration"',
    });
    expect(report.events + report.skipped).toBe(readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).length);
  });

  it('reads a gzip copy the same, whatever its name', async () => {
    const plain = fixture('combined-log/nginx-combined/access.log');
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-combined-'));
    const gz = join(dir, 'access.log.1');
    writeFileSync(gz, gzipSync(readFileSync(plain)));
    const zipped = await readDetected(gz).finally(() => rmSync(dir, { recursive: true, force: true }));
    const original = await readDetected(plain);
    expect(zipped.report.format).toBe('combined-log');
    const strip = (r: typeof original) => r.events.map(({ source, ...rest }) => ({ ...rest, line: source.line }));
    expect(strip(zipped)).toEqual(strip(original));
  });
});
