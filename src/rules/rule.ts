import type { NormalizedEvent } from '../model/event.js';
import type { ClientUsage, EvidenceEvent, Session } from '../model/session.js';
import type { Severity } from '../model/severity.js';
import type { AgentRegistry } from '../config/registry.js';

/** What a rule reports; the engine adds the stable id, the user and the session. */
export interface RuleHit {
  severity: Severity;
  title: string;
  reason: string;
  /** The client the finding is about: part of the finding's identity. */
  client: ClientUsage;
  firstSeen: number;
  lastSeen: number;
  count: number;
  evidence: EvidenceEvent[];
  recommendation: string;
  details: Record<string, unknown>;
}

/** What every rule may consult besides the session: run-wide facts and configuration. */
export interface RuleContext {
  /** Every session of the run, for rules that follow links (a derived session's parent). */
  sessions: ReadonlyMap<string, Session>;
  /** The declared agents (`--agents FILE`), when one is given; rules about declared agents stay quiet without it. */
  registry?: AgentRegistry;
  /** Scratch space that lives as long as one scan, for memos rules share (never module-level state). */
  readonly memo: Map<string, unknown>;
}

export function newRuleContext(sessions: ReadonlyMap<string, Session>, registry?: AgentRegistry): RuleContext {
  return { sessions, registry, memo: new Map() };
}

/** The scan's memo under `key`, made on first use. */
export function scanMemo<T>(context: RuleContext, key: string, create: () => T): T {
  let value = context.memo.get(key) as T | undefined;
  if (value === undefined) {
    value = create();
    context.memo.set(key, value);
  }
  return value;
}

export interface Rule {
  id: string;
  severity: Severity;
  title: string;
  description: string;
  /** Standards and write-ups the rule maps to. */
  references: string[];
  /**
   * Optional per-event hook, for rules that must judge each event as it streams past (the engine keeps
   * no event list). Keep state bounded, in `session.ruleState` under the rule id.
   */
  observe?(event: NormalizedEvent, session: Session, client: ClientUsage, context: RuleContext): void;
  /** Combines this rule's state of two sessions found to be one (a join after streaming); defaults to keeping the first. */
  mergeState?(target: unknown, source: unknown): unknown;
  evaluate(session: Session, context: RuleContext): RuleHit[];
}
