import { isObject, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { AUDIT, EVENT_MARKERS } from './fields.js';

/** Audit actions are lowercase, usually dotted: `user.login`, `git.clone`, `invite_member`. */
const ACTION = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$/;
const MIN_MARKERS = 2;

export function looksLikeAuditEvent(record: JsonObject): boolean {
  const action = record[AUDIT.action];
  if (typeof action !== 'string' || !ACTION.test(action)) return false;
  if (record[AUDIT.actor] !== undefined && typeof record[AUDIT.actor] !== 'string') return false;
  return EVENT_MARKERS.filter((key) => record[key] !== undefined).length >= MIN_MARKERS;
}

/** Most of the first records are audit-log events. */
export function detectGithubAudit(probe: Probe): boolean {
  if (probe.container !== 'json') return false;
  const objects = probe.records.filter(isObject);
  if (objects.length === 0) return false;
  const hits = objects.filter(looksLikeAuditEvent).length;
  return hits > 0 && hits * 2 >= objects.length;
}
