import type { TokenClass, TokenEntry, TokenMatch } from '../table.js';

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
  return note === undefined
    ? { token, class: cls, family, match, source }
    : { token, class: cls, family, match, source, note };
}
