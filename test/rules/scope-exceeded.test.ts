import { describe, expect, it } from 'vitest';
import { scopeExceeded as rule } from '../../src/rules/scope-exceeded.js';
import { ev, min, request, signIn, UA } from './build.js';
import { call, READER_UA, REPORT_UA, run, tokenExchange } from './registry-build.js';

const READER = { user: 'svc-reader@example.com', userAgent: READER_UA };

describe('scope-exceeded', () => {
  it("fires for a declared agent's request outside every allow pattern, with the requests as evidence", () => {
    const found = run(
      [rule],
      [
        tokenExchange('d1', 's-alice', 'alice@example.com', min(60)),
        call('d1', 'GET', '/api/reports/weekly', min(61), { userAgent: REPORT_UA }),
        call('d1', 'GET', '/api/customers/7', min(62), { userAgent: REPORT_UA }),
        call('d1', 'POST', '/api/reports/a/b/render', min(63), { userAgent: REPORT_UA }),
      ],
    );
    expect(found).toHaveLength(1);
    const hit = found[0]!;
    expect(hit.severity).toBe('high');
    expect(hit.count).toBe(2);
    expect(hit.reason).toMatch(
      /^declared agent report-agent \(.*owner alice@example.com\) made 2 request\(s\) outside every allow pattern of its tasks$/,
    );
    expect(hit.evidence.map((e) => e.summary)).toEqual([
      'GET /api/customers/7 -> 200 from 203.0.113.140',
      'POST /api/reports/a/b/render -> 200 from 203.0.113.140',
    ]);
    expect(hit.evidence[0]).toMatchObject({ file: 'test.log', line: expect.any(Number) });
    expect(hit.details).toMatchObject({
      declaredAgent: { name: 'report-agent', owner: 'alice@example.com' },
      outOfScope: 2,
      inScope: 1,
      judged: 3,
      writesWhereReadOnly: 0,
      operations: ['GET /api/customers/7', 'POST /api/reports/a/b/render'],
      notChecked: 0,
    });
  });

  it('says so when a write went where the tasks allow only reads', () => {
    const found = run(
      [rule],
      [
        signIn('r1', 'svc-reader@example.com', READER_UA, '10.0.0.9', min(1)),
        call('r1', 'GET', '/api/tickets/7', min(2), READER),
        call('r1', 'POST', '/api/tickets/7/close', min(3), READER),
        call('r1', 'DELETE', '/api/tickets/9', min(4), READER),
      ],
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.reason).toMatch(
      /made 2 request\(s\) outside every allow pattern of its tasks, 2 of them write\(s\) \(DELETE, POST\) where its tasks allow only reads/,
    );
    expect(found[0]!.details).toMatchObject({ writesWhereReadOnly: 2, writeMethods: ['DELETE', 'POST'] });
  });

  it('judges AWS eventSource:eventName calls and identity-provider apps by their patterns', () => {
    const found = run(
      [rule],
      [
        ev({ time: min(5), kind: 'request', action: 's3.amazonaws.com:GetObject', sessionId: 'aws1', ...READER }),
        ev({ time: min(6), kind: 'request', action: 's3.amazonaws.com:PutObject', sessionId: 'aws1', ...READER }),
        ev({ time: min(7), kind: 'other', action: 'user.authentication.sso', app: 'Salesforce', sessionId: 'aws1', ...READER }),
        ev({ time: min(8), kind: 'other', action: 'user.authentication.sso', app: 'Workday', sessionId: 'aws1', ...READER }),
      ],
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.details).toMatchObject({ outOfScope: 2, inScope: 2, operations: ['app:Workday', 's3.amazonaws.com:PutObject'] });
  });

  it("inside a window uses that window's tasks; outside every window, any of the agent's tasks", () => {
    // morning-read (09:00-10:00) allows S3 reads; afternoon-read (14:00-15:00) only GET /api/tickets/**.
    const inAfternoon = run(
      [rule],
      [ev({ time: min(320), kind: 'request', action: 's3.amazonaws.com:GetObject', sessionId: 'aws2', ...READER })],
    );
    expect(inAfternoon.map((h) => h.count)).toEqual([1]);
    const betweenWindows = run(
      [rule],
      [ev({ time: min(120), kind: 'request', action: 's3.amazonaws.com:GetObject', sessionId: 'aws3', ...READER })],
    );
    expect(betweenWindows).toEqual([]);
  });

  it('reports a delegated session acting for someone no task names in onBehalfOf', () => {
    const found = run(
      [rule],
      [
        signIn('s-bob', 'bob@example.com', UA.chromeMac, '198.51.100.7', min(50)),
        tokenExchange('d2', 's-bob', 'bob@example.com', min(60)),
        call('d2', 'GET', '/api/reports/weekly', min(61), { userAgent: REPORT_UA }),
      ],
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.reason).toMatch(/acted for bob@example.com through a delegated session, whom none of its tasks names in onBehalfOf/);
    expect(found[0]!.details).toMatchObject({ actedFor: 'bob@example.com', outOfScope: 0 });
  });

  it('stays quiet for an agent in scope and in its window, acting for the person its task names', () => {
    expect(
      run(
        [rule],
        [
          signIn('s-alice', 'alice@example.com', UA.chromeWin, '198.51.100.23', min(50)),
          tokenExchange('d3', 's-alice', 'alice@example.com', min(60)),
          call('d3', 'GET', '/api/reports', min(61), { userAgent: REPORT_UA }),
          call('d3', 'GET', '/api/reports/weekly/sections', min(62), { userAgent: REPORT_UA }),
          call('d3', 'post', '/api/reports/42/render/', min(63), { userAgent: REPORT_UA }),
        ],
      ),
    ).toEqual([]);
  });

  it("does not judge the person's own browser on a session the agent rides, nor anything without a registry", () => {
    const events = [
      signIn('s4', 'alice@example.com', UA.chromeWin, '198.51.100.23', min(60)),
      request('s4', UA.chromeWin, '198.51.100.23', min(61), '/api/customers'),
      call('s4', 'GET', '/api/reports/weekly', min(62), { userAgent: REPORT_UA }),
    ];
    expect(run([rule], events)).toEqual([]);
    const outside = [...events, call('s4', 'DELETE', '/api/reports/1', min(63), { userAgent: REPORT_UA })];
    expect(run([rule], outside).map((h) => h.client.userAgent)).toEqual([REPORT_UA]);
    expect(run([rule], outside, null)).toEqual([]);
  });

  it('does not depend on the order events arrive in', () => {
    const events = [
      tokenExchange('d5', 's-alice', 'alice@example.com', min(60)),
      ...[1, 2, 3, 4, 5, 6, 7].map((i) => call('d5', 'PUT', `/api/reports/${i}`, min(60 + i), { userAgent: REPORT_UA })),
    ];
    const shape = (hits: ReturnType<typeof run>) => hits.map((h) => [h.count, h.firstSeen, h.lastSeen, h.evidence, h.details]);
    expect(shape(run([rule], [...events].reverse()))).toEqual(shape(run([rule], events)));
    expect(run([rule], events)[0]!.evidence).toHaveLength(5);
  });

  it('keeps its tallies when a token-only session joins the session that carried the token', () => {
    const found = run(
      [rule],
      [
        call(undefined, 'DELETE', '/api/reports/1', min(61), { userAgent: REPORT_UA, tokenId: 'jti-1' }),
        tokenExchange('d6', 's-alice', 'alice@example.com', min(60), { tokenId: 'jti-1' }),
        call('d6', 'DELETE', '/api/reports/2', min(62), { userAgent: REPORT_UA }),
      ],
    );
    expect(found.map((h) => [h.session, h.count, h.details.operations])).toEqual([
      ['d6', 2, ['DELETE /api/reports/1', 'DELETE /api/reports/2']],
    ]);
  });

  it('counts what came before the agent was recognized as not checked', () => {
    // The access log names no user and no client id; only the later sign-in says whose session it is.
    const events = [
      call('r9', 'DELETE', '/api/tickets/1', min(2), { userAgent: READER_UA }),
      signIn('r9', 'svc-reader@example.com', READER_UA, '10.0.0.9', min(1)),
      call('r9', 'DELETE', '/api/tickets/2', min(3), { userAgent: READER_UA }),
    ];
    const [hit] = run([rule], events);
    expect(hit!.count).toBe(1);
    expect(hit!.details.notChecked).toBe(1);
  });
});
