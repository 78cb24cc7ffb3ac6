import type { AgentEvidence } from '../../model/event.js';
import type { JsonObject } from '../fields.js';
import { agentEvidence, proofOf, proofs } from '../common/agent-evidence.js';
import { LOG } from './fields.js';
import { logText } from './log.js';
import { ACTOR_IS_DELEGATOR, DELEGATION_CODES } from './type-codes.js';

/**
 * What an Auth0 log says about an agent behind it:
 * - `agent_id` (with `external_agent_id`, the customer's own id for it): an Auth0 agent granted authority by token
 *   exchange, acting for the log's user (`delegated`) or, with no user, for itself (`own`);
 * - a delegating exchange (Token Vault `seta`, Custom Token Exchange `secte`, On-Behalf-Of, delegated authorization
 *   code `sdeleacft`, ID-JAG) without `agent_id`: the acting party (`details.actor.sub`, else the client) holds a
 *   credential of its own for the user, `delegated`.
 */
export function agentOf(log: JsonObject, type: string): AgentEvidence | undefined {
  const person = logText(log, LOG.userName) ?? logText(log, LOG.userId);
  const agentId = logText(log, LOG.agentId);
  const externalId = logText(log, LOG.externalAgentId);
  const delegator = ACTOR_IS_DELEGATOR.has(type) ? logText(log, LOG.actorSub) : undefined;
  const forWhom = person ?? delegator;
  if (agentId !== undefined) {
    const proof = proofs(proofOf(LOG.agentId, agentId), externalId !== undefined ? proofOf(LOG.externalAgentId, externalId) : undefined);
    return agentEvidence(forWhom !== undefined ? 'delegated' : 'own', proof, agentId, forWhom);
  }
  if (!DELEGATION_CODES.has(type)) return undefined;
  const actor = ACTOR_IS_DELEGATOR.has(type) ? undefined : logText(log, LOG.actorSub);
  if (actor !== undefined) return agentEvidence('delegated', proofOf(LOG.actorSub, actor), actor, forWhom);
  return agentEvidence('delegated', proofOf(LOG.type, type), logText(log, LOG.clientName) ?? logText(log, LOG.clientId), forWhom);
}
