import { describe, expect, it } from 'vitest';
import { entraSignin } from '../../../src/input/entra-signin/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const properties = {
  createdDateTime: '2026-11-02T09:00:00Z',
  userPrincipalName: 'alice@example.com',
  sessionId: 'sess-1',
  appId: 'app-1',
  appDisplayName: 'Report Agent',
  servicePrincipalName: 'report-agent-instance',
  userAgent: 'claude-cli/2.0.14 (external, cli)',
  status: { errorCode: 0 },
};
const diagnostic = (extra: Record<string, unknown>, category = 'SignInLogs') =>
  expectEvent(entraSignin.map({ time: '2026-11-02T09:00:00Z', category, properties: { ...properties, ...extra } }, CTX));

describe('entra sign-in agent identity', () => {
  it('takes an agent identity signing in as itself for its own', () => {
    const e = diagnostic(
      { agent: { agentType: 'agenticAppInstance', agentSubjectType: 'agenticAppInstance', parentAppId: 'bp-1' } },
      'ServicePrincipalSignInLogs',
    );
    expect(e.agent).toEqual({ kind: 'own', agent: 'report-agent-instance', proof: 'properties.agent.agentType = agenticAppInstance' });
  });

  it('takes an agent identity signing in for a subject that is no agent for a delegation to that person', () => {
    const e = diagnostic({ agent: { agentType: 'agenticAppInstance', agentSubjectType: 'notAgentic' } });
    expect(e.agent).toEqual({
      kind: 'delegated',
      agent: 'report-agent-instance',
      onBehalfOf: 'alice@example.com',
      proof: 'properties.agent.agentType = agenticAppInstance; properties.agent.agentSubjectType = notAgentic',
    });
  });

  it('reads unknownFutureValue as an agentic identity, saying why', () => {
    expect(diagnostic({ agent: { agentType: 'unknownFutureValue' } }).agent).toMatchObject({
      kind: 'own',
      proof: expect.stringContaining('include-unknown-enum-members'),
    });
  });

  it("marks notAgentic sign-ins, and reads Log Analytics' Agent column as JSON text", () => {
    expect(diagnostic({ agent: { agentType: 'notAgentic' } }).agent).toEqual({
      kind: 'not-agent',
      proof: 'properties.agent.agentType = notAgentic',
    });
    const graph = expectEvent(entraSignin.map({ ...properties, Agent: '{"agentType":"agentIDuser"}' }, CTX));
    expect(graph.agent).toEqual({ kind: 'own', agent: 'report-agent-instance', proof: 'Agent.agentType = agentIDuser' });
  });

  it('says nothing for a sign-in without an agent object, or with a value it does not know', () => {
    expect(diagnostic({})).not.toHaveProperty('agent');
    expect(diagnostic({ agent: { agentType: 'somethingNew' } })).not.toHaveProperty('agent');
    expect(diagnostic({ agent: 'not json' })).not.toHaveProperty('agent');
  });
});

describe('entra sign-in risk signals', () => {
  it('keeps each riskEventTypes_v2 value and an unbound sign-in session', () => {
    const e = diagnostic({
      riskEventTypes_v2: ['anomalousToken', 'unfamiliarFeatures'],
      riskEventTypes: ['unfamiliarFeatures'],
      riskLevelDuringSignIn: 'high',
      tokenProtectionStatusDetails: { signInSessionStatus: 'unbound', signInSessionStatusCode: 1008 },
    });
    expect(e.risk).toEqual([
      { signal: 'anomalousToken', detail: 'riskLevelDuringSignIn high' },
      { signal: 'unfamiliarFeatures', detail: 'riskLevelDuringSignIn high' },
      { signal: 'tokenProtection: unbound', detail: 'signInSessionStatusCode 1008' },
    ]);
  });

  it('falls back to riskEventTypes, reads JSON text, and keeps nothing for none or a bound session', () => {
    expect(diagnostic({ riskEventTypes: '["anomalousToken"]' }).risk).toEqual([{ signal: 'anomalousToken' }]);
    expect(diagnostic({ riskEventTypes_v2: ['none'], tokenProtectionStatusDetails: { signInSessionStatus: 'bound' } })).not.toHaveProperty(
      'risk',
    );
  });
});
