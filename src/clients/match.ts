import { CLIENT_TOKENS, type TokenEntry } from './table.js';

export interface TokenHit {
  entry: TokenEntry;
  /** The matched text as the user agent spells it. */
  matchedToken: string;
}

const LOWERED = CLIENT_TOKENS.map((entry) => ({ entry, lower: entry.token.toLowerCase() }));

/** The first table entry the (trimmed) text matches, case-insensitively. */
export function matchToken(text: string): TokenHit | undefined {
  const lower = text.toLowerCase();
  // Lowercasing a few non-ASCII characters changes the length; then offsets no longer map back.
  const sameOffsets = lower.length === text.length;
  for (const { entry, lower: token } of LOWERED) {
    let at = -1;
    if (entry.match === 'substring') at = lower.indexOf(token);
    else if (entry.match === 'prefix') at = lower.startsWith(token) ? 0 : -1;
    else at = lower === token ? 0 : -1;
    if (at >= 0) {
      const matchedToken = sameOffsets ? text.slice(at, at + token.length) : entry.token;
      return { entry, matchedToken };
    }
  }
  return undefined;
}

const BY_FAMILY = new Map<string, TokenEntry>();
for (const entry of CLIENT_TOKENS) {
  const key = familyKey(entry.family);
  if (!BY_FAMILY.has(key)) BY_FAMILY.set(key, entry);
}

function familyKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** A table entry by family name as an identity provider may print it: `Python Requests` → `python-requests`. */
export function entryByFamily(name: string): TokenEntry | undefined {
  return BY_FAMILY.get(familyKey(name));
}
