import type { ClientIdentity } from '../model/client.js';
import type { ClientUsage, Correlation, EvidenceEvent, Timeline } from '../model/session.js';
import { SetPool } from '../shared/small-collections.js';
import { type EvidencePool, NO_EVIDENCE, readEvidence } from './evidence-pool.js';

/**
 * A client as the store keeps it: its earliest events live in the scan's EvidencePool, and `evidence` reads them out
 * when asked (rules and reports ask once per finding; nothing reads them per event).
 */
export class StoredClient implements ClientUsage {
  identity: ClientIdentity;
  userAgent: string;
  firstSeen: number;
  lastSeen: number;
  count = 0;
  ips: ReadonlySet<string> = SetPool.EMPTY;
  clientIds: ReadonlySet<string> = SetPool.EMPTY;
  signIn: ClientUsage['signIn'] = undefined;
  timeline: Timeline | undefined = undefined;
  activity: number;
  /** The first of its evidence items in the pool. */
  evidenceHead = NO_EVIDENCE;
  readonly evidencePool: EvidencePool;
  declare joinedBy?: Correlation;

  constructor(evidencePool: EvidencePool, identity: ClientIdentity, userAgent: string, time: number, activity: number) {
    this.evidencePool = evidencePool;
    this.identity = identity;
    this.userAgent = userAgent;
    this.firstSeen = time;
    this.lastSeen = time;
    this.activity = activity;
  }

  get evidence(): EvidenceEvent[] {
    return readEvidence(this.evidencePool, this.evidenceHead);
  }
}
