import type { ClientUsage, Correlation, RiskEvidence, Session } from '../model/session.js';
import { type OneOrSet, oneOrSet, SetPool } from '../shared/small-collections.js';
import { ClientMap } from './client-map.js';
import { NO_EVIDENCE } from './evidence-pool.js';
import { StoredClient } from './stored-client.js';

/**
 * A session as the store keeps it: the model plus a cache, not data. Its first and last times are its clients'
 * earliest and latest, read when asked: every event updates its session and its client alike, and two sessions joined
 * join their clients, so keeping them twice cost two boxed numbers (48 bytes) per session for nothing.
 *
 * It is its clients' map itself (`clients` is the session): a map object of its own cost 32 bytes per session.
 */
export class StoredSession extends ClientMap implements Session {
  correlation: Correlation;
  /** Its users: the one it has, in this field (most sessions name one: a set of one cost 32 bytes), else a set. */
  private userStore: OneOrSet = SetPool.EMPTY;
  formats: ReadonlySet<string> = SetPool.EMPTY;
  eventCount = 0;
  user: string | undefined = undefined;
  /**
   * Where the event that named `user` was, the earliest that names one (time, then file and line): an item of the
   * evidence pool without a summary (three fields and a boxed time cost 40 bytes per session).
   */
  userPlace = NO_EVIDENCE;
  /**
   * How it began: the client whose sign-in is its start (read when asked: the start is that sign-in, and follows it),
   * or a start of its own where none of its clients' sign-ins is it. An object per start cost 72 bytes.
   */
  private startStore: StoredClient | Session['start'] = undefined;
  /** The raw user agent of the last event and its client: consecutive events of a session mostly come from one client. */
  lastUserAgent: string | undefined = undefined;
  lastClient: ClientUsage | undefined = undefined;
  // Rare: added where needed, so that most sessions do not pay for them.
  declare parentId?: string;
  declare grantType?: string;
  declare endedAt?: number;
  declare risk?: RiskEvidence[];
  /** Only rules that follow declared agents keep state. */
  declare ruleState?: Map<string, unknown>;

  id: string;

  constructor(id: string, correlation: Correlation) {
    super();
    this.id = id;
    this.correlation = correlation;
  }

  get clients(): ReadonlyMap<string, ClientUsage> {
    return this;
  }

  get users(): ReadonlySet<string> {
    return oneOrSet.set(this.userStore);
  }

  set users(set: ReadonlySet<string>) {
    this.userStore = oneOrSet.of(set);
  }

  hasUser(key: string): boolean {
    return oneOrSet.has(this.userStore, key);
  }

  /** Adds a user the session does not have (`sets` grows the set of a third and further users). */
  addUser(key: string, sets: SetPool): void {
    this.userStore = oneOrSet.with(this.userStore, key, sets);
  }

  get start(): Session['start'] {
    const store = this.startStore;
    if (!(store instanceof StoredClient)) return store;
    const signIn = store.signIn!;
    return { time: signIn.time, clientKey: store.identity.key, interactive: signIn.interactive, evidence: signIn };
  }

  set start(start: Session['start']) {
    this.startStore = start;
  }

  /** The session began with `client`'s sign-in (its earliest). */
  startWith(client: StoredClient): void {
    this.startStore = client;
  }

  get firstSeen(): number {
    let first = Infinity;
    for (const client of this.values()) if (client.firstSeen < first) first = client.firstSeen;
    return first;
  }

  get lastSeen(): number {
    let last = -Infinity;
    for (const client of this.values()) if (client.lastSeen > last) last = client.lastSeen;
    return last;
  }
}
