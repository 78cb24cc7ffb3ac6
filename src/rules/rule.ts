import type { ClientUsage, EvidenceEvent, Session } from '../model/session.js';
import type { Severity } from '../model/severity.js';

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

export interface Rule {
  id: string;
  severity: Severity;
  title: string;
  description: string;
  /** Standards and write-ups the rule maps to. */
  references: string[];
  evaluate(session: Session): RuleHit[];
}
