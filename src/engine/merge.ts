import type { ActivityPool, ClientUsage, Correlation, Session } from '../model/session.js';
import { mergeActivity } from './activity.js';
import { compareEvidence, insertSorted } from '../shared/evidence.js';
import { bySignal, forgetLastClient, RISK_PER_SESSION } from './sessions.js';
import { appendTimeline } from './timeline.js';
import { SmallSet } from '../shared/small-collections.js';
import { StoredSession } from './stored-session.js';
import { StoredClient } from './stored-client.js';
import { mergeEvidence } from './evidence-pool.js';

const EVIDENCE_PER_CLIENT = 5;
const MAX_SET = 32;

/** The union of two sets, capped, as a new set: the engine never mutates a set it may share. */
function union(target: ReadonlySet<string>, source: ReadonlySet<string>, max = Infinity): ReadonlySet<string> {
  if (source.size === 0 || target === source) return target;
  const merged = new SmallSet<string>(target);
  for (const v of source) {
    if (merged.size >= max) break;
    merged.add(v);
  }
  return merged;
}

function mergeUsage(target: ClientUsage, source: ClientUsage, activity: ActivityPool): void {
  if (target.activity !== undefined && source.activity !== undefined) mergeActivity(activity, target.activity, source.activity);
  target.count += source.count;
  const stored = target instanceof StoredClient && source instanceof StoredClient;
  if (source.firstSeen < target.firstSeen) {
    // A stored client's first and last times are read from its evidence and activity rows, merged here too.
    if (!stored) target.firstSeen = source.firstSeen;
    target.userAgent = source.userAgent || target.userAgent;
  } else if (source.firstSeen === target.firstSeen && source.userAgent && source.userAgent < target.userAgent) {
    target.userAgent = source.userAgent;
  }
  if (!stored) target.lastSeen = Math.max(target.lastSeen, source.lastSeen);
  target.ips = union(target.ips, source.ips, MAX_SET);
  target.clientIds = union(target.clientIds, source.clientIds, MAX_SET);
  if (stored) {
    target.evidenceHead = mergeEvidence(target.pools.evidence, target.evidenceHead, source.evidenceHead, EVIDENCE_PER_CLIENT);
  } else {
    target.evidence = [...target.evidence, ...source.evidence].sort(compareEvidence).slice(0, EVIDENCE_PER_CLIENT);
  }
  if (source.signIn && (!target.signIn || compareEvidence(source.signIn, target.signIn) < 0)) target.signIn = source.signIn;
  if (source.joinedBy && !target.joinedBy) target.joinedBy = source.joinedBy;
  if (target.timeline && source.timeline) appendTimeline(target.timeline, source.timeline);
}

/** How per-rule state of two sessions combines; rules that keep state supply it. */
export type StateMerger = (ruleId: string, target: unknown, source: unknown) => unknown;

/**
 * Folds `source` into `target`: the events of source were found to belong to target's session.
 * Clients that came over are marked with how they were joined.
 */
export function mergeSession(
  target: Session,
  source: Session,
  joinedBy: Correlation,
  mergeState: StateMerger,
  activity: ActivityPool,
): void {
  target.eventCount += source.eventCount;
  // A stored session's times are its clients', joined below; a session made otherwise keeps its own.
  if (!(target instanceof StoredSession)) {
    target.firstSeen = Math.min(target.firstSeen, source.firstSeen);
    target.lastSeen = Math.max(target.lastSeen, source.lastSeen);
  }
  target.formats = union(target.formats, source.formats);
  target.users = union(target.users, source.users);
  if (target.user === undefined) target.user = source.user;
  if (source.start && (!target.start || compareEvidence(source.start.evidence, target.start.evidence) < 0)) target.start = source.start;
  if (source.endedAt !== undefined && (target.endedAt === undefined || source.endedAt < target.endedAt)) {
    target.endedAt = source.endedAt;
  }
  forgetLastClient(target);
  for (const [key, usage] of source.clients) {
    const existing = target.clients.get(key);
    if (existing) {
      mergeUsage(existing, usage, activity);
    } else {
      usage.joinedBy ??= joinedBy;
      (target.clients as Map<string, ClientUsage>).set(key, usage);
    }
  }
  if (source.risk) {
    target.risk ??= [];
    for (const r of source.risk) insertSorted(target.risk, r, RISK_PER_SESSION, bySignal);
  }
  for (const [ruleId, state] of source.ruleState ?? []) {
    target.ruleState ??= new Map();
    const states = target.ruleState;
    const mine = states.get(ruleId);
    states.set(ruleId, mine === undefined ? state : mergeState(ruleId, mine, state));
  }
}
