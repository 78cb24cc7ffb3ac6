/**
 * A simple, case-insensitive glob for names and user agents: `*` matches any run of characters
 * (slashes included), `?` one character; everything else is literal.
 */
export function compilePattern(pattern: string): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}
