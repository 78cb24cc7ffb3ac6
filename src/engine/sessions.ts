import type { ClientIdentity } from '../model/client.js';
import type { NormalizedEvent } from '../model/event.js';
import type { ActivityPool, ClientUsage, RiskEvidence, SamplePool, Session } from '../model/session.js';
import { refineIdentity } from '../clients/evidence.js';
import { insertSorted, isEarlier, toEvidence } from '../shared/evidence.js';
import { getHeapStatistics } from 'node:v8';
import { UsageError } from '../shared/errors.js';
import { SetPool } from '../shared/small-collections.js';
import { StoredSession } from './stored-session.js';
import { StoredSignIn } from './stored-sign-in.js';
import { type ClientPools, NO_TIMELINE, StoredClient } from './stored-client.js';
import { addEvidence, type EvidencePool, isEarlierThan, movePlace, NO_EVIDENCE, newEvidencePool } from './evidence-pool.js';
import { detach, Interner } from '../shared/detach.js';
import { addSample, INITIAL_POOL_CAPACITY, newSamplePool, newTimelineTag } from './timeline.js';
import { addActivity, INITIAL_ACTIVITY_ROWS, isLatest, networkIdOf, newActivityPool, newActivityRow, noteNetwork } from './activity.js';

/** Forgets a session's last-client cache (its clients were just merged with another session's). */
export function forgetLastClient(session: Session): void {
  const tracked = session as StoredSession;
  tracked.lastUserAgent = undefined;
  tracked.lastClient = undefined;
}

/** How much state a scan may keep: past either, it stops with a message that names the flag, never drops state. */
export interface StoreLimits {
  maxSessions: number;
  maxClients: number;
  /** Bytes of request samples kept in memory (default: the sample pool's, see engine/timeline.ts). */
  sampleMemoryBytes?: number;
}

/**
 * About 0.5 KB of memory per session with one client, 0.45 KB per further client (README, Limits): the defaults keep
 * a scan within about 2.5 GB, under Node's default heap limit on a machine with 16 GB or more.
 */
export const DEFAULT_LIMITS: StoreLimits = { maxSessions: 2_000_000, maxClients: 4_000_000 };

/** The store reached a ceiling: a usage error (exit 2) that says what to do. */
export class StoreLimitError extends UsageError {
  constructor(flag: string, limit: number, what: string) {
    super(
      `more than ${limit.toLocaleString('en-US')} ${what} in this scan (${flag}): raise ${flag} if the machine has the ` +
        'memory (about 0.5 KB each; Node may also need NODE_OPTIONS=--max-old-space-size=MB), or scan less at once ' +
        '(--since/--until, or fewer files). Nothing was reported: a scan cut short would miss findings.',
    );
  }
}

/** Every 16,384 new sessions, how close the heap is to Node's limit is checked (a crash there could not be caught). */
const HEAP_CHECK_EVERY = 16_383;
const HEAP_SHARE = 0.85;

function checkHeap(sessions: number): void {
  const heap = getHeapStatistics();
  if (heap.used_heap_size < heap.heap_size_limit * HEAP_SHARE) return;
  const mb = Math.round(heap.heap_size_limit / 1024 / 1024);
  throw new UsageError(
    `the scan ran out of memory at ${sessions.toLocaleString('en-US')} sessions (Node's heap limit is ${mb} MB): ` +
      `run it with NODE_OPTIONS=--max-old-space-size=${mb * 2} if the machine has the memory, or scan less at once ` +
      '(--since/--until, or fewer files). Nothing was reported: a scan cut short would miss findings.',
  );
}

export type Classifier = (userAgent: string | undefined, hint?: NormalizedEvent['clientHint']) => ClientIdentity;

/** Earliest events kept per client and session, as evidence. */
const EVIDENCE_PER_CLIENT = 5;
const MAX_IPS_PER_CLIENT = 32;

/**
 * Ties events into sessions as they stream past, keeping per session only bounded
 * aggregates (counts, first and last times, earliest evidence, capped samples), so memory
 * grows with the number of sessions and clients, never with the number of events.
 * Every aggregate is order-independent: files may arrive unsorted and split.
 */
