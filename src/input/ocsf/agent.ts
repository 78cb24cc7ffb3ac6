import type { AgentEvidence } from '../../model/event.js';
import { getPath, isObject, type JsonObject } from '../fields.js';
import { agentEvidence, proofOf, proofs } from '../common/agent-evidence.js';
import { boundedText, MAX_NAME } from '../common/bounded.js';
import { OCSF_FIELDS as F } from './fields.js';

const field = (record: JsonObject, path: string): string | undefined => boundedText(getPath(record, path), MAX_NAME);

/**
 * The ai_operation profile's word on an event: `ai_agent` is the AI agent that performed it (`present`: whatever user
 * agent the event shows, the client is that agent); with a `delegation` (a durable authorization a principal issued
 * to the agent, `delegation.uid`) it acted under delegated authority, for the event's user (`delegated`).
 */
export function agentOf(record: JsonObject, user: string | undefined): AgentEvidence | undefined {
  if (!isObject(getPath(record, F.aiAgent))) return undefined;
  const name = field(record, F.aiAgentName);
  const uid = field(record, F.aiAgentUid);
  const agentProof = name !== undefined ? proofOf(F.aiAgentName, name) : uid !== undefined ? proofOf(F.aiAgentUid, uid) : undefined;
  if (agentProof === undefined) return undefined;
  const delegation = field(record, F.delegationUid);
  if (delegation !== undefined)
    return agentEvidence('delegated', proofs(proofOf(F.delegationUid, delegation), agentProof), name ?? uid, user);
  return agentEvidence('present', agentProof, name ?? uid);
}
