import type { ClientClass } from './client.js';
import type { Finding, StaleSuppression } from './finding.js';
import type { Severity } from './severity.js';
import type { SessionTimeline } from './timeline.js';

/**
 * What a scan returns: everything every reporter and the exit code need, as plain data. Reporters read only this.
 */

export interface LineError {
  line: number;
  reason: string;
}

/** What reading one file produced, for the report. */
export interface InputReport {
  path: string;
  format: string | null;
  events: number;
  skipped: number;
  errors: LineError[];
  /** Skipped lines counted but not listed, past MAX_LISTED_ERRORS. */
  errorsNotListed: number;
  /** Why the file was not read at all (unknown format, unreadable), when it was not. */
  notRead?: string;
  /** Something to know about a file that was read (it was empty). */
  warning?: string;
  /** What this input lacked for correlation, and what that means for the findings. */
  gaps: string[];
}

export interface AgentClientInventory {
  userAgent: string;
  class: ClientClass;
  label: string;
  clientIds: string[];
  sessions: number;
  events: number;
  firstSeen: string;
  lastSeen: string;
}

/** What the logs show one declared agent did: the inventory a reviewer reads beside the findings. */
export interface AgentInventory {
  name: string;
  owner: string;
  declaredAt: { file: string; line: number };
  sessions: number;
  /** Session ids, the first few in sort order. */
  sessionIds: string[];
  /** Sessions of the agent's own identity; delegated sessions acting for a person; human sessions it rode on. */
  sessionKinds: { own: number; delegated: number; onHumanSession: number; other: number };
  /** People it acted for through delegated sessions. */
  actingFor: string[];
  clients: AgentClientInventory[];
  events: number;
  /**
   * Requests (and app events) judged against the allow patterns of its tasks; null when it has no tasks.
   * `notChecked`: events seen before the agent was recognized in a session (say, an access log read before
   * the sign-in that named the agent's identity), so not judged.
   */
  requests: { judged: number; inScope: number; outOfScope: number; notChecked: number } | null;
  /** Events outside all task windows; null when it has no tasks. */
  outsideTaskWindows: number | null;
  tasks: { name: string; start: string; end: string; onBehalfOf: string | null; used: boolean }[];
  firstSeen: string | null;
  lastSeen: string | null;
  /** Findings about this agent, by rule. */
  findings: Record<string, number>;
}

/**
 * An agent the logs show, whether or not a registry declares it: named by the identity provider or a token, by
 * agents.yaml, or recognized by its client; and how it acted.
 */
export interface ObservedAgent {
  name: string;
  knownBy: ('client' | 'identity-provider' | 'registry')[];
  sessions: number;
  /** Per session and client: through its own identity, through a delegation, riding on a person's session, other. */
  acted: { ownIdentity: number; delegated: number; onPersonSession: number; other: number };
  /** What the logs say proves an own identity or a delegation, a few distinct, sorted. */
  proof: string[];
  /** People it acted for or whose sessions it rode on, lower-cased, a few. */
  people: string[];
  /** Its clients, busiest first, a few. */
  clients: { label: string; class: ClientClass; userAgent: string; events: number }[];
  events: number;
  firstSeen: string;
  lastSeen: string;
  /** Findings about it, by rule. */
  findings: Record<string, number>;
}

/** A rule as reports describe it (SARIF's tool.driver.rules, `borrowscan rules`). */
export interface RuleDescriptor {
  id: string;
  severity: Severity;
  title: string;
  description: string;
  references: string[];
}

export interface ScanSummary {
  files: number;
  filesNotRead: number;
  events: number;
  /** Events read but outside --since/--until. */
  outsideTimeWindow: number;
  skipped: number;
  sessions: number;
  findings: number;
  /** Findings that count toward the exit code (not in the baseline, not suppressed). */
  new: number;
  known: number;
  suppressed: number;
  bySeverity: Record<Severity, number>;
  timeRange: { start: string; end: string } | null;
  /** With a registry: events left out because their user agent is in its `ignore.userAgents` (not in `events`). */
  ignoredByRegistry?: number;
}

/** Timelines, made when a report asks for one (a scan's sessions), or read from a saved JSON report. */
export interface TimelineSource {
  /** The timeline of a finding's session, its client's lane marked as the focus; null when none is known. */
  forFinding(finding: Finding): SessionTimeline | null;
  /** A session's timeline by its id; null when there is no such session. */
  forSession(sessionId: string): SessionTimeline | null;
}

export interface ScanResult {
  tool: { name: string; version: string };
  /** The rules this scan ran, as reports describe them. */
  rules: RuleDescriptor[];
  inputs: InputReport[];
  summary: ScanSummary;
  /**
   * Every finding, in report order (severity, first seen, id). An iterable that can be walked more than once, so that
   * reporters never assume the findings sit in one array; `summary` carries the counts.
   */
  findings: Iterable<Finding>;
  staleSuppressions: StaleSuppression[];
  /** With a registry: what the logs show each declared agent did. */
  agents?: AgentInventory[];
  /** Every agent the logs show, with or without a registry, and how it acted. */
  observedAgents: ObservedAgent[];
  /** The timeline of each finding's session; absent from a result built by hand (then reports draw none). */
  timelines?: TimelineSource;
}
