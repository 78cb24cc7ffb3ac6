import type { AgentEvidence } from '../../model/event.js';
import { bool, text, type JsonObject } from '../fields.js';
import { agentEvidence, proofOf } from '../common/agent-evidence.js';
import { boundedText, MAX_NAME } from '../common/bounded.js';
import { APP_OWN_TOKEN, AUDIT, BOT_ACTOR } from './fields.js';

/**
 * What a GitHub audit event says about an agent behind it, each the actor acting through an identity of its own:
 * - `actor_is_agent: true` (agentic events, such as the Copilot coding agent's): the agent, for the person in `user`
 *   who started it;
 * - a `[bot]` actor or `actor_is_bot: true`: a GitHub App's bot user;
 * - `programmatic_access_type: GitHub App server-to-server token`: an app's installation token.
 * Personal access and OAuth tokens are a person's credential: they say nothing of an agent.
 */
export function agentOf(record: JsonObject): AgentEvidence | undefined {
  const actor = text(record[AUDIT.actor]);
  if (bool(record[AUDIT.actorIsAgent]) === true) {
    return agentEvidence('own', proofOf(AUDIT.actorIsAgent, true), actor, text(record[AUDIT.agentStartedBy]));
  }
  if (actor !== undefined && BOT_ACTOR.test(actor)) return agentEvidence('own', proofOf(AUDIT.actor, actor), actor);
  if (bool(record[AUDIT.actorIsBot]) === true) return agentEvidence('own', proofOf(AUDIT.actorIsBot, true), actor);
  if (text(record[AUDIT.programmaticAccessType]) === APP_OWN_TOKEN) {
    return agentEvidence('own', proofOf(AUDIT.programmaticAccessType, APP_OWN_TOKEN), actor);
  }
  return undefined;
}

/** An agent session's id: its events form a session of their own (the audit log has no other session id). */
export function agentSessionOf(record: JsonObject): string | undefined {
  return boundedText(record[AUDIT.agentSessionId], MAX_NAME);
}
