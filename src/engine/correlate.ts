import { createClientClassifier } from '../clients/classify.js';
import type { Session } from '../model/session.js';
import type { Rule } from '../rules/rule.js';
import { joinSessions } from './join.js';
import { DEFAULT_LIMITS, SessionStore, type StoreLimits } from './sessions.js';

/**
 * The correlate stage. While files stream, `store.add` ties each event into its session; once every file is read,
 * `joinStage` joins what streaming could not (token-only sessions, activity known only by user and IP), folding the
 * per-rule state of joined sessions the way each rule says.
 */
export function createSessionStore(inputBytes?: number, limits: Partial<StoreLimits> = {}): SessionStore {
  return new SessionStore(createClientClassifier(), inputBytes, { ...DEFAULT_LIMITS, ...limits });
}

export function joinStage(store: SessionStore, rules: readonly Rule[]): ReadonlyMap<string, Session> {
  joinSessions(store, (ruleId, target, source) => {
    const rule = rules.find((r) => r.id === ruleId);
    return rule?.mergeState ? rule.mergeState(target, source) : target;
  });
  return store.sessions;
}
