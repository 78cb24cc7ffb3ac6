import type { ClientClass, ClientIdentity } from '../model/client.js';
import { detach } from '../shared/detach.js';
import { browserFamily, normalizeBrowserHint, type ParsedClient } from './browser.js';
import { foreignPart, hasBrowserEngine, isBrowserShaped } from './browser-shape.js';
import { DECLARED_SOURCE, declaredAutomation, invokingAgent, sdkForm, type Declared } from './declared.js';
import { entryByFamily, matchToken, scanTokens } from './match.js';
import { MAX_NAME_LENGTH, normalizeOsHint, osFromUserAgent, stripVersion } from './names.js';
import { nativeApp } from './native.js';
import { CRAWLER_BY_SHAPE, type TokenClass } from './table.js';
import { uaParts, type UaParts } from './ua-parts.js';

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
const FOREIGN_SOURCE = "a product beside a browser's own that no browser puts there";
const LEADING_PRODUCT = /^[^\s/();,]+/;
const ANY_PRODUCT = /[A-Za-z][^\s/();,]*/;
const COMPATIBLE_PRODUCT = /\bcompatible;\s*([^;()]+)/i;

/**
 * Who a client is, from its raw user agent or, when there is none, from the identity provider's parsed hint.
 * Never throws.
 */
export function classifyClient(userAgent: string | undefined, hint?: ClientHint): ClientIdentity {
  const ua = typeof userAgent === 'string' ? withoutHeaderName(userAgent.trim().slice(0, MAX_USER_AGENT)) : '';
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
        // Cached for the whole scan: the key and what the identity cuts from it (its token) hold no larger text.
        const kept = detach(userAgent);
        return remember(byUserAgent, kept, Object.freeze(classifyClient(kept, hint)));
      }
    }
    const key = hintKey(hint);
    return byHint.get(key) ?? remember(byHint, detach(key), Object.freeze(classifyClient(undefined, detachedHint(hint))));
  };
}

/** Some exports keep the header's name with its value: `User-Agent: Mozilla/5.0 …`. */
function withoutHeaderName(ua: string): string {
  return ua.length > 11 && ua.slice(0, 11).toLowerCase() === 'user-agent:' ? ua.slice(11).trim() : ua;
}

/** A hint whose names hold no larger text alive: the identity made from them is cached (see shared/detach.ts). */
function detachedHint(hint: ClientHint | undefined): ClientHint | undefined {
  if (!hint) return hint;
  const out: ClientHint = {};
  if (hint.browser !== undefined) out.browser = typeof hint.browser === 'string' ? detach(hint.browser) : hint.browser;
  if (hint.os !== undefined) out.os = typeof hint.os === 'string' ? detach(hint.os) : hint.os;
  if (hint.app !== undefined) out.app = typeof hint.app === 'string' ? detach(hint.app) : hint.app;
  return out;
}

function hintKey(hint: ClientHint | undefined): string {
  return `${text(hint?.browser)}\u0000${text(hint?.os)}\u0000${text(hint?.app)}`;
}

/**
 * In order: a tool that names the agent running it; the table; a user agent that declares itself an agent, a
 * crawler or an API SDK; a native app's shape; a browser's shape with a part no browser adds (`unknown`: it could be
 * a person's app as well as a tool); a browser; else `unknown`, named by its first product.
 */
function fromUserAgent(ua: string): ClientIdentity {
  const os = osFromUserAgent(ua);
  const parts = uaParts(ua);
  const invoking = invokingAgent(parts);
  if (invoking) return declared(invoking, parts, os);
  const lower = ua.toLowerCase();
  const { hit, signalled } = scanTokens(ua, lower);
  if (hit) {
    const { entry, matchedToken } = hit;
    return identity(resolve(entry.class, parts), entry.family, os, matchedToken, entry.source);
  }
  const claim = declaredAutomation(parts, lower, signalled) ?? sdkForm(parts, lower);
  if (claim) return declared(claim, parts, os);
  const native = nativeApp(ua, parts);
  if (native) return identity(native.class, native.family, os, native.matchedToken, native.source);
  if (isBrowserShaped(parts)) {
    const foreign = foreignPart(parts);
    if (foreign) return identity('unknown', stripVersion(foreign.text) || foreign.text, os, foreign.text, FOREIGN_SOURCE);
    const browser = browserFamily(ua);
    if (browser) return identity(browser.class, browser.family, os, browser.matchedToken, browser.source);
  }
  const family = genericFamily(ua, parts);
  return identity('unknown', family, os, family === 'unknown' ? undefined : family, GENERIC_SOURCE);
}

const DECLARED_CLASS = { 'invoking-agent': 'ai-agent', agent: 'ai-agent', crawler: 'crawler', sdk: 'http-library' } as const;

function declared(claim: Declared, parts: UaParts, os: string | undefined): ClientIdentity {
  return identity(resolve(DECLARED_CLASS[claim.kind], parts), claim.family, os, claim.evidence, DECLARED_SOURCE[claim.kind]);
}

/** A crawler's class follows from its shape (see CRAWLER_BY_SHAPE). */
function resolve(cls: TokenClass, parts: UaParts): ClientClass {
  if (cls !== 'crawler') return cls;
  return hasBrowserEngine(parts) ? CRAWLER_BY_SHAPE.browserEngine : CRAWLER_BY_SHAPE.other;
}

/** True when the client was named by an identity provider's or cloud's parsed hint, not by a user agent it sent. */
export function isNamedByHint(identity: Pick<ClientIdentity, 'source'>): boolean {
  return identity.source === HINT_SOURCE;
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
  if (hit) return hinted(hit.entry, hit.matchedToken, name);
  const entry = entryByFamily(stripVersion(name));
  return entry && hinted(entry, name, name);
}

function hinted(entry: { class: TokenClass; family: string; source: string }, matchedToken: string, name: string): ParsedClient {
  return { class: resolve(entry.class, uaParts(name)), family: entry.family, source: entry.source, matchedToken };
}

/** A user agent that names nothing known: its `compatible` product, else the first part no browser has, else its first product. */
function genericFamily(ua: string, parts: UaParts): string {
  const leading = LEADING_PRODUCT.exec(ua)?.[0];
  if (leading !== undefined && leading.toLowerCase() === 'mozilla') {
    const compatible = COMPATIBLE_PRODUCT.exec(ua)?.[1];
    const named = stripVersion(compatible ?? foreignPart(parts)?.text ?? '');
    return named || 'Mozilla';
  }
  const product = leading ?? ANY_PRODUCT.exec(ua)?.[0];
  return product === undefined ? 'unknown' : stripVersion(product) || 'unknown';
}

function identity(cls: ClientClass, family: string, os: string | undefined, matchedToken?: string, source?: string): ClientIdentity {
  const name = family.slice(0, MAX_NAME_LENGTH) || 'unknown';
  // Every field at once, absent ones as undefined (which JSON leaves out): identities share one shape, and adding a
  // field later gave each its own property store (40 bytes per client).
  return { class: cls, family: name, key: clientKey(cls, name, os), os, matchedToken, source };
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
