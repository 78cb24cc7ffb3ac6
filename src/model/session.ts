import type { ClientIdentity } from './client.js';

/** One event as a finding cites it: enough for a person to open the file and check. */
export interface EvidenceEvent {
  file: string;
  line: number;
  /** Epoch milliseconds. */
  time: number;
  summary: string;
}

/** One timeline's samples as a SamplePool reads them back: `length` rows of columns, in the order they were added. */
export interface TimelineSamples {
  length: number;
  times: Float64Array;
  /** Fingerprints of the resource (path, or event type) each request touched. */
  resources: Uint32Array;
  /** Index into the pool's `fileNames` of each sample's file. */
  files: Uint32Array;
  lines: Uint32Array;
}

/** Called once per timeline asked for; its samples' arrays are reused afterwards, so read them, do not keep them. */
export type TimelineVisitor = (timeline: Timeline, samples: TimelineSamples) => void;

/**
 * The request samples of every timeline of a scan, kept in a bounded memory budget (past it they go to a temporary
 * file, see src/engine/timeline.ts): timelines add to it as events stream, and the pacing rule reads them back once.
 */
export interface SamplePool {
  /** Samples held in memory now. */
  readonly size: number;
  readonly fileNames: readonly string[];
  /** Calls `visit` once for each of `timelines` (of this pool), in no particular order. */
  visit(timelines: readonly Timeline[], visit: TimelineVisitor): void;
  /** Releases the temporary file, if any; the samples cannot be read after. */
  close(): void;
}

/**
 * What every client of a scan did over time, in columns outside the garbage-collected heap, one row per client (see
 * src/engine/activity.ts): its events counted in ACTIVITY_BUCKETS buckets of 2^level seconds aligned to absolute time,
 * the first bucket being the one of its earliest event; and the first time it used each of up to ACTIVITY_NETWORKS
 * networks (the earliest first). A row's counts are one number while its events all fall in one bucket, and a row of
 * `counts` from its second bucket on; its first network is in the row, the others in a row of `networks` taken on
 * its second. The arrays are replaced when the pool grows: read them through the pool.
 */
export interface ActivityPool {
  rows: number;
  /** Rows of `counts` handed out. */
  countRows: number;
  /** ACTIVITY_BUCKETS counts per row of counts: 16-bit until a count passes 65,535, then 32-bit. */
  counts: Uint16Array | Uint32Array;
  /** Per row: its row of `counts`, -1 while its events all fall in its first bucket. */
  countRow: Int32Array;
  /** Per row without a row of counts: how many events its one bucket holds. */
  single: Uint32Array;
  /** Per row: the bucket width is 2^level seconds. */
  levels: Uint8Array;
  /** Per row: the index (at its level) of its first bucket: floor(earliest time / width). NaN while empty. */
  starts: Float64Array;
  /** Per row: the time of its latest event, exact (-Infinity while empty). */
  lasts: Float64Array;
  /** Per row: its first network (slot 0), as 1 + an index into networkNames, 0 for none; and that network's first time. */
  firstNetwork: Uint32Array;
  firstNetworkTime: Float64Array;
  /** Per row: its row of `networks` for slots 1 to ACTIVITY_NETWORKS - 1, -1 while it has used one network. */
  networkRow: Int32Array;
  /** Rows of `networks` handed out. */
  networkRows: number;
  /** ACTIVITY_NETWORKS - 1 per row of networks: 1 + an index into networkNames, 0 for an empty slot. */
  networks: Uint32Array;
  /** ACTIVITY_NETWORKS - 1 per row of networks: the first time of each network. */
  networkFirst: Float64Array;
  networkNames: string[];
  networkIds: Map<string, number>;
}

/** A vendor risk signal seen on a session, where it was logged: corroborating evidence for its findings. */
export interface RiskEvidence extends EvidenceEvent {
  signal: string;
  detail?: string;
}

/** Request times and resource fingerprints of one client in one session, for pacing analysis; capped. */
export interface Timeline {
  pool: SamplePool;
  /** The number its samples carry in the pool. */
  tag: number;
  length: number;
  /** Samples dropped after the cap was reached. */
  dropped: number;
  /**
   * Set once other timelines were appended to it (two sessions found to be one): its samples are, in order, the first
   * `parts[2k + 1]` samples tagged `parts[2k]`, for each k.
   */
  parts?: number[];
}

/** Everything one client did in one session, aggregated as events stream past. */
export interface ClientUsage {
  identity: ClientIdentity;
  /** The first raw user agent seen for this client (or its parsed hint, when no raw one exists). */
  userAgent: string;
  firstSeen: number;
  lastSeen: number;
  count: number;
  /** Distinct IPs, capped. The engine replaces, never mutates, these sets: they may be shared between clients. */
  ips: ReadonlySet<string>;
  /** Earliest events of this client, capped and ordered by time. */
  evidence: EvidenceEvent[];
  /** Earliest successful sign-in by this client, when any. */
  signIn?: EvidenceEvent & { interactive: boolean; ip?: string };
  clientIds: ReadonlySet<string>;
  /** Set when this client's events joined the session from elsewhere, by a token id or by user + IP + time. */
  joinedBy?: Correlation;
  /** Present for clients that claim to be browsers: the input of the pacing rule. */
  timeline?: Timeline;
  /**
   * Its row in the scan's ActivityPool: what its lane of a timeline shows. The store always sets it; a client made by
   * hand (a test) may leave it out, and its lane then shows its events in one bucket.
   */
  activity?: number;
}

/**
 * How events were tied into a session, strongest first: by a session id the logs carry; by a token id
 * (Entra `uniqueTokenIdentifier` = a token's `uti`, a `jti`) that an event with a session id also carried;
 * by user + IP + time inside an identity-provider session's lifetime (a weaker join, for access logs with no
 * session or token id); or only inferred from user and IP within one input format.
 */
export type Correlation = 'session-id' | 'token-id' | 'user-ip-time' | 'inferred';

export interface Session {
  id: string;
  correlation: Correlation;
  /** Display form of the user: as its earliest event gives it (time, then file and line), whatever the read order. */
  user?: string;
  /** Lower-cased user names seen on the session (a set the engine replaces, never mutates: it may be shared). */
  users: ReadonlySet<string>;
  /** Session this one derives from (a delegated or exchanged token), when the IdP says so. */
  parentId?: string;
  /** Grant type that created a derived session (e.g. token exchange). */
  grantType?: string;
  formats: ReadonlySet<string>;
  firstSeen: number;
  lastSeen: number;
  eventCount: number;
  /** Earliest successful sign-in: how the session began. */
  start?: {
    time: number;
    clientKey: string;
    interactive: boolean;
    evidence: EvidenceEvent;
  };
  /** Time of the earliest sign-out, when the logs show one. */
  endedAt?: number;
  /** The session's clients by their key; only the engine adds to it. */
  clients: ReadonlyMap<string, ClientUsage>;
  /** Bounded per-rule state kept by rules that observe events as they stream (see Rule.observe), made on first use. */
  ruleState?: Map<string, unknown>;
  /** The earliest vendor risk signals logged on the session (Okta ITP, Entra ID Protection), capped. */
  risk?: RiskEvidence[];
}
