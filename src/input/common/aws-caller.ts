import { isIP } from 'node:net';
import { classifyClient } from '../../clients/classify.js';
import type { NormalizedEvent } from '../../model/event.js';

// Shared by cloudtrail and ocsf (events converted from CloudTrail): how AWS names its own calls and console sessions.

/** What the user agent of an API call made by AWS itself says instead of a program. */
export const AWS_INTERNAL = 'AWS Internal';

/** Suffix of action names for API calls a browser made with console session credentials. */
export const CONSOLE_SESSION_SUFFIX = ' (console session)';

/** `inspector2.amazonaws.com`: the user agent (and source) of a call an AWS service made for itself. */
const SERVICE_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/i;
/** `S3Console/0.4, aws-internal/3 aws-sdk-java/…`: a console's own back end calling AWS for the person at the browser. */
const AWS_BACKEND = /\baws-internal\//i;

export interface ClientFields {
  userAgent?: string;
  clientHint?: NormalizedEvent['clientHint'];
}

/** S3 data events write the user agent in brackets: `[Boto3/1.26.165 …]`. */
function unbracket(ua: string): string {
  return ua.length > 2 && ua.startsWith('[') && ua.endsWith(']') ? ua.slice(1, -1).trim() : ua;
}

/** `S3Console/0.4, aws-internal/3 …` → `S3Console`; `RDS Console, aws-internal/3 …` → `RDS Console`. */
function backendName(ua: string): string {
  const first = ua.split(',')[0]!.split('/')[0]!.trim();
  return first || AWS_INTERNAL;
}

/**
 * The user agent of a person's program, or, when AWS itself made the call, its name as a client hint.
 * `AWS Internal`, service hosts and console back ends are not a person's programs: kept as user agents, the
 * back ends (which embed `aws-sdk-java`) would be classified as automation on every console session.
 */
export function clientOf(rawUserAgent: string | undefined, invokedBy: string | undefined): ClientFields {
  const ua = rawUserAgent === undefined ? undefined : unbracket(rawUserAgent);
  if (ua === undefined || ua === '') return invokedBy === undefined ? {} : { clientHint: { app: invokedBy } };
  if (ua === AWS_INTERNAL || SERVICE_HOST.test(ua)) return { clientHint: { app: ua } };
  if (AWS_BACKEND.test(ua)) return { clientHint: { app: backendName(ua) } };
  return { userAgent: ua };
}

/** A browser, as the session engine will classify it: what starts a console session. */
export function isBrowser(userAgent: string | undefined): boolean {
  return userAgent?.startsWith('Mozilla/') === true && classifyClient(userAgent).class === 'browser';
}

/** `sourceIPAddress` holds an address, or a service name (`inspector2.amazonaws.com`, `AWS Internal`) when AWS called. */
export function ipOf(raw: string | undefined): string | undefined {
  return raw !== undefined && isIP(raw) !== 0 ? raw : undefined;
}
