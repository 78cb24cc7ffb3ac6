import { describe, expect, it } from 'vitest';
import { agentOnHumanSession } from '../../src/rules/agent-on-human-session.js';
import { undeclaredAgent as rule } from '../../src/rules/undeclared-agent.js';
import { ev, min, request, signIn, UA } from './build.js';
import { call, READER_UA, REPORT_UA, run, tokenExchange } from './registry-build.js';

describe('undeclared-agent', () => {
  it('fires for automation acting as an identity the registry does not declare', () => {
    const found = run(
      [rule],
      [
        signIn('svc1', 'svc-export@example.com', UA.pythonRequests, '10.20.3.15', min(0)),
        request('svc1', UA.pythonRequests, '10.20.3.15', min(1), '/api/exports'),
      ],
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('medium');
    expect(found[0]!.reason).toBe(
      'python-requests (http-library) made 2 call(s) as svc-export@example.com, which no agent in agents.yaml declares',
    );
    expect(found[0]!.details).toMatchObject({ identity: 'svc-export@example.com', delegatedFor: null });
  });

  it('fires for an undeclared OAuth client acting for a person through a delegated session, and names the person', () => {
    const found = run(
      [rule],
      [
        signIn('s-dana', 'dana@example.com', UA.chromeMac, '198.51.100.9', min(0)),
        ev({
          time: min(5),
          kind: 'token',
          action: 'app.oauth2.as.token.grant.access_token',
          sessionId: 'x1',
          rootSessionId: 's-dana',
          user: 'dana@example.com',
          clientId: '0oaUNKNOWN',
          userAgent: UA.pythonRequests,
        }),
      ],
    );
    expect(found.map((h) => h.details.delegatedFor)).toEqual(['dana@example.com']);
    expect(found[0]!.reason).toMatch(/as dana@example.com on behalf of dana@example.com \(a delegated session\)/);
  });

  it('stays quiet for declared agents: by identity, by client, and in their delegated sessions', () => {
    expect(
      run(
        [rule],
        [
          signIn('r1', 'svc-reader@example.com', READER_UA, '10.0.0.9', min(0)),
          signIn('s-alice', 'alice@example.com', UA.chromeWin, '198.51.100.23', min(50)),
          tokenExchange('d1', 's-alice', 'alice@example.com', min(60)),
          call('d1', 'GET', '/api/reports/weekly', min(61), { userAgent: REPORT_UA }),
        ],
      ),
    ).toEqual([]);
  });

  it('leaves human sessions used by automation to agent-on-human-session', () => {
    const events = [
      signIn('s-bob', 'bob@example.com', UA.chromeMac, '198.51.100.7', min(0)),
      request('s-bob', UA.pythonRequests, '198.51.100.7', min(10)),
    ];
    expect(run([rule], events)).toEqual([]);
    expect(run([agentOnHumanSession], events).map((h) => h.rule)).toEqual(['agent-on-human-session']);
  });

  it('stays quiet for anonymous traffic, people, break-glass accounts, and without a registry', () => {
    expect(run([rule], [request(undefined, UA.pythonRequests, '192.0.2.1', min(0), '/public')])).toEqual([]);
    expect(run([rule], [signIn('s-eve', 'eve@example.com', UA.firefoxWin, '198.51.100.3', min(0))])).toEqual([]);
    expect(run([rule], [signIn('bg', 'breakglass@example.com', 'curl/8.7.1', '203.0.113.99', min(0))])).toEqual([]);
    expect(run([rule], [signIn('svc2', 'svc-export@example.com', UA.pythonRequests, '10.20.3.15', min(0))], null)).toEqual([]);
  });
});
