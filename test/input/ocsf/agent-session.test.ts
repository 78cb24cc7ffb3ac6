import { describe, expect, it } from 'vitest';
import { ocsf } from '../../../src/input/ocsf/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const metadata = { version: '1.9.0', product: { name: 'Portal' } };
const logon = {
  class_uid: 3002,
  activity_id: 1,
  time: 1793617200000,
  status_id: 1,
  user: { name: 'erin@example.com' },
  session: { uid: 'sess-9' },
  http_request: { user_agent: CHROME },
  metadata,
};
const http = {
  class_uid: 4002,
  time: 1793617260000,
  actor: { user: { name: 'erin@example.com' }, session: { uid: 'sess-9' } },
  http_request: { http_method: 'GET', url: { path: '/api/orders' }, user_agent: CHROME },
  http_response: { code: 200 },
  metadata,
};

describe('ocsf sessions and agents', () => {
  it("reads Authentication's top-level session.uid, so a logon and its session's HTTP Activity join", () => {
    const signin = expectEvent(ocsf.map(logon, CTX));
    const request = expectEvent(ocsf.map(http, CTX));
    expect(signin).toMatchObject({ kind: 'signin', sessionId: 'sess-9', interactive: true });
    expect(request.sessionId).toBe(signin.sessionId);
  });

  it('prefers actor.session.uid where both are given', () => {
    expect(expectEvent(ocsf.map({ ...logon, actor: { session: { uid: 'actor-s' } } }, CTX)).sessionId).toBe('actor-s');
  });

  it('takes ai_agent for the agent that performed the event, present', () => {
    const e = expectEvent(ocsf.map({ ...http, ai_agent: { uid: 'agt-1', name: 'Browser Use', type_id: 99, type: 'Other' } }, CTX));
    expect(e.agent).toEqual({ kind: 'present', agent: 'Browser Use', proof: 'ai_agent.name = Browser Use' });
    expect(expectEvent(ocsf.map({ ...http, ai_agent: { uid: 'agt-1' } }, CTX)).agent).toEqual({
      kind: 'present',
      agent: 'agt-1',
      proof: 'ai_agent.uid = agt-1',
    });
  });

  it("takes ai_agent with a delegation for the agent acting under delegated authority, for the event's user", () => {
    const e = expectEvent(
      ocsf.map({ ...http, ai_agent: { uid: 'agt-1', name: 'Browser Use' }, delegation: { uid: 'dlg-7', issuer_uid: 'okta' } }, CTX),
    );
    expect(e.agent).toEqual({
      kind: 'delegated',
      agent: 'Browser Use',
      onBehalfOf: 'erin@example.com',
      proof: 'delegation.uid = dlg-7; ai_agent.name = Browser Use',
    });
  });

  it('says nothing of an agent without ai_agent, or with one that names none', () => {
    expect(expectEvent(ocsf.map(http, CTX))).not.toHaveProperty('agent');
    expect(expectEvent(ocsf.map({ ...http, ai_agent: {} }, CTX))).not.toHaveProperty('agent');
  });
});

describe('ocsf HTTP Activity methods', () => {
  it('takes only an HTTP method token for the method: anything else is none, and never enters the action', () => {
    const e = expectEvent(ocsf.map({ ...http, http_request: { ...http.http_request, http_method: '#' } }, CTX));
    expect(e).toMatchObject({ method: undefined, action: '- /api/orders' });
    expect(expectEvent(ocsf.map({ ...http, http_request: { ...http.http_request, http_method: 'get' } }, CTX)).method).toBe('GET');
  });
});
