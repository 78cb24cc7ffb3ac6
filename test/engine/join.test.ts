import { describe, expect, it } from 'vitest';
import { createClientClassifier } from '../../src/clients/classify.js';
import { joinSessions } from '../../src/engine/join.js';
import { SessionStore } from '../../src/engine/sessions.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { agentOnHumanSession } from '../../src/rules/agent-on-human-session.js';
import { ev, min, request, signIn, UA } from '../rules/build.js';
import { newRuleContext } from '../../src/rules/rule.js';

function joined(events: NormalizedEvent[]) {
  const store = new SessionStore(createClientClassifier());
  for (const e of events) store.add(e);
  joinSessions(store, (_id, a) => a);
  return [...store.sessions.values()];
}

const IP = '198.51.100.7';

describe('joining sessions after streaming', () => {
  it('joins token-only events to the session whose sign-in carried that token id, in any order', () => {
    const signin = { ...signIn('sess-1', 'alice@example.com', UA.chromeMac, IP), format: 'entra-signin', tokenId: 'uti-abc' };
    const api = {
      ...request(undefined, UA.pythonRequests, IP, min(30)),
      format: 'access-log',
      tokenId: 'uti-abc',
      user: 'alice@example.com',
    };
    for (const order of [
      [signin, api],
      [api, signin],
    ]) {
      const sessions = joined(order);
      expect(sessions.map((s) => s.id)).toEqual(['sess-1']);
      const py = [...sessions[0]!.clients.values()].find((c) => c.identity.class === 'http-library')!;
      expect(py.joinedBy).toBe('token-id');
      const hits = agentOnHumanSession.evaluate(sessions[0]!, newRuleContext(new Map()));
      expect(hits).toHaveLength(1);
    }
  });

  it('keeps a token-only session apart when no session carried its token', () => {
    const sessions = joined([{ ...request(undefined, UA.pythonRequests, IP, min(1)), tokenId: 'lonely' }]);
    expect(sessions.map((s) => s.id)).toEqual(['token:lonely']);
  });

  it('joins access-log activity without ids by user, IP and time inside the session, as a weaker join', () => {
    const sessions = joined([
      { ...signIn('okta-1', 'Bob@example.com', UA.chromeMac, IP), format: 'okta' },
      { ...request(undefined, UA.claudeCli, IP, min(20)), format: 'combined-log', user: 'bob@example.com' },
    ]);
    expect(sessions).toHaveLength(1);
    const agent = [...sessions[0]!.clients.values()].find((c) => c.identity.class === 'ai-agent')!;
    expect(agent.joinedBy).toBe('user-ip-time');
  });

  it('does not join by user and IP outside the session lifetime, from another IP, or when two sessions could match', () => {
    const base = { ...signIn('okta-1', 'bob@example.com', UA.chromeMac, IP), format: 'okta' };
    const ended = ev({
      time: min(10),
      kind: 'signout',
      action: 'user.session.end',
      sessionId: 'okta-1',
      user: 'bob@example.com',
      userAgent: UA.chromeMac,
      ip: IP,
    });
    const late = { ...request(undefined, UA.claudeCli, IP, min(60)), format: 'combined-log', user: 'bob@example.com' };
    expect(joined([base, ended, late])).toHaveLength(2);
    const elsewhere = { ...request(undefined, UA.claudeCli, '203.0.113.1', min(5)), format: 'combined-log', user: 'bob@example.com' };
    expect(joined([base, elsewhere])).toHaveLength(2);
    const twin = { ...signIn('okta-2', 'bob@example.com', UA.firefoxWin, IP), format: 'okta' };
    const during = { ...request(undefined, UA.claudeCli, IP, min(5)), format: 'combined-log', user: 'bob@example.com' };
    expect(joined([base, twin, during])).toHaveLength(3);
  });
});
