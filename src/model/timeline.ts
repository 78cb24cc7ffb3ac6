import type { ClientClass } from './client.js';
import type { FindingEvidence } from './finding.js';
import type { Correlation } from './session.js';

/** What a client was to the session: a person at the keyboard, a program on it, an agent on a credential of its own. */
export type LaneRole = 'human' | 'automation' | 'own-credential' | 'other';

/** One client of a session over time: plain, JSON-ready data a report draws as one lane. Times are ISO 8601, UTC. */
export interface TimelineLane {
  label: string;
  userAgent: string;
  class: ClientClass;
  role: LaneRole;
  /** The declared agent (--agents) this client is, when one is. */
  agent: string | null;
  firstSeen: string;
  lastSeen: string;
  count: number;
  /** Its earliest successful sign-in, when it signed in. */
  signIn: { time: string; interactive: boolean; ip: string | null; file: string; line: number } | null;
  /** The networks (/24, /64) it came from with the first time of each, earliest first: at most four. */
  networks: { network: string; firstSeen: string }[];
  /** Its IPs, sorted, at most eight. */
  ips: string[];
  /** Its events counted in buckets of `widthMs` from `start`: at most 32, aligned to absolute time. */
  buckets: { start: string; widthMs: number; counts: number[] };
  /** Its earliest events (file, line, time, summary), at most five. */
  evidence: FindingEvidence[];
}

/** A declared agent's task window, for the timeline of a session that agent used. */
export interface TaskWindow {
  agent: string;
  task: string;
  start: string;
  end: string;
}

/** A session over time, one lane per client: what a report needs to draw a finding's timeline. */
export interface SessionTimeline {
  session: string;
  user: string | null;
  correlation: Correlation;
  firstSeen: string;
  lastSeen: string;
  /** How the session began (its earliest successful sign-in) and which lane signed in; null lane: a client not drawn. */
  signIn: { time: string; lane: number | null; interactive: boolean } | null;
  /** Its earliest sign-out, when the logs show one. */
  signOut: string | null;
  lanes: TimelineLane[];
  /** Clients of the session not drawn (past the lane limit). */
  lanesNotShown: number;
  taskWindows: TaskWindow[];
  /** The lane of the client a finding is about, when this is a finding's timeline. */
  focus: number | null;
}
