import { describe, expect, it } from 'vitest';
import { overlongSession as rule } from '../../src/rules/overlong-session.js';
import { min, signIn } from './build.js';
import { call, REPORT_UA, run, tokenExchange } from './registry-build.js';

describe('overlong-session', () => {
  it('fires when a declared agent still uses its session more than maxSessionMinutes after it began', () => {
    // report-agent: maxSessionMinutes 60. Its own identity signs in at 10:00 and is still calling at 11:15.
    const found = run(
      [rule],
      [
        signIn('own1', 'svc-report@example.com', REPORT_UA, '203.0.113.140', min(60)),
        call('own1', 'GET', '/api/reports/weekly', min(70), { userAgent: REPORT_UA }),
        call('own1', 'GET', '/api/reports/weekly', min(135), { userAgent: REPORT_UA }),
      ],
    );
    expect(found).toHaveLength(1);
    const hit = found[0]!;
    expect(hit.severity).toBe('medium');
    expect(hit.reason).toMatch(
      /still used its session 75 min after it began at 2026-11-02T10:00:00.000Z, longer than its maxSessionMinutes of 60$/,
    );
    expect(hit.evidence.map((e) => e.time)).toEqual([min(60), min(135)]);
    expect(hit.details).toMatchObject({ maxSessionMinutes: 60, minutesUsed: 75, beganWith: 'sign-in' });
  });

  it('counts a delegated credential from its first event when no sign-in began it', () => {
    const found = run(
      [rule],
      [
        tokenExchange('d1', 's-alice', 'alice@example.com', min(60)),
        call('d1', 'GET', '/api/reports/weekly', min(125), { userAgent: REPORT_UA }),
      ],
    );
    expect(found.map((h) => [h.details.minutesUsed, h.details.beganWith])).toEqual([[65, 'first event']]);
  });

  it('stays quiet within the limit, for agents without a limit, for sessions grouped by user and IP, and without a registry', () => {
    const within = [
      signIn('own2', 'svc-report@example.com', REPORT_UA, '203.0.113.140', min(60)),
      call('own2', 'GET', '/api/reports/weekly', min(120), { userAgent: REPORT_UA }),
    ];
    expect(run([rule], within)).toEqual([]);
    const noLimit = [
      signIn('own3', 'svc-reader@example.com', 'python-httpx/0.27.0', '10.0.0.9', min(0)),
      call('own3', 'GET', '/api/tickets', min(600), { userAgent: 'python-httpx/0.27.0' }),
    ];
    expect(run([rule], noLimit)).toEqual([]);
    const inferred = [
      call(undefined, 'GET', '/api/reports/a', min(0), { userAgent: REPORT_UA, user: 'svc-report@example.com' }),
      call(undefined, 'GET', '/api/reports/b', min(600), { userAgent: REPORT_UA, user: 'svc-report@example.com' }),
    ];
    expect(run([rule], inferred)).toEqual([]);
    const over = [...within, call('own2', 'GET', '/api/reports/weekly', min(200), { userAgent: REPORT_UA })];
    expect(run([rule], over)).toHaveLength(1);
    expect(run([rule], over, null)).toEqual([]);
  });
});
