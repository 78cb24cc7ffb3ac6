import type { ClientUsage, Correlation, RiskEvidence, Session } from '../model/session.js';
import { SetPool } from '../shared/small-collections.js';
import { ClientMap } from './client-map.js';

/**
 * A session as the store keeps it: the model plus a cache, not data. Its first and last times are its clients'
 * earliest and latest, read when asked: every event updates its session and its client alike, and two sessions joined
 * join their clients, so keeping them twice cost two boxed numbers (48 bytes) per session for nothing.
 */
export class StoredSession implements Session {
  correlation: Correlation;
  users: ReadonlySet<string> = SetPool.EMPTY;
  formats: ReadonlySet<string> = SetPool.EMPTY;
  eventCount = 0;
  clients: ReadonlyMap<string, ClientUsage> = new ClientMap();
  user: string | undefined = undefined;
  /** Where the event that named `user` was: the earliest that names one (time, then file and line). */
  userTime: number | undefined = undefined;
  userFile: string | undefined = undefined;
  userLine: number | undefined = undefined;
  start: Session['start'] = undefined;
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
    this.id = id;
    this.correlation = correlation;
  }

  get firstSeen(): number {
    let first = Infinity;
    for (const client of this.clients.values()) if (client.firstSeen < first) first = client.firstSeen;
    return first;
  }

  get lastSeen(): number {
    let last = -Infinity;
    for (const client of this.clients.values()) if (client.lastSeen > last) last = client.lastSeen;
    return last;
  }
}
