import { SIGNALS } from './declared.js';
import { CLIENT_TOKENS, type TokenEntry } from './table.js';
import { buildTokenIndex, type TokenIndex } from './token-index.js';

export interface TokenHit {
  entry: TokenEntry;
  /** The matched text as the user agent spells it. */
  matchedToken: string;
}

const lowered = (entry: TokenEntry) => entry.token.toLowerCase();
const ids = (match: TokenEntry['match']) => CLIENT_TOKENS.flatMap((entry, id) => (entry.match === match ? [id] : []));

const SUBSTRING_IDS = ids('substring');
let substrings: TokenIndex | undefined;

/**
 * The substring tokens' index, built on the first match rather than at import (a command that classifies no client
 * does not pay for it); it is built from the table alone, so it is the same whenever it is built. The words of
 * self-declared automation ride along after the table's tokens: one pass over the text answers both.
 */
function substringIndex(): TokenIndex {
  substrings ??= buildTokenIndex([...SUBSTRING_IDS.map((id) => lowered(CLIENT_TOKENS[id]!)), ...SIGNALS]);
  return substrings;
}
const PREFIXES = ids('prefix').map((id) => ({ id, token: lowered(CLIENT_TOKENS[id]!) }));
const EXACT = new Map<string, number>();
for (const id of ids('exact')) if (!EXACT.has(lowered(CLIENT_TOKENS[id]!))) EXACT.set(lowered(CLIENT_TOKENS[id]!), id);

export interface TokenScan {
  hit?: TokenHit;
  /** No entry matched, and the text holds a word of self-declared automation (declared.ts SIGNALS). */
  signalled: boolean;
}

/** The first table entry, in table order, that the (trimmed) text matches, case-insensitively. */
export function matchToken(text: string, lower = text.toLowerCase()): TokenHit | undefined {
  return scanTokens(text, lower).hit;
}

/** `matchToken`, and when no entry matches, whether a word of self-declared automation occurs. */
export function scanTokens(text: string, lower = text.toLowerCase()): TokenScan {
  let id = EXACT.get(lower) ?? Number.MAX_SAFE_INTEGER;
  let at = 0;
  for (const prefix of PREFIXES) {
    if (prefix.id >= id) break;
    if (lower.startsWith(prefix.token)) id = prefix.id;
  }
  const found = substringIndex().first(lower);
  const signalled = found !== undefined && found.id >= SUBSTRING_IDS.length;
  if (found && !signalled && SUBSTRING_IDS[found.id]! < id) {
    id = SUBSTRING_IDS[found.id]!;
    at = found.at;
  }
  const entry = CLIENT_TOKENS[id];
  if (!entry) return { signalled };
  // Lowercasing a few non-ASCII characters changes the length; then offsets no longer map back.
  const matchedToken = lower.length === text.length ? text.slice(at, at + entry.token.length) : entry.token;
  return { hit: { entry, matchedToken }, signalled: false };
}

const BY_FAMILY = new Map<string, TokenEntry>();
for (const entry of CLIENT_TOKENS) {
  const key = familyKey(entry.family);
  if (!BY_FAMILY.has(key)) BY_FAMILY.set(key, entry);
}

function familyKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** A table entry by family name as an identity provider may print it: `Python Requests` → `python-requests`. */
export function entryByFamily(name: string): TokenEntry | undefined {
  return BY_FAMILY.get(familyKey(name));
}
