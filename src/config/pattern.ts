import { compileGlob, type TextMatcher } from './glob.js';

/**
 * A simple, case-insensitive glob for names and user agents: `*` matches any run of characters
 * (slashes included), `?` one character; everything else is literal. Linear in the text (glob.ts).
 */
export function compilePattern(pattern: string): TextMatcher {
  return compileGlob(pattern, { ignoreCase: true, questionMark: true });
}
