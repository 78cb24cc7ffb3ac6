import { describe, expect, it } from 'vitest';
import { apiGateway } from '../../../src/input/api-gateway/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const BASE = {
  requestId: 'r-1',
  ip: '192.0.2.1',
  requestTime: '10/Jun/2023:15:36:28 +0000',
  httpMethod: 'POST',
  path: '/mcp',
  status: '200',
};
const map = (r: Record<string, unknown>) => expectEvent(apiGateway.map({ ...BASE, ...r }, CTX));

describe('api-gateway client headers and claims', () => {
  it("reads client headers from the template's own keys and from a Lambda authorizer's context", () => {
    expect(map({ mcpMethod: 'tools/call', mcpName: 'search_tickets' }).headers).toEqual({
      mcpMethod: 'tools/call',
      mcpName: 'search_tickets',
    });
    expect(
      map({ authorizer: { signature_agent: '"https://chatgpt.com"', signature_input: 'sig1=();tag="web-bot-auth"' } }).headers,
    ).toEqual({
      signatureAgent: 'https://chatgpt.com',
      webBotAuth: true,
    });
    expect(map({ 'authorizer.mcp_name': 'search_tickets' }).headers).toEqual({ mcpName: 'search_tickets' });
  });

  it('takes an act claim from the authorizer for a delegation, and says nothing without one', () => {
    const e = map({
      authorizer: { claims: { email: 'bob@example.com', sid: 's-1', act: '{"sub":"0oa9agent","sub_profile":"ai_agent"}' } },
    });
    expect(e.agent).toEqual({
      kind: 'delegated',
      agent: '0oa9agent',
      onBehalfOf: 'bob@example.com',
      proof: 'authorizer.claims.act.sub = 0oa9agent; authorizer.claims.act.sub_profile = ai_agent',
    });
    expect(e.sessionId).toBe('s-1');
    expect(map({ 'authorizer.jwt.claims.sub': 'bob', 'authorizer.jwt.claims.act': { sub: 'agent-2' } }).agent).toMatchObject({
      agent: 'agent-2',
    });
    expect(map({ authorizer: { claims: { email: 'bob@example.com', sid: 's-1' } } })).not.toHaveProperty('agent');
  });
});
