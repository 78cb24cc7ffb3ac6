import type { AgentEvidence, RiskSignal } from '../../model/event.js';
import { getLoose, getPath, text, type JsonObject } from '../fields.js';
import { agentEvidence, proofOf, proofs } from '../common/agent-evidence.js';
import { bounded, boundedText, MAX_NAME, MAX_SCANNED, objectOrJsonText } from '../common/bounded.js';
import { AGENTIC_TYPES, NOT_AGENTIC, SIGNIN, UNKNOWN_FUTURE_VALUE } from './fields.js';

/** A list of strings, or the JSON text of one. */
function stringsOf(value: unknown): string[] {
  let list: unknown = value;
  if (typeof value === 'string' && value.length <= MAX_SCANNED && value.trimStart().startsWith('[')) {
    try {
      list = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(list) ? list.map((v) => text(v)).filter((v): v is string => v !== undefined) : [];
}

/** How a sign-in's agent object is named in the proof: `properties.agent` in diagnostic records, else as found. */
function agentKey(body: JsonObject, prefix: string): string | undefined {
  for (const k of Object.keys(body)) if (k.toLowerCase() === SIGNIN.agent) return `${prefix}${k}`;
  return undefined;
}

/**
 * Entra Agent ID's word on a sign-in (`agent.agentType`, `agent.agentSubjectType`):
 * - an agentic identity (`agenticApp`, `agenticAppInstance`, `agentIdentityBlueprintPrincipal`, `agentIDuser`, or
 *   `unknownFutureValue`, which Graph writes for the last two without `Prefer: include-unknown-enum-members`) signing
 *   in for a subject that is no agent (`agentSubjectType: notAgentic`) acts for that person: `delegated`;
 * - otherwise an agentic identity signs in as itself: `own`;
 * - `notAgentic`: the identity provider says no agent signed in, which matters where the client is one (`not-agent`).
 */
export function agentOf(body: JsonObject, prefix: string, user: string | undefined): AgentEvidence | undefined {
  const key = agentKey(body, prefix);
  const agent = objectOrJsonText(getLoose(body, SIGNIN.agent));
  if (key === undefined || agent === undefined) return undefined;
  const type = text(agent.agentType);
  if (type === undefined) return undefined;
  const typeProof = proofOf(`${key}.agentType`, type);
  if (type === NOT_AGENTIC) return agentEvidence('not-agent', typeProof);
  if (!AGENTIC_TYPES.has(type) && type !== UNKNOWN_FUTURE_VALUE) return undefined;
  const name =
    text(getPath(body, SIGNIN.servicePrincipalName)) ??
    text(getPath(body, SIGNIN.appDisplayName)) ??
    text(getPath(body, SIGNIN.appId)) ??
    text(agent.parentAppId);
  const subject = text(agent.agentSubjectType);
  if (subject === NOT_AGENTIC)
    return agentEvidence('delegated', proofs(typeProof, proofOf(`${key}.agentSubjectType`, subject)), name, user);
  const note =
    type === UNKNOWN_FUTURE_VALUE
      ? 'an agent identity blueprint principal or agent user, as Graph writes them without Prefer: include-unknown-enum-members'
      : undefined;
  return agentEvidence('own', proofs(typeProof, note), name);
}

/**
 * Entra ID Protection's verdicts kept as corroborating evidence: each `riskEventTypes_v2` value (else
 * `riskEventTypes`; `none` is no risk), such as `anomalousToken`, and a sign-in session whose token protection
 * (`tokenProtectionStatusDetails.signInSessionStatus`) is `unbound`.
 */
export function riskOf(body: JsonObject): RiskSignal[] | undefined {
  const signals: RiskSignal[] = [];
  const types = stringsOf(getLoose(body, SIGNIN.riskEventTypesV2));
  const listed = types.length > 0 ? types : stringsOf(getLoose(body, SIGNIN.riskEventTypes));
  const level = text(getLoose(body, SIGNIN.riskLevel));
  for (const type of listed.slice(0, 8)) {
    if (type.toLowerCase() === 'none') continue;
    const signal: RiskSignal = { signal: bounded(type, MAX_NAME) };
    if (level !== undefined && level.toLowerCase() !== 'none') signal.detail = bounded(`riskLevelDuringSignIn ${level}`, MAX_NAME);
    signals.push(signal);
  }
  const protection = objectOrJsonText(getLoose(body, SIGNIN.tokenProtection));
  if (protection && text(protection.signInSessionStatus)?.toLowerCase() === 'unbound') {
    const code = boundedText(protection.signInSessionStatusCode, 16);
    const signal: RiskSignal = { signal: 'tokenProtection: unbound' };
    if (code !== undefined) signal.detail = `signInSessionStatusCode ${code}`;
    signals.push(signal);
  }
  return signals.length > 0 ? signals : undefined;
}
