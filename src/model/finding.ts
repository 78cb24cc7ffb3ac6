import type { ClientClass } from './client.js';
import type { Correlation } from './session.js';
import type { Severity } from './severity.js';

export interface FindingEvidence {
  file: string;
  line: number;
  /** ISO 8601, UTC. */
  time: string;
  summary: string;
}

/**
 * `new` counts toward the exit code; `known` is in the baseline; `suppressed` matched an
 * ignore-file entry that has a reason and has not expired.
 */
export type FindingStatus = 'new' | 'known' | 'suppressed';

export interface SuppressionRef {
  reason: string;
  owner: string | null;
  expires: string | null;
  file: string;
  line: number;
}

/** An ignore-file entry that expired (and so stopped suppressing) or matched no finding. */
export interface StaleSuppression {
  file: string;
  line: number;
  why: 'expired' | 'matched nothing';
  entry: {
    id?: string;
    rule?: string;
    user?: string;
    session?: string;
    userAgent?: string;
    reason: string;
    owner?: string;
    expires?: string;
  };
}

/** A finding as every reporter reads it: plain, JSON-ready data. */
export interface Finding {
  /** Stable: derived from rule, user, session and client, never from lines, file order or run time. */
  id: string;
  rule: string;
  severity: Severity;
  title: string;
  /** One line saying why, for the table. */
  reason: string;
  user: string | null;
  session: string;
  correlation: Correlation;
  client: { userAgent: string; class: ClientClass; ip: string | null };
  firstSeen: string;
  lastSeen: string;
  count: number;
  evidence: FindingEvidence[];
  recommendation: string;
  status: FindingStatus;
  suppression?: SuppressionRef;
  /** The identity provider's own risk signals on the same session (Okta ITP, Entra ID Protection), where logged. */
  corroboratedBy?: (FindingEvidence & { signal: string; detail: string | null })[];
  /** Rule-specific facts (the human client, the IPs, the networks, the pace measured). */
  details: Record<string, unknown>;
}