export class SessionStore {
  readonly sessions = new Map<string, Session>();
  /** Token id → the session id an event carried with it, for joining token-only events later. */
  readonly tokenSessions = new Map<string, string>();
  /** Request samples of every browser client's timeline. */
  readonly samples: SamplePool;
  /** What every client did over time (counts in time buckets, networks), for timelines. */
  readonly activity: ActivityPool;
  /** The earliest events of every client, as evidence. */
  readonly evidence: EvidencePool;
  /** Both, as each client refers to them. */
  private readonly pools: ClientPools;
  /** The small string sets of sessions and clients, shared where they are equal. */
  private readonly sets = new SetPool();
  /** Every string kept from an event is kept detached from the text it was cut from (see shared/detach.ts). */
  private readonly strings = new Interner();

  /**
   * `inputBytes`, when known, sizes the evidence and activity pools up front: growing them by doubling copied tens of
   * megabytes on a large input (the sample pool grows by fixed chunks, within its own budget). Memory the pool does not fill is never touched, so it costs address space, not resident memory.
   */
  constructor(
    private readonly classify: Classifier,
    inputBytes?: number,
    private readonly limits: StoreLimits = DEFAULT_LIMITS,
  ) {
    this.samples = newSamplePool(limits.sampleMemoryBytes === undefined ? undefined : { memoryBytes: limits.sampleMemoryBytes });
    this.evidence = newEvidencePool(inputBytes === undefined ? undefined : poolCapacityFor(inputBytes), this.strings);
    this.activity = newActivityPool(inputBytes === undefined ? undefined : activityRowsFor(inputBytes, limits.maxClients));
    this.pools = { activity: this.activity, evidence: this.evidence, samples: this.samples };
  }

  /** Clients of every session, counted against --max-clients. */
  private clientCount = 0;

  /** The session and client of the last event added (no object per event: this runs a million times). */
  lastSession: Session | undefined;
  lastClient: ClientUsage | undefined;

  /** Adds an event; `lastSession` and `lastClient` then say where it went. */
  add(event: NormalizedEvent): void {
    const session = this.sessionFor(event);
    this.updateSession(session, event);
    const usage = this.clientFor(session, event);
    updateUsage(usage as StoredClient, event, this.sets, this.activity, this.strings);
    const identity = usage.identity;
    if (event.kind === 'signin' && event.outcome === 'success') {
      // The earliest sign-in, ties broken by file and line: the same whichever file is named first.
      if (!session.start || isEarlier(event, session.start.evidence)) {
        if (isSignInOf(usage, event)) session.startWith(usage as StoredClient);
        else {
          session.start = {
            time: event.time,
            clientKey: identity.key,
            interactive: event.interactive === true,
            evidence: toEvidence(event),
          };
        }
      }
    }
    this.lastSession = session;
    this.lastClient = usage;
  }

  private clientFor(session: StoredSession, event: NormalizedEvent): ClientUsage {
    const evidence = event.agent !== undefined || event.headers !== undefined;
    if (!evidence && event.userAgent !== undefined && event.userAgent === session.lastUserAgent && session.lastClient)
      return session.lastClient;
    const ua = event.userAgent === undefined ? undefined : this.strings.intern(event.userAgent);
    const plain = this.classify(ua, event.clientHint);
    const identity = evidence ? refineIdentity(plain, event) : plain;
    let usage = session.clients.get(identity.key);
    if (!usage) {
      if (++this.clientCount > this.limits.maxClients) throw new StoreLimitError('--max-clients', this.limits.maxClients, 'clients');
      usage = newUsage(identity, ua, event, this.pools);
      session.set(identity.key, usage);
    }
    // A client told apart by what else its event said is not the plain client of that user agent: no shortcut to it.
    session.lastUserAgent = identity === plain ? ua : undefined;
    session.lastClient = usage;
    return usage;
  }

  /**
   * What the last event's session was keyed by: consecutive events mostly belong to one session, and comparing the
   * fields is cheaper than building the key (for a session grouped by user and IP) and looking it up.
   */
  private keyedBy: 'session' | 'token' | 'inferred' | undefined;
  private keyA: string | undefined;
  private keyB: string | undefined;
  private keyC: string | undefined;
  private keyed: StoredSession | undefined;

  /** Forgets the last event's session (sessions are about to be joined, and some removed). */
  forgetKeyed(): void {
    this.keyed = undefined;
  }

