import { describe, expect, it } from 'vitest';
import { okta } from '../../../src/input/okta/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const base = {
  published: '2026-11-02T10:00:00.000Z',
  eventType: 'user.authentication.sso',
  actor: { id: '00ualice', type: 'User', alternateId: 'alice@example.com' },
  client: { id: '0oa8agent', ipAddress: '203.0.113.140' },
  authenticationContext: { externalSessionId: '102alice' },
  outcome: { result: 'SUCCESS' },
};
const map = (over: Record<string, unknown>) => expectEvent(okta.map({ ...base, ...over }, CTX));
const agentActor = { id: 'wlp8x5q7mvH86KvFJ0g7', type: 'AI Agent', displayName: 'ProGear Sales Agent' };
const aliceTarget = [
  { id: '00ualice', type: 'User', alternateId: 'alice@example.com' },
  { type: 'AuthorizationServer', displayName: 'Inventory MCP' },
];

describe('okta agent identity', () => {
  it('takes an ID-JAG grant for the agent acting for the user it names, delegated', () => {
    const e = map({ eventType: 'app.oauth2.token.grant.id_jag', actor: agentActor, target: aliceTarget });
    expect(e.kind).toBe('token');
    expect(e.agent).toEqual({
      kind: 'delegated',
      agent: 'ProGear Sales Agent',
      onBehalfOf: 'alice@example.com',
      proof: 'eventType = app.oauth2.token.grant.id_jag',
    });
  });

  it('names the client of an ID-JAG grant a person requested through it', () => {
    expect(map({ eventType: 'app.oauth2.token.grant.id_jag' }).agent).toMatchObject({
      agent: '0oa8agent',
      onBehalfOf: 'alice@example.com',
    });
  });

  it("takes a token exchange on the person's own session for a delegation to its client, for the acting user", () => {
    const e = map({
      eventType: 'app.oauth2.as.token.grant.access_token',
      debugContext: { debugData: { grantType: 'urn:ietf:params:oauth:grant-type:token-exchange' } },
    });
    expect(e.agent).toEqual({
      kind: 'delegated',
      agent: '0oa8agent',
      onBehalfOf: 'alice@example.com',
      proof: 'debugContext.debugData.grantType = urn:ietf:params:oauth:grant-type:token-exchange',
    });
  });

  it('leaves a token exchange that starts a derived session to the derived session, which already says so', () => {
    const e = map({
      eventType: 'app.oauth2.as.token.grant.access_token',
      debugContext: { debugData: { grantType: 'urn:ietf:params:oauth:grant-type:token-exchange' } },
      authenticationContext: { externalSessionId: '102derived', rootSessionId: '102alice' },
    });
    expect(e).toMatchObject({ sessionId: '102derived', rootSessionId: '102alice' });
    expect(e).not.toHaveProperty('agent');
  });

  it('takes any event an AI agent performs, workload_principal.* among them, for its own', () => {
    expect(map({ eventType: 'workload_principal.ai_agent.credential.create', actor: agentActor }).agent).toEqual({
      kind: 'own',
      agent: 'ProGear Sales Agent',
      proof: 'actor.type = AI Agent',
    });
  });

  it('says nothing of an agent for an admin managing one, other grants, or Native-to-Web SSO', () => {
    expect(map({ eventType: 'workload_principal.ai_agent.credential.create', target: [agentActor] })).not.toHaveProperty('agent');
    expect(
      map({ eventType: 'app.oauth2.as.token.grant.access_token', debugContext: { debugData: { grantType: 'authorization_code' } } }),
    ).not.toHaveProperty('agent');
    expect(map({ eventType: 'app.oauth2.token.grant.interclient_token' })).not.toHaveProperty('agent');
    expect(map({ eventType: 'user.session.start', actor: { id: 'x', type: 'PublicClientApp' } })).not.toHaveProperty('agent');
  });
});

describe('okta risk signals', () => {
  it('keeps a session context change with its cause and addresses', () => {
    const e = map({
      eventType: 'user.session.context.change',
      debugContext: { debugData: { Causes: ['ipAddress.change'], PreviousIpAddress: '198.51.100.23', NewIpAddress: '203.0.113.50' } },
    });
    expect(e.risk).toEqual([
      { signal: 'user.session.context.change', detail: 'ipAddress.change; PreviousIpAddress 198.51.100.23 -> NewIpAddress 203.0.113.50' },
    ]);
    expect(e.sessionId).toBe('102alice');
  });

  it('finds the session of an asynchronous detection in debugData ExternalSessionId', () => {
    const e = map({
      eventType: 'user.session.context.change',
      authenticationContext: {},
      debugContext: { debugData: { ExternalSessionId: 'idxncn50DUmRpqWcz3doJX18g', Causes: 'deviceContext.change' } },
    });
    expect(e).toMatchObject({
      sessionId: 'idxncn50DUmRpqWcz3doJX18g',
      risk: [{ signal: 'user.session.context.change', detail: 'deviceContext.change' }],
    });
  });

  it('keeps user.risk.detect with its risk and security.session.detect_client_roaming as it is', () => {
    expect(
      map({ eventType: 'user.risk.detect', debugContext: { debugData: { risk: '{level=HIGH, reasons=Session hijack}' } } }).risk,
    ).toEqual([{ signal: 'user.risk.detect', detail: '{level=HIGH, reasons=Session hijack}' }]);
    expect(map({ eventType: 'security.session.detect_client_roaming', debugContext: { debugData: '' } }).risk).toEqual([
      { signal: 'security.session.detect_client_roaming' },
    ]);
  });

  it('keeps no risk for other events, and ignores ExternalSessionId on them', () => {
    const e = map({
      eventType: 'user.authentication.sso',
      authenticationContext: {},
      debugContext: { debugData: { ExternalSessionId: 'x' } },
    });
    expect(e).not.toHaveProperty('risk');
    expect(e.sessionId).toBeUndefined();
  });

  it('caps what it keeps', () => {
    const e = map({ eventType: 'user.risk.detect', debugContext: { debugData: { risk: 'r'.repeat(100_000) } } });
    expect(e.risk![0]!.detail!.length).toBeLessThanOrEqual(256);
  });
});
