import type { ClientClass } from '../../model/client.js';

/**
 * - `substring`: anywhere in the user agent (agents append their token to a full Chrome string);
 * - `prefix`: only at the start (the token is ambiguous when an app puts its own name first);
 * - `exact`: the whole user agent, trimmed (the token is too short to search for).
 * All matching is case-insensitive.
 */
export type TokenMatch = 'substring' | 'exact' | 'prefix';

/**
 * A class, or `crawler`: a named crawler or fetcher whose class follows from how it presents itself, like any
 * crawler that declares itself (see CRAWLER_BY_SHAPE in table.ts).
 */
export type TokenClass = ClientClass | 'crawler';

export interface TokenEntry {
  token: string;
  class: TokenClass;
  family: string;
  match: TokenMatch;
  source: string;
  note?: string;
}

/** Sources cited by many entries. */
export const SRC = {
  cua: 'crawler-user-agents (MIT)',
  air: 'ai.robots.txt (MIT)',
  both: 'crawler-user-agents (MIT), ai.robots.txt (MIT)',
  uap: 'ua-parser-js docs',
} as const;

/** A table entry; the family defaults to the token without its trailing slash. */
export function entry(
  token: string,
  cls: TokenClass,
  source: string,
  family = token.replace(/\/$/, '').trim(),
  match: TokenMatch = 'substring',
  note?: string,
): TokenEntry {
  return note === undefined ? { token, class: cls, family, match, source } : { token, class: cls, family, match, source, note };
}
