import type { ClientIdentity } from '../model/client.js';
import type { ActivityPool, ClientUsage, Correlation, EvidenceEvent, SamplePool, Timeline } from '../model/session.js';
import { type OneOrSet, oneOrSet, SetPool } from '../shared/small-collections.js';
import { type EvidencePool, NO_EVIDENCE, readEvidence } from './evidence-pool.js';

/** The scan's columnar pools a stored client keeps its rows in: one field per client for all of them. */
export interface ClientPools {
  readonly activity: ActivityPool;
  readonly evidence: EvidencePool;
  readonly samples: SamplePool;
}

/** `tag` of a client without a timeline. */
export const NO_TIMELINE = -1;

/**
 * A client as the store keeps it: its earliest events live in the scan's EvidencePool, and `evidence` reads them out
 * when asked (rules and reports ask once per finding; nothing reads them per event). Its first and last times are
 * read from its rows too: the first is that of its earliest evidence item (the list keeps the earliest events, merged
 * lists alike), the last is its activity row's; two fields that each held a boxed number cost 32 to 48 bytes.
 *
 * A browser client is its own timeline (`timeline` is the client itself; its `tag`, `length` and `dropped` are the
 * timeline's): a timeline object of its own cost 56 bytes per browser client, two small fields 16.
 */
export class StoredClient implements ClientUsage, Timeline {
  identity: ClientIdentity;
  userAgent: string;
  count = 0;
  /**
   * Its IPs: the one it used, in this field (most clients use one IP: a set of one cost 32 bytes per client), else a
   * set. `ips` makes a set of the one when asked (rules and reports ask; the store asks `hasIp` per event).
   */
  private ipStore: OneOrSet = SetPool.EMPTY;
  clientIds: ReadonlySet<string> = SetPool.EMPTY;
  signIn: ClientUsage['signIn'] = undefined;
  /** Its timeline's tag in the sample pool, NO_TIMELINE for a client that keeps none. */
  tag = NO_TIMELINE;
  length = 0;
  dropped = 0;
  activity: number;
  /** The first of its evidence items in the pool. */
  evidenceHead = NO_EVIDENCE;
  readonly pools: ClientPools;
  declare joinedBy?: Correlation;
  declare parts?: number[];

  /** An empty client: the store adds its first event at once (until then it has no times). */
  constructor(pools: ClientPools, identity: ClientIdentity, userAgent: string, activity: number) {
    this.pools = pools;
    this.identity = identity;
    this.userAgent = userAgent;
    this.activity = activity;
  }

  get timeline(): Timeline | undefined {
    return this.tag === NO_TIMELINE ? undefined : this;
  }

  /** Starts its timeline, with `tag` (see newTimelineTag). */
  startTimeline(tag: number): void {
    this.tag = tag;
  }

  get pool(): SamplePool {
    return this.pools.samples;
  }

  get ips(): ReadonlySet<string> {
    return oneOrSet.set(this.ipStore);
  }

  set ips(set: ReadonlySet<string>) {
    this.ipStore = oneOrSet.of(set);
  }

  get ipCount(): number {
    return oneOrSet.size(this.ipStore);
  }

  hasIp(ip: string): boolean {
    return oneOrSet.has(this.ipStore, ip);
  }

  /** Adds an IP the client does not have (`sets` grows the set of a third and further IPs). */
  addIp(ip: string, sets: SetPool): void {
    this.ipStore = oneOrSet.with(this.ipStore, ip, sets);
  }

  get firstSeen(): number {
    return this.evidenceHead === NO_EVIDENCE ? NaN : this.pools.evidence.times[this.evidenceHead]!;
  }

  get lastSeen(): number {
    return this.pools.activity.lasts[this.activity]!;
  }

  get evidence(): EvidenceEvent[] {
    return readEvidence(this.pools.evidence, this.evidenceHead);
  }
}
