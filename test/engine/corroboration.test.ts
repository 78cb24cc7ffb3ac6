import { describe, expect, it } from 'vitest';
import { createSessionStore, joinStage } from '../../src/engine/correlate.js';
import { detect } from '../../src/engine/detect.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { agentOnHumanSession } from '../../src/rules/agent-on-human-session.js';
import { newRuleContext } from '../../src/rules/rule.js';
import { ev, min, request, signIn, UA } from '../rules/build.js';

const IP = '198.51.100.7';

function findingsOf(events: NormalizedEvent[]) {
  const store = createSessionStore();
  for (const e of events) store.add(e);
  const sessions = joinStage(store, [agentOnHumanSession]);
  return detect(sessions, [agentOnHumanSession], newRuleContext(sessions));
}

const hijack = (time: number, session: string) =>
  ev({
    time,
    kind: 'other',
    action: 'user.risk.detect',
    sessionId: session,
    risk: [{ signal: 'user.risk.detect', detail: 'session hijack suspected' }],
  });

describe('vendor risk signals', () => {
  it('are attached to the findings of the session they were logged on, with file and line', () => {
    const risk = hijack(min(31), 's1');
    const [finding] = findingsOf([
      signIn('s1', 'bob@example.com', UA.chromeMac, IP),
      request('s1', UA.pythonRequests, '192.0.2.9', min(30)),
      risk,
    ]);
    expect(finding!.corroboratedBy).toEqual([
      {
        file: 'test.log',
        line: risk.source.line,
        time: new Date(min(31)).toISOString(),
        summary: 'user.risk.detect (success)',
        signal: 'user.risk.detect',
        detail: 'session hijack suspected',
      },
    ]);
  });

  it('are not attached to findings of other sessions, and add no field where none was logged', () => {
    const found = findingsOf([
      signIn('s1', 'bob@example.com', UA.chromeMac, IP),
      request('s1', UA.pythonRequests, IP, min(30)),
      hijack(min(31), 'other-session'),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!).not.toHaveProperty('corroboratedBy');
  });

  it('keep the earliest few whatever the order events arrive in', () => {
    const events = [signIn('s1', 'bob@example.com', UA.chromeMac, IP), request('s1', UA.pythonRequests, IP, min(30))];
    for (let i = 0; i < 12; i++) events.push(hijack(min(40 + i), 's1'));
    const forward = findingsOf(events)[0]!.corroboratedBy!;
    const backward = findingsOf([...events].reverse())[0]!.corroboratedBy!;
    expect(forward).toHaveLength(8);
    expect(backward).toEqual(forward);
    expect(forward[0]!.time).toBe(new Date(min(40)).toISOString());
  });
});
