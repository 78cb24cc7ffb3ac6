import type { NormalizedEvent } from '../model/event.js';
import type { Finding } from '../model/finding.js';
import type { ClientUsage, Session } from '../model/session.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { compareFindings, toFinding } from './findings.js';

export type EventObserver = (event: NormalizedEvent, session: Session, client: ClientUsage) => void;

/** The per-event half of detection: rules that judge each event as it streams past (the engine keeps no event list). */
export function observerFor(rules: readonly Rule[], context: RuleContext): EventObserver | undefined {
  const observers = rules.filter((r) => r.observe !== undefined);
  if (observers.length === 0) return undefined;
  return (event, session, client) => {
    for (const rule of observers) rule.observe!(event, session, client, context);
  };
}

/**
 * The detect stage: every session against every rule, in a stable order (severity, first seen, id). `clientKeys`, when
 * given, learns which client each finding (by id) is about, so that its timeline can mark that client's lane.
 */
export function detect(
  sessions: ReadonlyMap<string, Session>,
  rules: readonly Rule[],
  context: RuleContext,
  clientKeys?: Map<string, string>,
): Finding[] {
  const findings: Finding[] = [];
  for (const session of sessions.values()) {
    for (const rule of rules) {
      for (const hit of rule.evaluate(session, context)) {
        const finding = toFinding(rule, session, hit);
        findings.push(finding);
        clientKeys?.set(finding.id, hit.client.identity.key);
      }
    }
  }
  return findings.sort(compareFindings);
}
