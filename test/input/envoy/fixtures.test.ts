import { describe, expect, it } from 'vitest';
import { fixture, leakedSecrets, nonBlankLines, readDetected, skipsByLine, utc } from '../combined-log/helpers.js';

describe('envoy fixtures, read with the registry (format detected, not forced)', () => {
  it('cri-mixed: CRI-prefixed JSON, Envoy and Istio text; what is not a request is skipped with a reason', async () => {
    const file = fixture('envoy/cri-mixed/envoy.log');
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('envoy');
    expect(events.map((e) => [e.source.line, e.action, e.status, e.ip, e.userAgent])).toEqual([
      [1, 'GET /app/dashboard', 200, '198.51.100.23', expect.stringMatching(/Chrome\/141/)],
      [2, 'POST /api/projects/4711/files', 201, '198.51.100.23', 'python-httpx/0.28.1'],
      [3, 'GET /api/me', 200, '2001:db8::5a24', 'curl/8.7.1'],
      [9, 'GET /api/export', 503, '2001:db8::77', 'Go-http-client/2.0'],
    ]);
    // Envoy's start time, not the CRI prefix's write time (an hour apart in another zone, and later).
    expect(events[0]!.time).toBe(utc('2026-03-03T08:00:01.400Z'));
    expect(events[1]!.time).toBe(utc('2026-03-03T08:04:10.201Z'));
    expect(events.every((e) => e.format === 'envoy' && e.kind === 'request' && e.user === undefined)).toBe(true);
    expect(events[3]!.outcome).toBe('failure');
    const skips = skipsByLine(report);
    expect(skips[6]).toMatch(/^not an Envoy access log line \(\[start_time\] "request" code \.\.\.\): "\[2026-03-03 08:07:00\.000\]\[1\]\[warning\]/);
    expect(skips[7]).toMatch(/^invalid JSON: /);
    expect({ ...skips, 6: '…', 7: '…' }).toEqual({
      4: 'partial container log line (CRI tag P): the runtime split a long line and its parts are not joined',
      5: 'not an HTTP request: no method or path (keys: :authority, bytes_received, bytes_sent, downstream_remote_address, duration, method)',
      6: '…',
      7: '…',
      8: 'request line is not METHOD PATH PROTOCOL: "- - -"',
    });
    expect(events.length + report.skipped).toBe(nonBlankLines(file));
    expect(leakedSecrets(events)).toEqual([]);
  });

  it('json-file: Envoy JSON without a container prefix is read as envoy-json', async () => {
    const { report, events } = await readDetected(fixture('envoy/json-file/access.json'));
    expect(report).toMatchObject({ format: 'envoy-json', events: 3, skipped: 0 });
    expect(events[0]).toMatchObject({
      time: utc('2026-03-03T12:00:00.123Z'),
      format: 'envoy-json',
      action: 'GET /v1/orders',
      status: 200,
      ip: '198.51.100.23',
    });
    expect(events[0]!.userAgent).toContain('Firefox/135.0');
    expect(events[1]).toMatchObject({ action: 'POST /v1/orders', status: 201, ip: '203.0.113.77', userAgent: 'openai-python/1.54.0' });
    expect(events[2]).toMatchObject({ ip: '10.42.0.1', userAgent: 'kube-probe/1.31' });
    expect(leakedSecrets(events)).toEqual([]);
  });
});