  private sessionFor(event: NormalizedEvent): StoredSession {
    if (event.sessionId && event.tokenId && !this.tokenSessions.has(event.tokenId)) {
      this.tokenSessions.set(detach(event.tokenId), detach(event.sessionId));
    }
    const sid = event.sessionId;
    const keyed = this.keyed;
    if (keyed !== undefined) {
      if (sid !== undefined) {
        if (this.keyedBy === 'session' && sid === this.keyA) return keyed;
      } else if (event.tokenId) {
        if (this.keyedBy === 'token' && event.tokenId === this.keyA) return keyed;
      } else if (this.keyedBy === 'inferred' && event.format === this.keyA && event.user === this.keyB && event.ip === this.keyC) {
        return keyed;
      }
    }
    const session = this.lookUp(event);
    if (sid !== undefined) {
      this.keyedBy = 'session';
      this.keyA = sid;
    } else if (event.tokenId) {
      this.keyedBy = 'token';
      this.keyA = event.tokenId;
    } else {
      this.keyedBy = 'inferred';
      this.keyA = event.format;
      this.keyB = event.user;
      this.keyC = event.ip;
    }
    this.keyed = session;
    return session;
  }

  private lookUp(event: NormalizedEvent): StoredSession {
    const key = event.sessionId ?? (event.tokenId ? `${TOKEN_SESSION_PREFIX}${event.tokenId}` : inferredSessionId(event));
    let session = this.sessions.get(key) as StoredSession | undefined;
    if (!session) {
      if (this.sessions.size >= this.limits.maxSessions) throw new StoreLimitError('--max-sessions', this.limits.maxSessions, 'sessions');
      if ((this.sessions.size & HEAP_CHECK_EVERY) === HEAP_CHECK_EVERY) checkHeap(this.sessions.size);
      const id = detach(key);
      const created = new StoredSession(id, event.sessionId || event.tokenId ? 'session-id' : 'inferred');
      session = created;
      this.sessions.set(id, created);
    }
    return session;
  }

  private updateSession(session: StoredSession, event: NormalizedEvent): void {
    session.eventCount++;
    if (!session.formats.has(event.format)) session.formats = this.sets.with(session.formats, event.format, true);
    if (event.user) {
      if (event.user !== session.user) {
        const key = event.user.toLowerCase();
        if (!session.hasUser(key)) session.addUser(this.strings.intern(key), this.sets);
      }
      // The name a session shows is that of its earliest event that names one (time, then file and line), not of
      // the first to arrive: the same report whichever order the files are named in (and the SQL engine's choice).
      const at = session.userPlace;
      if (at === NO_EVIDENCE || isEarlierThan(this.evidence, event, at)) {
        session.user = this.strings.intern(event.user);
        session.userPlace = movePlace(this.evidence, at, event);
      }
    }
    if (event.rootSessionId && event.rootSessionId !== session.id && session.parentId === undefined) {
      session.parentId = detach(event.rootSessionId);
      if (event.grantType) session.grantType = this.strings.intern(event.grantType);
    }
    if (event.kind === 'signout' && (session.endedAt === undefined || event.time < session.endedAt)) {
      session.endedAt = event.time;
    }
    if (event.risk !== undefined) addRisk(session, event);
  }
}

/**
 * Whether the client's sign-in is this event's (it was just recorded): the session's start then is the client's
 * sign-in, not a copy of it with a summary of its own (120 bytes per session; only its time, file, line and summary
 * are read).
 */
function isSignInOf(usage: ClientUsage, event: NormalizedEvent): boolean {
  const signIn = usage.signIn;
  return signIn !== undefined && signIn.time === event.time && signIn.line === event.source.line && signIn.file === event.source.file;
}

/** Risk signals kept per session, earliest first: enough to corroborate its findings. */
export const RISK_PER_SESSION = 8;

function addRisk(session: Session, event: NormalizedEvent): void {
  if (session.risk === undefined) session.risk = [];
  const list = session.risk;
  for (const r of event.risk ?? []) {
    const item: RiskEvidence = { ...toEvidence(event), signal: detach(r.signal) };
    if (r.detail !== undefined) item.detail = detach(r.detail);
    insertSorted(list, item, RISK_PER_SESSION, bySignal);
  }
}

