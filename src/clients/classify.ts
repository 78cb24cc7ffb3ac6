import type { ClientClass, ClientIdentity } from '../model/client.js';
import { normalizeBrowserHint, parseBrowser, type ParsedClient } from './browser.js';
import { entryByFamily, matchToken } from './match.js';
import { MAX_NAME_LENGTH, normalizeOsHint, osFromUserAgent, stripVersion } from './names.js';

export { describeClient } from './describe.js';

/** Parsed client fields an identity provider gives when it has no raw user agent (Entra `deviceDetail`, Okta `client.userAgent`). */
export interface ClientHint {
  browser?: string;
  os?: string;
  app?: string;
}

export type ClientClassifier = (userAgent: string | undefined, hint?: ClientHint) => Readonly<ClientIdentity>;

const MISSING_USER_AGENTS = new Set(['', '-']);
/** Real user agents stay well under this; the cap bounds the work an abusive value can cause. */
const MAX_USER_AGENT = 4096;
const HINT_SOURCE = 'identity-provider parsed client (Entra deviceDetail, Okta client.userAgent)';
const GENERIC_SOURCE = 'first product token';
const LEADING_PRODUCT = /^[^\s/();,]+/;
const ANY_PRODUCT = /[A-Za-z][^\s/();,]*/;
const COMPATIBLE_PRODUCT = /\bcompatible;\s*([^;()]+)/i;

/**
 * Who a client is, from its raw user agent or, when there is none, from the identity provider's parsed hint.
 * Never throws.
 */
export function classifyClient(userAgent: string | undefined, hint?: ClientHint): ClientIdentity {
  const ua = typeof userAgent === 'string' ? userAgent.trim().slice(0, MAX_USER_AGENT) : '';
  return MISSING_USER_AGENTS.has(ua) ? fromHint(hint) : fromUserAgent(ua);
}

/** `classifyClient` with a bounded cache; results are shared between calls, so they are frozen. */
export function createClientClassifier(maxEntries = 5000): ClientClassifier {
  // Keyed by the raw user agent itself (no per-event string building: this runs for every event);
  // the hint only matters when there is no user agent, so it has a cache of its own.
  const byUserAgent = new Map<string, Readonly<ClientIdentity>>();
  const byHint = new Map<string, Readonly<ClientIdentity>>();
  const remember = (cache: Map<string, Readonly<ClientIdentity>>, key: string, identity: Readonly<ClientIdentity>) => {
    if (cache.size >= maxEntries) cache.clear();
    cache.set(key, identity);
    return identity;
  };
  return (userAgent, hint) => {
    if (typeof userAgent === 'string' && userAgent.length > 0) {
      const cached = byUserAgent.get(userAgent);
      if (cached) return cached;
      if (!MISSING_USER_AGENTS.has(userAgent.trim())) {
        return remember(byUserAgent, userAgent, Object.freeze(classifyClient(userAgent, hint)));
      }
    }
    const key = hintKey(hint);
    return byHint.get(key) ?? remember(byHint, key, Object.freeze(classifyClient(undefined, hint)));
  };
}

function hintKey(hint: ClientHint | undefined): string {
  return `${text(hint?.browser)}\u0000${text(hint?.os)}\u0000${text(hint?.app)}`;
}

function fromUserAgent(ua: string): ClientIdentity {
  const os = osFromUserAgent(ua);
  const hit = matchToken(ua);
  if (hit) {
    const { entry, matchedToken } = hit;
    return identity(entry.class, entry.family, os, matchedToken, entry.source);
  }
  const parsed = parseBrowser(ua);
  if (parsed) return identity(parsed.class, parsed.family, os, parsed.matchedToken, parsed.source);
  const family = genericFamily(ua);
  return identity('unknown', family, os, family === 'unknown' ? undefined : family, GENERIC_SOURCE);
}

function fromHint(hint: ClientHint | undefined): ClientIdentity {
  const os = normalizeOsHint(hint?.os);
  const names = [text(hint?.browser), text(hint?.app)].filter(isNamed);
  for (const name of names) {
    const known = knownFromHint(name);
    if (known) return identity(known.class, known.family, os, known.matchedToken, known.source ?? HINT_SOURCE);
  }
  const first = names[0];
  if (first !== undefined) return identity('unknown', stripVersion(first), os, first, HINT_SOURCE);
  return identity('unknown', 'unknown', os);
}

function knownFromHint(name: string): ParsedClient | undefined {
  const browser = normalizeBrowserHint(name);
  if (browser) return browser;
  const hit = matchToken(name);
  if (hit) return { ...hit.entry, matchedToken: hit.matchedToken };
  const entry = entryByFamily(stripVersion(name));
  return entry && { ...entry, matchedToken: name };
}

function genericFamily(ua: string): string {
  const leading = LEADING_PRODUCT.exec(ua)?.[0];
  if (leading !== undefined && leading.toLowerCase() === 'mozilla') {
    const compatible = COMPATIBLE_PRODUCT.exec(ua)?.[1];
    const named = compatible === undefined ? '' : stripVersion(compatible);
    return named || 'Mozilla';
  }
  const product = leading ?? ANY_PRODUCT.exec(ua)?.[0];
  return product === undefined ? 'unknown' : stripVersion(product) || 'unknown';
}

function identity(
  cls: ClientClass,
  family: string,
  os: string | undefined,
  matchedToken?: string,
  source?: string,
): ClientIdentity {
  const name = family.slice(0, MAX_NAME_LENGTH) || 'unknown';
  const result: ClientIdentity = { class: cls, family: name, key: clientKey(cls, name, os) };
  if (os !== undefined) result.os = os;
  if (matchedToken !== undefined) result.matchedToken = matchedToken;
  if (source !== undefined) result.source = source;
  return result;
}

/**
 * `class:family[:os]`, lowercase and without versions, so a browser update stays the same client;
 * a client with nothing known is just `unknown`.
 */
function clientKey(cls: ClientClass, family: string, os: string | undefined): string {
  if (cls === 'unknown' && family === 'unknown' && os === undefined) return 'unknown';
  const parts = os === undefined ? [cls, family] : [cls, family, os];
  return parts.map((part) => part.slice(0, MAX_NAME_LENGTH).toLowerCase().replace(/:/g, '_')).join(':');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function isNamed(name: string): boolean {
  const lower = name.toLowerCase();
  return lower !== '' && lower !== 'unknown' && lower !== 'other' && lower !== '-';
}
