import type { AgentEvidence } from '../../model/event.js';
import { isObject, text, type JsonObject } from '../fields.js';
import { agentEvidence, proofOf, proofs } from './agent-evidence.js';
import { bounded, boundedText, MAX_NAME, objectOrJsonText } from './bounded.js';
import { dotted } from './dotted.js';

/**
 * Token claims that gateways and apps log beside a request (an API Gateway authorizer's `claims`, an app's `jwt` or
 * `token` object), read for who holds the token and whether an agent acts with it:
 * - `sub`, `client_id`/`azp`, `jti`, `sid`: the subject, the OAuth client, the token and the session;
 * - `act` (RFC 8693 section 4.1): the actor the token was exchanged for, an object or its JSON text; a nested `act`
 *   is an earlier actor of the chain. Okta writes `act.sub_profile: ai_agent` for an AI agent;
 * - Microsoft Entra Agent ID facets: `xms_act_fct` (actor facets) and `xms_sub_fct` (subject facets), space-separated
 *   numbers of which 11 is an agent identity and 13 an agent's user account, and `xms_par_app_azp` (the agent identity
 *   blueprint the token's app belongs to).
 */

/** Where claims are logged, most specific first: API Gateway REST, API Gateway HTTP API, then what apps write. */
export const CLAIM_PREFIXES: readonly string[] = [
  'authorizer.claims',
  'authorizer.jwt.claims',
  'claims',
  'jwt.claims',
  'jwt',
  'token.claims',
  'token',
];

/** Top-level keys (lower case) under which CLAIM_PREFIXES start: a record without any has no claims to look for. */
export const CLAIM_ROOTS: ReadonlySet<string> = new Set(CLAIM_PREFIXES.map((p) => p.split('.')[0]!));

/** Entra facet values: an agent identity, and an agent identity's user account (Microsoft.Identity.Web's `AgentIdUser`). */
export const FACET = { agentIdentity: 11, agentUser: 13 } as const;

const PERSON_CLAIMS = ['email', 'upn', 'preferred_username'];
const CLIENT_CLAIMS = ['client_id', 'azp', 'cid', 'appid'];
const MAX_CHAIN = 8;

/** The claims found under one prefix, as read. */
export interface TokenClaims {
  prefix: string;
  sub?: string;
  /** The person's readable name (`email`, `upn`, `preferred_username`), when logged. */
  person?: string;
  clientId?: string;
  jti?: string;
  sid?: string;
  act?: JsonObject;
  actFacets?: string;
  subFacets?: string;
  parentApp?: string;
  /** Entra's `idtyp`: `user` for a token issued for a person, `app` for an application's own. */
  idtyp?: string;
}

function claim(record: JsonObject, prefix: string, name: string): unknown {
  return dotted(record, `${prefix}.${name}`);
}

function claimText(record: JsonObject, prefix: string, name: string): string | undefined {
  return boundedText(claim(record, prefix, name), MAX_NAME);
}

function firstClaim(record: JsonObject, prefix: string, names: readonly string[]): string | undefined {
  for (const n of names) {
    const v = claimText(record, prefix, n);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The claims of the first prefix that holds any; undefined when the record logs none. */
export function tokenClaims(record: JsonObject, prefixes: readonly string[] = CLAIM_PREFIXES): TokenClaims | undefined {
  for (const prefix of prefixes) {
    const found: TokenClaims = {
      prefix,
      sub: claimText(record, prefix, 'sub'),
      person: firstClaim(record, prefix, PERSON_CLAIMS),
      clientId: firstClaim(record, prefix, CLIENT_CLAIMS),
      jti: claimText(record, prefix, 'jti'),
      sid: claimText(record, prefix, 'sid'),
      act: objectOrJsonText(claim(record, prefix, 'act')),
      actFacets: claimText(record, prefix, 'xms_act_fct'),
      subFacets: claimText(record, prefix, 'xms_sub_fct'),
      parentApp: claimText(record, prefix, 'xms_par_app_azp'),
      idtyp: claimText(record, prefix, 'idtyp'),
    };
    if (Object.entries(found).some(([k, v]) => k !== 'prefix' && v !== undefined)) return found;
  }
  return undefined;
}

/** Space-separated facet numbers (`"3 9 11"`) hold `facet`. */
function hasFacet(facets: string | undefined, facet: number): boolean {
  return facets?.split(/\s+/).includes(String(facet)) === true;
}

/** The actor of an RFC 8693 `act`: its `sub` (else `client_id`), and how far the chain goes, bounded. */
function actorName(act: JsonObject): string | undefined {
  return text(act.sub) ?? text(act.client_id);
}

function chainLength(act: JsonObject): number {
  let n = 1;
  let inner = act.act;
  while (isObject(inner) && n < MAX_CHAIN) {
    n++;
    inner = inner.act;
  }
  return n;
}

/**
 * What the claims say about an agent behind the token:
 * - an `act` naming an actor: the actor holds a token exchanged for the subject, `delegated` (for `sub`);
 * - Entra facets: an agent identity acting (`xms_act_fct` 11) for itself or its agent user (`xms_sub_fct` 11 or 13),
 *   or an agent user as subject, is the agent's `own` identity; an agent identity acting for another subject (other
 *   subject facets, or `idtyp: user`) is `delegated`; a token of an agent identity blueprint's app (`xms_par_app_azp`) is `own`.
 * Claims without any of these say nothing about an agent.
 */
export function agentFromClaims(claims: TokenClaims): AgentEvidence | undefined {
  const p = claims.prefix;
  const subject = claims.person ?? claims.sub;
  if (claims.act) {
    const actor = actorName(claims.act);
    if (actor !== undefined) {
      const profile = text(claims.act.sub_profile);
      const chain = chainLength(claims.act);
      const proof = proofs(
        proofOf(`${p}.act.sub`, bounded(actor, MAX_NAME)),
        profile !== undefined ? proofOf(`${p}.act.sub_profile`, profile) : undefined,
        chain > 1 ? `${chain} actors in the act chain` : undefined,
      );
      return agentEvidence('delegated', proof, actor, subject);
    }
  }
  const agentActs = hasFacet(claims.actFacets, FACET.agentIdentity);
  const agentSubject = hasFacet(claims.subFacets, FACET.agentIdentity) || hasFacet(claims.subFacets, FACET.agentUser);
  const agentName = claims.clientId ?? claims.sub;
  const forSomeoneElse = claims.subFacets !== undefined || claims.idtyp?.toLowerCase() === 'user';
  if (agentActs && !agentSubject && forSomeoneElse) {
    return agentEvidence(
      'delegated',
      proofs(proofOf(`${p}.xms_act_fct`, claims.actFacets), proofOf(`${p}.xms_sub_fct`, claims.subFacets)),
      agentName,
      subject,
    );
  }
  if (agentActs || agentSubject) {
    const proof = proofs(
      claims.actFacets !== undefined ? proofOf(`${p}.xms_act_fct`, claims.actFacets) : undefined,
      claims.subFacets !== undefined ? proofOf(`${p}.xms_sub_fct`, claims.subFacets) : undefined,
    );
    return agentEvidence('own', proof, agentName);
  }
  if (claims.parentApp !== undefined) return agentEvidence('own', proofOf(`${p}.xms_par_app_azp`, claims.parentApp), agentName);
  return undefined;
}
