import { describe, expect, it } from 'vitest';
import { breakGlassUse as rule } from '../../src/rules/break-glass-use.js';
import { min, request, signIn, UA } from './build.js';
import { run } from './registry-build.js';

/** The approved window of the test registry: 2026-11-03 02:00-04:00 UTC, that is min(1020) to min(1140). */
const APPROVED = min(17 * 60 + 30);

describe('break-glass-use', () => {
  it('is high for a person using a break-glass account with no approval', () => {
    const found = run([rule], [signIn('bg1', 'BreakGlass@example.com', UA.firefoxWin, '198.51.100.60', min(0))]);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('high');
    expect(found[0]!.reason).toBe(
      'break-glass account BreakGlass@example.com was used by Firefox on Windows (browser) 1 time(s), with no approved window',
    );
    expect(found[0]!.details).toMatchObject({ automation: false, approved: false, approval: null });
  });

  it('is critical when the client is automation', () => {
    const found = run(
      [rule],
      [
        signIn('bg2', 'breakglass@example.com', 'curl/8.7.1', '203.0.113.99', min(0)),
        request('bg2', 'curl/8.7.1', '203.0.113.99', min(1), '/api/admin/users'),
      ],
    );
    expect(found.map((h) => [h.severity, h.count])).toEqual([['critical', 2]]);
    expect(found[0]!.recommendation).toMatch(/A program holding an emergency account is never the intended use/);
  });

  it('is low inside an approved window, and names the approval', () => {
    const found = run(
      [rule],
      [
        signIn('bg3', 'breakglass@example.com', UA.firefoxWin, '198.51.100.60', APPROVED),
        request('bg3', UA.firefoxWin, '198.51.100.60', APPROVED + 40 * 60_000, '/api/admin/users'),
      ],
    );
    expect(found.map((h) => h.severity)).toEqual(['low']);
    expect(found[0]!.reason).toMatch(/inside its approved window INC-4711 \(2026-11-03T02:00:00.000Z to 2026-11-03T04:00:00.000Z\)$/);
    expect(found[0]!.details).toMatchObject({
      approved: true,
      approval: { ticket: 'INC-4711', file: 'agents.yaml', line: expect.any(Number) },
    });
  });

  it('is high when the use runs past the approved window, naming the approval it ran past', () => {
    const found = run(
      [rule],
      [
        signIn('bg4', 'breakglass@example.com', UA.firefoxWin, '198.51.100.60', APPROVED),
        request('bg4', UA.firefoxWin, '198.51.100.60', APPROVED + 180 * 60_000, '/api/admin/users'),
      ],
    );
    expect(found.map((h) => h.severity)).toEqual(['high']);
    expect(found[0]!.reason).toMatch(/partly outside its approved window INC-4711/);
  });

  it('stays quiet for other accounts and without a registry', () => {
    expect(run([rule], [signIn('s1', 'alice@example.com', UA.chromeWin, '198.51.100.23', min(0))])).toEqual([]);
    expect(run([rule], [signIn('bg5', 'breakglass@example.com', UA.firefoxWin, '198.51.100.60', min(0))], null)).toEqual([]);
  });
});
