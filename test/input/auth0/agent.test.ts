import { describe, expect, it } from 'vitest';
import { auth0 } from '../../../src/input/auth0/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const base = { date: '2026-11-02T10:00:00.000Z', log_id: 'l-1', client_id: 'cl-agent', client_name: 'Report Agent', ip: '203.0.113.140' };
const map = (over: Record<string, unknown>) => expectEvent(auth0.map({ ...base, ...over }, CTX));

describe('auth0 agent identity', () => {
  it('reads the agent exchanges as token grants with their grant types', () => {
    expect(map({ type: 'seta' })).toMatchObject({
      kind: 'token',
      outcome: 'success',
      grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
    });
    expect(map({ type: 'failed_on_behalf_of_token_exchange' })).toMatchObject({ kind: 'token', outcome: 'failure' });
    expect(map({ type: 'sdeleacft' })).toMatchObject({ kind: 'token', grantType: 'authorization_code' });
    expect(map({ type: 'idjag_exchange_succeeded' })).toMatchObject({
      kind: 'token',
      grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    });
  });

  it("takes agent_id for an agent acting for the log's user, with the external id as proof", () => {
    const e = map({
      type: 'success_on_behalf_of_token_exchange',
      agent_id: 'agt_8Kq2',
      external_agent_id: 'registry-report-agent',
      user_name: 'alice@example.com',
      details: { actor: { sub: 'cl-agent' }, access_token_jti: 'jti-obo-1' },
    });
    expect(e.agent).toEqual({
      kind: 'delegated',
      agent: 'agt_8Kq2',
      onBehalfOf: 'alice@example.com',
      proof: 'agent_id = agt_8Kq2; external_agent_id = registry-report-agent',
    });
    // The issued token's jti: API logs that record it join this exchange.
    expect(e.tokenId).toBe('jti-obo-1');
  });

  it('takes agent_id without a user for the agent acting as itself', () => {
    expect(map({ type: 'secte', agent_id: 'agt_1', user_id: '' }).agent).toEqual({
      kind: 'own',
      agent: 'agt_1',
      proof: 'agent_id = agt_1',
    });
  });

  it("names the acting party of a delegation without agent_id, and sdeleacft's actor as the user who delegates", () => {
    expect(
      map({ type: 'secte', user_id: 'auth0|alice', details: { actor: { sub: 'svc-agent', act: { sub: 'svc-intake' } } } }).agent,
    ).toEqual({
      kind: 'delegated',
      agent: 'svc-agent',
      onBehalfOf: 'auth0|alice',
      proof: 'details.actor.sub = svc-agent',
    });
    expect(map({ type: 'sdeleacft', details: { actor: { sub: 'auth0|alice' } } }).agent).toEqual({
      kind: 'delegated',
      agent: 'Report Agent',
      onBehalfOf: 'auth0|alice',
      proof: 'type = sdeleacft',
    });
    expect(map({ type: 'seta', user_name: 'alice@example.com' }).agent).toMatchObject({
      kind: 'delegated',
      agent: 'Report Agent',
      proof: 'type = seta',
    });
  });

  it("reads Sentinel's flattened keys, and says nothing for an ordinary exchange", () => {
    expect(map({ type: 'secte', user_name: 'bob', details_actor_sub: 'svc-agent' }).agent).toMatchObject({ agent: 'svc-agent' });
    expect(map({ type: 'seacft', user_name: 'bob' })).not.toHaveProperty('agent');
  });
});

describe('auth0 type codes keyed by the log', () => {
  it('reads a type named like a built-in property as any other unknown code', () => {
    expect(map({ type: 'constructor' })).toMatchObject({ kind: 'other', outcome: 'unknown' });
    expect(map({ type: 'sconstructor' })).toMatchObject({ kind: 'other', outcome: 'success' });
  });
});
