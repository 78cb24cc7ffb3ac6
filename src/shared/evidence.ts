import type { NormalizedEvent } from '../model/event.js';
import type { EvidenceEvent } from '../model/session.js';
import { detach } from './detach.js';

const MAX_SUMMARY = 160;
const FROM = ' from ';

/** One line that says what an event was, for evidence lists. */
export function summarize(event: NormalizedEvent): string {
  // A string of its own: kept as a tree of parts, each summary held its parts (the whole request path among them)
  // and cost three times the memory; kept as a cut (an action alone), it would hold the record's text alive.
  return detach(summaryFrom(summaryOfAction(event), event.ip));
}

/** What an event did, without where from: the part of its summary that many events share. */
export function summaryOfAction(event: NormalizedEvent): string {
  if (event.kind === 'request') return event.status !== undefined ? `${event.action} -> ${event.status}` : event.action;
  return event.outcome === 'unknown' ? event.action : `${event.action} (${event.outcome})`;
}

/** Whether summaryFrom(action, ip) is the two joined whole (nothing cut off): then a summary can be kept as its parts. */
export function fitsWhole(action: string, ip: string | undefined): boolean {
  return action.length + (ip ? FROM.length + ip.length : 0) <= MAX_SUMMARY;
}

/** A summary from its action part and the event's IP, cut to MAX_SUMMARY characters. */
export function summaryFrom(action: string, ip: string | undefined): string {
  let s = action;
  if (ip) s += `${FROM}${ip}`;
  if (s.length > MAX_SUMMARY) s = `${s.slice(0, MAX_SUMMARY - 3)}...`;
  return s;
}

export function toEvidence(event: NormalizedEvent): EvidenceEvent {
  return { file: event.source.file, line: event.source.line, time: event.time, summary: summarize(event) };
}

/** Orders evidence by time, then file and line, so that the result does not depend on read order. */
export function compareEvidence(a: EvidenceEvent, b: EvidenceEvent): number {
  if (a.time !== b.time) return a.time - b.time;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

/** Keeps the `max` earliest items of a sorted list, inserting one. */
export function insertEarliest(list: EvidenceEvent[], event: NormalizedEvent, max: number): void {
  const last = list[list.length - 1];
  if (list.length >= max && last && !isEarlier(event, last)) return;
  const item = toEvidence(event);
  let i = list.length;
  while (i > 0 && compareEvidence(list[i - 1]!, item) > 0) i--;
  list.splice(i, 0, item);
  if (list.length > max) list.pop();
}

/**
 * `insertEarliest` that returns a new array of exactly the size it needs (or the list itself when the event is not
 * among the earliest): a store keeps one such list per client, and an array that grew by push reserves room for 17.
 */
export function withEarliest(list: EvidenceEvent[], event: NormalizedEvent, max: number): EvidenceEvent[] {
  const last = list[list.length - 1];
  if (list.length >= max && last && !isEarlier(event, last)) return list;
  const item = toEvidence(event);
  let i = list.length;
  while (i > 0 && compareEvidence(list[i - 1]!, item) > 0) i--;
  // concat allocates the exact size; spread and push reserve room for more.
  const next = list.slice(0, i).concat([item], list.slice(i));
  return next.length > max ? next.slice(0, max) : next;
}

/** compareEvidence(event, item) < 0, without building an evidence object for every event. */
/** Whether an event comes before an item in evidence order (time, then file, then line): no tie left to arrival order. */
export function isEarlier(event: NormalizedEvent, item: EvidenceEvent): boolean {
  if (event.time !== item.time) return event.time < item.time;
  if (event.source.file !== item.file) return event.source.file < item.file;
  return event.source.line < item.line;
}

/** Keeps the `max` earliest of a sorted list after adding `item`, ties broken by `tie`: the same whatever the order. */
export function insertSorted<T extends EvidenceEvent>(list: T[], item: T, max: number, tie: (a: T, b: T) => number): void {
  const order = (a: T, b: T) => compareEvidence(a, b) || tie(a, b);
  let i = list.length;
  while (i > 0 && order(list[i - 1]!, item) > 0) i--;
  if (i >= max) return;
  list.splice(i, 0, item);
  if (list.length > max) list.pop();
}
