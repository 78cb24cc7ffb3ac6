import { isObject, type JsonObject, text } from '../fields.js';

/**
 * Caps for the values a record hands us to keep: a header, a token claim or an agent's name is attacker-controlled
 * (any client may send any header), so nothing is kept longer than these, whatever the log wrote.
 */

/** A request header's value: real values are a URL, a tool name or a version, well under this. */
export const MAX_HEADER_VALUE = 256;

/** An agent's name or id, the person it acts for, a vendor's risk detail. */
export const MAX_NAME = 128;

/** What proves agent evidence, as a person checks it (`properties.agent.agentType = agenticAppInstance`). */
export const MAX_PROOF = 240;

/** Longest value read before any further look (a `Signature-Input` searched for its tag, a JSON string parsed). */
export const MAX_SCANNED = 4096;

/** `value` cut to `max` characters; a cut never leaves half of a surrogate pair. */
export function bounded(value: string, max: number): string {
  if (value.length <= max) return value;
  let cut = value.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

/** A trimmed, non-empty string (or the first string of an array, as OpenTelemetry writes headers), capped. */
export function boundedText(value: unknown, max: number): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw === 'number' && Number.isFinite(raw)) return bounded(String(raw), max);
  if (typeof raw !== 'string') return undefined;
  // Trim only what can be kept, so a hostile multi-megabyte value costs no more than a short one.
  const t = (raw.length > max * 2 ? raw.slice(0, max * 2) : raw).trim();
  const usable = text(t);
  return usable === undefined ? undefined : bounded(usable, max);
}

/**
 * An object, or the JSON text of one that a log flattened it to (Log Analytics columns, gateways' `act` claims), read
 * only when it is short enough to scan; anything else is none.
 */
export function objectOrJsonText(value: unknown): JsonObject | undefined {
  if (isObject(value)) return value;
  if (typeof value !== 'string' || value.length > MAX_SCANNED || !value.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
