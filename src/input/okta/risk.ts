import type { RiskSignal } from '../../model/event.js';
import { isObject, text } from '../fields.js';
import { bounded, boundedText, MAX_NAME } from '../common/bounded.js';
import { OKTA_READERS as R, RISK_EVENTS } from './fields.js';

/** The keys of `debugContext.debugData` read here; map-line.ts cuts these (and `grantType`) from a line. */
export const RISK_DEBUG_KEYS = ['Causes', 'PreviousIpAddress', 'NewIpAddress', 'risk', 'Risk', 'ExternalSessionId'] as const;

function debug(record: unknown, key: (typeof RISK_DEBUG_KEYS)[number]): unknown {
  const data = R.debugData(record);
  return isObject(data) ? data[key] : undefined;
}

/** `Causes` as Okta writes it: an array (`["ipAddress.change"]`) or a string. */
function causes(value: unknown): string | undefined {
  if (Array.isArray(value)) return boundedText(value.filter((v) => typeof v === 'string').join(', '), MAX_NAME);
  return boundedText(value, MAX_NAME);
}

/**
 * Identity Threat Protection's verdict on a session, kept as corroborating evidence: `user.session.context.change`
 * (debugData `Causes`, `PreviousIpAddress`, `NewIpAddress`), `user.risk.detect` (debugData `risk`, `{level=HIGH,
 * reasons=...}`), `security.session.detect_client_roaming`.
 */
export function riskOf(record: unknown, eventType: string): RiskSignal[] | undefined {
  if (!RISK_EVENTS.has(eventType)) return undefined;
  const parts: string[] = [];
  const cause = causes(debug(record, 'Causes'));
  if (cause !== undefined) parts.push(cause);
  const before = text(debug(record, 'PreviousIpAddress'));
  const after = text(debug(record, 'NewIpAddress'));
  if (before !== undefined || after !== undefined) parts.push(`PreviousIpAddress ${before ?? '-'} -> NewIpAddress ${after ?? '-'}`);
  const risk = boundedText(debug(record, 'risk') ?? debug(record, 'Risk'), MAX_NAME);
  if (risk !== undefined) parts.push(risk);
  const signal: RiskSignal = { signal: eventType };
  if (parts.length > 0) signal.detail = bounded(parts.join('; '), MAX_NAME * 2);
  return [signal];
}

/** The session a risk event is about when its own authentication context names none (asynchronous detections). */
export function riskSessionOf(record: unknown, eventType: string): string | undefined {
  return RISK_EVENTS.has(eventType) ? boundedText(debug(record, 'ExternalSessionId'), MAX_NAME) : undefined;
}
