import { describe, expect, it } from 'vitest';
import { fixture, leakedSecrets, nonBlankLines, readDetected, skipsByLine, utc } from '../combined-log/helpers.js';

describe('traefik fixtures, read with the registry (format detected, not forced)', () => {
  it('json: access records are read; log messages, a DEBUG line and damaged records are skipped', async () => {
    const file = fixture('traefik/json/access.log');
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('traefik');
    expect(events.map((e) => [e.source.line, e.action, e.status, e.ip, e.user])).toEqual([
      [1, 'GET /app/dashboard', 200, '198.51.100.23', undefined],
      [2, 'POST /v1/deployments', 201, '2001:db8::5', 'ci-bot'],
      [5, 'GET /v1/status', 502, '203.0.113.4', undefined],
    ]);
    expect(events[0]!.time).toBeCloseTo(utc('2026-03-03T09:00:01.412Z') + 0.345678, 3);
    expect(events[0]!.userAgent).toMatch(/Chrome\/141/);
    expect(events[1]!.userAgent).toBe('GitHub-Actions-Runner/2.321.0');
    expect(events[2]).toMatchObject({ userAgent: undefined, outcome: 'failure', time: utc('2026-03-03T09:02:00.250Z') });
    const skips = skipsByLine(report);
    expect(skips[4]).toMatch(/^invalid JSON: /);
    expect({ ...skips, 4: '…' }).toEqual({
      3: 'not a Traefik access record (no RequestMethod; a log message: level "error", msg "Error while dialing backend: dial tcp 17…")',
      4: '…',
      6: 'no readable time (StartUTC: "soon")',
      7: 'no usable RequestMethod ("\\u0016\\u0003")',
    });
    expect(events.length + report.skipped).toBe(nonBlankLines(file));
    expect(leakedSecrets(events)).toEqual([]);
  });
});
