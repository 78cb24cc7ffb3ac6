import type { Session } from '../model/session.js';
import { mergeSession, type StateMerger } from './merge.js';
import { INFERRED_SESSION_PREFIX, TOKEN_SESSION_PREFIX, type SessionStore } from './sessions.js';
import { isAutomationClient } from '../model/client.js';

/**
 * A session with no sign-out in the logs is taken to live this long after its last event: the
 * default idle timeout of an Okta session (2 hours). With a sign-out, it ends there.
 */
const IDLE_LIFETIME_MS = 2 * 60 * 60_000;

/**
 * Joins what streaming could not: token-only sessions to the session that carried the same token id,
 * then sessions known only by user and IP to the one identity-provider session of that user whose
 * human clients used that IP and whose lifetime covers the activity. Order-independent, run once
 * after every file is read.
 */
export function joinSessions(store: SessionStore, mergeState: StateMerger): void {
  store.forgetKeyed();
  joinByToken(store, mergeState);
  joinByUserIpTime(store, mergeState);
}

// Both joins walk the sessions Map itself while deleting what they merge (a Map's iteration allows that), not a copy:
// a million sessions copied as [id, session] pairs cost 40 MB at the scan's peak.
function joinByToken(store: SessionStore, mergeState: StateMerger): void {
  for (const [id, session] of store.sessions) {
    if (!id.startsWith(TOKEN_SESSION_PREFIX)) continue;
    const targetId = store.tokenSessions.get(id.slice(TOKEN_SESSION_PREFIX.length));
    const target = targetId !== undefined ? store.sessions.get(targetId) : undefined;
    if (!target || target === session) continue;
    mergeSession(target, session, 'token-id', mergeState, store.activity);
    store.sessions.delete(id);
  }
}

interface Candidate {
  session: Session;
  from: number;
  to: number;
  ips: Set<string>;
}

function candidateOf(session: Session, from: number): Candidate {
  const ips = new Set<string>();
  for (const c of session.clients.values()) if (!isAutomationClient(c.identity)) for (const ip of c.ips) ips.add(ip);
  return { session, from, to: session.endedAt ?? session.lastSeen + IDLE_LIFETIME_MS, ips };
}

/** Only activity without any session of its own joins: never another identity provider's sign-in session. */
function mayJoin(id: string, session: Session): boolean {
  return id.startsWith(INFERRED_SESSION_PREFIX) && !session.start && session.users.size === 1;
}

function joinByUserIpTime(store: SessionStore, mergeState: StateMerger): void {
  // Candidates only for the users that some session to join names: a candidate and its IP set for every sign-in
  // session (some 250 bytes each) were built at the scan's peak even when no session could join.
  const wanted = new Set<string>();
  for (const [id, session] of store.sessions) if (mayJoin(id, session)) for (const user of session.users) wanted.add(user);
  if (wanted.size === 0) return;
  const byUser = new Map<string, Candidate[]>();
  for (const session of store.sessions.values()) {
    if (!session.start?.interactive) continue;
    let candidate: Candidate | undefined;
    for (const user of session.users) {
      if (!wanted.has(user)) continue;
      candidate ??= candidateOf(session, session.start.time);
      const list = byUser.get(user) ?? [];
      list.push(candidate);
      byUser.set(user, list);
    }
  }
  for (const [id, session] of store.sessions) {
    if (!mayJoin(id, session)) continue;
    const user = [...session.users][0]!;
    const ips = new Set([...session.clients.values()].flatMap((c) => [...c.ips]));
    const matches = (byUser.get(user) ?? []).filter(
      (c) => c.session !== session && session.firstSeen >= c.from && session.firstSeen <= c.to && [...ips].some((ip) => c.ips.has(ip)),
    );
    // A session with an id beats one only inferred (CloudTrail's ConsoleLogin beside its console key). Two live
    // sessions of the same person on the same IP otherwise: the activity cannot be attributed, so it stays apart.
    const best = matches.length > 1 ? matches.filter((c) => c.session.correlation === 'session-id') : matches;
    if (best.length !== 1) continue;
    mergeSession(best[0]!.session, session, 'user-ip-time', mergeState, store.activity);
    store.sessions.delete(id);
  }
}
