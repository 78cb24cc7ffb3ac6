import { describe, expect, it } from 'vitest';
import { agentOnHumanSession as rule } from '../../src/rules/agent-on-human-session.js';
import { undeclaredAgent } from '../../src/rules/undeclared-agent.js';
import { min, request, signIn, UA } from './build.js';
import { call, registryOf, REPORT_UA, run, tokenExchange } from './registry-build.js';

describe('agent-on-human-session with a registry', () => {
  it('names the declared agent and its owner when the automation on a human session is one', () => {
    const found = run(
      [rule],
      [signIn('s-bob', 'bob@example.com', UA.chromeMac, '198.51.100.7', min(0)), request('s-bob', UA.claudeCli, '198.51.100.7', min(30))],
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('high');
    expect(found[0]!.reason).toMatch(/; it is declared agent helper \(owner bob@example.com\), which should use its own identity$/);
    expect(found[0]!.details.declaredAgent).toEqual({
      name: 'helper',
      owner: 'bob@example.com',
      file: 'agents.yaml',
      line: expect.any(Number),
    });
  });

  it('counts a declared agent as automation even when its user agent classifies as unknown', () => {
    const events = [
      signIn('s-alice', 'alice@example.com', UA.chromeWin, '198.51.100.23', min(0)),
      request('s-alice', 'ReportAgent/2.0', '198.51.100.23', min(30), '/api/reports/weekly'),
    ];
    expect(run([rule], events).map((h) => h.details.declaredAgent)).toEqual([expect.objectContaining({ name: 'report-agent' })]);
    expect(run([rule], events, null)).toEqual([]);
  });

  it('gives no finding for a declared agent acting for the person through its own delegated session', () => {
    const events = [
      signIn('s-alice', 'alice@example.com', UA.chromeWin, '198.51.100.23', min(50)),
      request('s-alice', UA.chromeWin, '198.51.100.23', min(51)),
      tokenExchange('d1', 's-alice', 'alice@example.com', min(60)),
      call('d1', 'GET', '/api/reports/weekly', min(61), { userAgent: REPORT_UA }),
    ];
    expect(run([rule, undeclaredAgent], events)).toEqual([]);
  });

  it('never takes the client that signed the person in for a rider, even if a declared glob matches it', () => {
    const registry = registryOf('agents:\n  - name: chrome-bot\n    owner: ops@example.com\n    userAgents: ["*Chrome/142*"]\n');
    const events = [
      signIn('s-eve', 'eve@example.com', UA.chromeMac, '198.51.100.3', min(0)),
      request('s-eve', UA.chromeMac, '198.51.100.3', min(1)),
    ];
    expect(run([rule], events, registry)).toEqual([]);
  });

  it('without a registry, reports as before and names no agent', () => {
    const found = run(
      [rule],
      [signIn('s-bob', 'bob@example.com', UA.chromeMac, '198.51.100.7', min(0)), request('s-bob', UA.claudeCli, '198.51.100.7', min(30))],
      null,
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.details.declaredAgent).toBeUndefined();
    expect(found[0]!.reason).not.toMatch(/declared agent/);
  });
});
