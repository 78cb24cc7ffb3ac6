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
};

/**
 * Any other code is an `other` event. Short codes begin with `s` for success and `f` for failure
 * (`ssa`, `fcoa`); codes with an underscore (`pwd_leak`, `gd_send_pn`, `signup_pwd_leak`) follow no such rule.
 */
export function typeCode(code: string): TypeCode {
  const known = TYPE_CODES[code];
  if (known) return known;
  if (/^s[a-z]*$/.test(code)) return { kind: 'other', outcome: 'success' };
  if (/^f[a-z]*$/.test(code)) return { kind: 'other', outcome: 'failure' };
  return { kind: 'other', outcome: 'unknown' };
}
