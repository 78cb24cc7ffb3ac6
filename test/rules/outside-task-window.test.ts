import { describe, expect, it } from 'vitest';
import { outsideTaskWindow as rule } from '../../src/rules/outside-task-window.js';
import { min, signIn, UA } from './build.js';
import { call, READER_UA, REPORT_UA, run, tokenExchange } from './registry-build.js';

describe('outside-task-window', () => {
  it('fires when a credential outlived its task: use after the last task ended, with the latest use as evidence', () => {
    // weekly-report runs 10:00-11:00 (min(60)-min(120)).
    const events = [
      tokenExchange('d1', 's-alice', 'alice@example.com', min(150)),
      ...[151, 160, 170, 180, 190, 200, 240].map((m) => call('d1', 'GET', '/api/reports/weekly', min(m), { userAgent: REPORT_UA })),
    ];
    const found = run([rule], events);
    expect(found).toHaveLength(1);
    const hit = found[0]!;
    expect(hit.severity).toBe('high');
    expect(hit.count).toBe(8);
    expect(hit.reason).toMatch(
      /^declared agent report-agent \(.*owner alice@example.com\) was used 8 time\(s\) after its last task \(weekly-report\) ended at 2026-11-02T11:00:00.000Z, until 2026-11-02T13:00:00.000Z: a credential that outlived its task and should have been revoked$/,
    );
    expect(hit.evidence).toHaveLength(6);
    expect(hit.evidence[0]!.summary).toMatch(/^app\.oauth2\.as\.token\.grant\.access_token/);
    expect(hit.evidence[5]!.time).toBe(min(240));
    expect(hit.details).toMatchObject({ outside: 8, after: 8, before: 0, between: 0, inWindow: 0, lastTask: { name: 'weekly-report' } });
  });

  it('fires for activity before the first window and between windows, and says which', () => {
    // reader: morning-read 09:00-10:00, afternoon-read 14:00-15:00.
    const reader = { userAgent: READER_UA, user: 'svc-reader@example.com' };
    const found = run(
      [rule],
      [
        signIn('r1', 'svc-reader@example.com', READER_UA, '10.0.0.9', min(-30)),
        call('r1', 'GET', '/api/tickets/1', min(10), reader),
        call('r1', 'GET', '/api/tickets/2', min(180), reader),
      ],
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.reason).toMatch(/was active 2 time\(s\) outside all of its task windows, 1 before its first task began$/);
    expect(found[0]!.details).toMatchObject({ outside: 2, before: 1, between: 1, after: 0, inWindow: 1 });
  });

  it('stays quiet for an agent active only inside its task window (start and end included)', () => {
    expect(
      run(
        [rule],
        [
          signIn('s-alice', 'alice@example.com', UA.chromeWin, '198.51.100.23', min(50)),
          tokenExchange('d2', 's-alice', 'alice@example.com', min(60)),
          call('d2', 'GET', '/api/reports/weekly', min(90), { userAgent: REPORT_UA }),
          call('d2', 'GET', '/api/reports/weekly', min(120), { userAgent: REPORT_UA }),
        ],
      ),
    ).toEqual([]);
  });

  it('stays quiet for agents declared without tasks, people, and without a registry', () => {
    const events = [
      signIn('s-bob', 'bob@example.com', UA.chromeMac, '198.51.100.7', min(300)),
      call('s-bob', 'GET', '/api/builds', min(301), { userAgent: UA.claudeCli }),
      tokenExchange('d3', 's-alice', 'alice@example.com', min(400)),
    ];
    expect(run([rule], events).map((h) => h.session)).toEqual(['d3']);
    expect(run([rule], events.slice(0, 2))).toEqual([]);
    expect(run([rule], events, null)).toEqual([]);
  });

  it('does not depend on the order events arrive in', () => {
    const events = [
      tokenExchange('d4', 's-alice', 'alice@example.com', min(130)),
      ...[131, 132, 133, 134, 135, 136, 137, 300].map((m) => call('d4', 'GET', '/api/reports/x', min(m), { userAgent: REPORT_UA })),
    ];
    const shape = (hits: ReturnType<typeof run>) => hits.map((h) => [h.count, h.firstSeen, h.lastSeen, h.evidence, h.details, h.reason]);
    expect(shape(run([rule], [...events].reverse()))).toEqual(shape(run([rule], events)));
  });
});
