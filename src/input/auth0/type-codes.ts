import { ownEntry } from '../../shared/lookup.js';
import type { EventKind, Outcome } from '../../model/event.js';

export interface TypeCode {
  kind: EventKind;
  outcome: Outcome;
  interactive?: boolean;
  grantType?: string;
}

const signin = (outcome: Outcome): TypeCode => ({ kind: 'signin', outcome, interactive: true });
const exchange = (grantType: string): [TypeCode, TypeCode] => [
  { kind: 'token', outcome: 'success', grantType },
  { kind: 'token', outcome: 'failure', grantType },
];

const [seacft, feacft] = exchange('authorization_code');
const [seccft, feccft] = exchange('client_credentials');
const [sepft, fepft] = exchange('password');
const [sertft, fertft] = exchange('refresh_token');
const [sede, fede] = exchange('urn:ietf:params:oauth:grant-type:device_code');
const [seotpft, feotpft] = exchange('http://auth0.com/oauth/grant-type/mfa-otp');
const [seoobft, feoobft] = exchange('http://auth0.com/oauth/grant-type/mfa-oob');
const [sercft, fercft] = exchange('http://auth0.com/oauth/grant-type/mfa-recovery-code');
// Exchanges that hand an agent or app a credential of its own for a user (see DELEGATION_CODES).
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const [seta, feta] = exchange(TOKEN_EXCHANGE);
const [secte, fecte] = exchange(TOKEN_EXCHANGE);
const [oboSuccess, oboFailure] = exchange(TOKEN_EXCHANGE);
const [sdeleacft, fdeleacft] = exchange('authorization_code');
const [idjagSuccess, idjagFailure] = exchange('urn:ietf:params:oauth:grant-type:jwt-bearer');

/** The Auth0 log `type` codes that start, end or extend a session, or make an API request. */
export const TYPE_CODES: Readonly<Record<string, TypeCode>> = {
  s: signin('success'),
  f: signin('failure'),
  fp: signin('failure'),
  fu: signin('failure'),
  slo: { kind: 'signout', outcome: 'success' },
  flo: { kind: 'signout', outcome: 'failure' },
  sapi: { kind: 'request', outcome: 'success' },
  fapi: { kind: 'request', outcome: 'failure' },
  seacft,
  feacft,
  seccft,
  feccft,
  sepft,
  fepft,
  sertft,
  fertft,
  sede,
  fede,
  seotpft,
  feotpft,
  seoobft,
  feoobft,
  sercft,
  fercft,
  seta,
  feta,
  secte,
  fecte,
  success_on_behalf_of_token_exchange: oboSuccess,
  failed_on_behalf_of_token_exchange: oboFailure,
  sdeleacft,
  fdeleacft,
  idjag_exchange_succeeded: idjagSuccess,
  idjag_exchange_failed: idjagFailure,
};

/**
 * Exchanges that delegate: Token Vault (`seta`/`feta`: a token for a third-party API), Custom Token Exchange
 * (`secte`/`fecte`), On-Behalf-Of Token Exchange, a delegated authorization code (`sdeleacft`/`fdeleacft`) and Cross
 * App Access's ID-JAG exchange. What each says of its actor is in agent.ts.
 */
export const DELEGATION_CODES: ReadonlySet<string> = new Set([
  'seta',
  'feta',
  'secte',
  'fecte',
  'success_on_behalf_of_token_exchange',
  'failed_on_behalf_of_token_exchange',
  'sdeleacft',
  'fdeleacft',
  'idjag_exchange_succeeded',
  'idjag_exchange_failed',
]);

/** Codes whose `details.actor.sub` is the user who delegates, not the party acting (`sdeleacft`'s schema). */
export const ACTOR_IS_DELEGATOR: ReadonlySet<string> = new Set(['sdeleacft', 'fdeleacft']);

/**
 * Any other code is an `other` event. Short codes begin with `s` for success and `f` for failure
 * (`ssa`, `fcoa`); codes with an underscore (`pwd_leak`, `gd_send_pn`, `signup_pwd_leak`) follow no such rule.
 */
export function typeCode(code: string): TypeCode {
  const known = ownEntry(TYPE_CODES, code);
  if (known) return known;
  if (/^s[a-z]*$/.test(code)) return { kind: 'other', outcome: 'success' };
  if (/^f[a-z]*$/.test(code)) return { kind: 'other', outcome: 'failure' };
  return { kind: 'other', outcome: 'unknown' };
}