export function bySignal(a: RiskEvidence, b: RiskEvidence): number {
  return a.signal < b.signal ? -1 : a.signal > b.signal ? 1 : 0;
}

/** About one sample per 400 bytes of input (a short access-log line), between the default and 8M samples. */
function poolCapacityFor(inputBytes: number): number {
  return Math.min(8 * 1024 * 1024, Math.max(INITIAL_POOL_CAPACITY, Math.ceil(inputBytes / 400)));
}

/**
 * Room for one client per 128 bytes of input (no event is shorter), up to the client ceiling: reserved, not touched, so
 * it costs address space only, and the pool never copies itself while it grows.
 */
function activityRowsFor(inputBytes: number, maxClients: number): number {
  return Math.min(maxClients + 1, Math.max(INITIAL_ACTIVITY_ROWS, Math.ceil(inputBytes / 128)));
}

/** Events that carry a token id but no session id form a session keyed by the token, until joined. */
export const TOKEN_SESSION_PREFIX = 'token:';

/**
 * Events without a session id are grouped by format, user and IP: a weaker tie that
 * findings label as inferred. Never across formats, so unrelated sources do not merge.
 */
export const INFERRED_SESSION_PREFIX = '~';

function inferredSessionId(event: NormalizedEvent): string {
  const user = event.user ? event.user.toLowerCase() : '-';
  return `${INFERRED_SESSION_PREFIX}${event.format}:${user}@${event.ip ?? '-'}`;
}

function newUsage(identity: ClientIdentity, userAgent: string | undefined, event: NormalizedEvent, pools: ClientPools): StoredClient {
  const usage = new StoredClient(pools, identity, userAgent ?? describeHint(event.clientHint), newActivityRow(pools.activity));
  if (identity.class === 'browser') usage.startTimeline(newTimelineTag(pools.samples));
  return usage;
}

function describeHint(hint: NormalizedEvent['clientHint']): string {
  if (!hint) return '';
  return [hint.app, hint.browser, hint.os].filter(Boolean).join(' / ');
}

function updateUsage(usage: StoredClient, event: NormalizedEvent, sets: SetPool, activity: ActivityPool, strings: Interner): void {
  usage.count++;
  const row = usage.activity;
  // The client's first time is its earliest evidence item's, its last its activity row's: both follow from adding
  // the event to them (below, and here).
  addActivity(activity, row, event.time);
  const first = usage.firstSeen;
  if (event.time < first) {
    if (event.userAgent) usage.userAgent = strings.intern(event.userAgent);
  } else if (event.time === first && event.userAgent && event.userAgent < usage.userAgent) {
    // The client's user agent names it in reports and finding ids: the earliest, and of two at once the smaller,
    // so that the order files arrive in never changes it.
    usage.userAgent = strings.intern(event.userAgent);
  }
  const ip = event.ip;
  if (ip) {
    const known = usage.hasIp(ip);
    if (!known && usage.ipCount < MAX_IPS_PER_CLIENT) usage.addIp(strings.intern(ip), sets);
    // An IP the client used before, at a time no earlier than any network's first: nothing a timeline keeps changes.
    if (!known || !isLatest(activity, row, event.time)) noteNetwork(activity, row, networkIdOf(activity, ip), event.time);
  }
  if (event.clientId && usage.clientIds.size < MAX_IPS_PER_CLIENT && !usage.clientIds.has(event.clientId)) {
    usage.clientIds = sets.with(usage.clientIds, strings.intern(event.clientId));
  }
  usage.evidenceHead = addEvidence(usage.pools.evidence, usage.evidenceHead, event, EVIDENCE_PER_CLIENT);
  if (event.kind === 'signin' && event.outcome === 'success') {
    if (!usage.signIn || isEarlier(event, usage.signIn)) {
      usage.signIn = new StoredSignIn(event, strings);
    }
  }
  if (usage.tag !== NO_TIMELINE) {
    addSample(usage, event.time, hashResource(event.path ?? event.action), event.source.file, event.source.line);
  }
}

/** FNV-1a: a cheap 32-bit fingerprint of a resource, for counting distinct ones. */
export function hashResource(resource: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < resource.length; i++) {
    h ^= resource.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
