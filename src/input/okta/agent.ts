import type { AgentEvidence } from '../../model/event.js';
import { isObject, text } from '../fields.js';
import { agentEvidence, proofOf } from '../common/agent-evidence.js';
import { AGENT_ACTOR_TYPE, ID_JAG_GRANT, OAUTH_PREFIX, OKTA_READERS as R, TOKEN_EXCHANGE_GRANT, TOKEN_GRANT } from './fields.js';

/** The user an event is about: its `User` target's login. */
function targetUser(target: unknown): string | undefined {
  if (!Array.isArray(target)) return undefined;
  for (const t of target) {
    if (isObject(t) && t.type === 'User') return text(t.alternateId) ?? text(t.id);
  }
  return undefined;
}

interface Actor {
  type: string;
  id?: string;
  login?: string;
  name?: string;
}

function actorOf(record: unknown): Actor {
  return {
    type: text(R.actorType(record)) ?? '',
    id: text(R.actorId(record)),
    login: text(R.actorLogin(record)),
    name: text(R.actorDisplayName(record)),
  };
}

const isPerson = (actor: Actor): boolean => actor.type.toLowerCase() === 'user';

/**
 * What an Okta event says about an agent behind it:
 * - an ID-JAG grant (Cross App Access, `app.oauth2.token.grant.id_jag`): the requesting agent or app holds a grant
 *   of its own for the user, `delegated`;
 * - a token exchange (`debugData.grantType` RFC 8693's) that logs no session it derives from: the client holds a token
 *   exchanged for the person, `delegated`. One that names its root (`rootSessionId`) starts a derived session, which
 *   already says so (and is kept apart from the person's): it needs no evidence, which would only split its client
 *   from the calls made with the token;
 * - any other event whose actor is an AI agent (`workload_principal.*` events it performs itself among them): the
 *   agent acting as itself, `own`.
 * `app.oauth2.*token.grant.interclient_token` is Okta's Native-to-Web SSO (a person's own native app handing its
 * session to a web app): no agent, so no evidence.
 */
export function agentOf(record: unknown, eventType: string, clientId: string | undefined, derived: boolean): AgentEvidence | undefined {
  const actor = actorOf(record);
  const agentActor = !isPerson(actor) && AGENT_ACTOR_TYPE.test(actor.type);
  const person = isPerson(actor) ? actor.login : targetUser(R.target(record));
  if (ID_JAG_GRANT.test(eventType)) {
    const agent = isPerson(actor) ? clientId : (actor.name ?? actor.id ?? clientId);
    return agentEvidence('delegated', proofOf('eventType', eventType), agent, person);
  }
  const exchange =
    eventType.startsWith(OAUTH_PREFIX) && eventType.includes(TOKEN_GRANT) && text(R.grantType(record)) === TOKEN_EXCHANGE_GRANT;
  if (exchange && !derived) {
    const agent = isPerson(actor) ? clientId : (actor.name ?? actor.id ?? clientId);
    return agentEvidence('delegated', proofOf('debugContext.debugData.grantType', TOKEN_EXCHANGE_GRANT), agent, person);
  }
  if (agentActor && !exchange) return agentEvidence('own', proofOf('actor.type', actor.type), actor.name ?? actor.id);
  return undefined;
}
