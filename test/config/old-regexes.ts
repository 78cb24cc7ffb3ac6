/**
 * The regexes user patterns compiled to before they got linear-time matchers (issue 11), copied unchanged: the
 * oracle of what every pattern matched, so property tests can prove the new matchers match exactly the same. Only
 * ever run on short inputs: these backtrack.
 */

/** Was src/config/pattern.ts: user agents, names, the ignore file's user, session and userAgent. */
export function oldUserPattern(pattern: string): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

function escapeRegex(text: string): string {
  return text.replace(/[.+^${}()|[\]\\?*]/g, '\\$&');
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Was compilePath in src/config/allow-pattern.ts; it was tested against the request path with one trailing slash trimmed. */
export function oldPathPattern(path: string): RegExp {
  const segments = trimSlash(path).split('/').slice(1);
  if (path === '/') return /^\/$/;
  let source = '';
  for (const segment of segments) {
    if (segment === '**') source += '(?:/[^/]*)*';
    else if (segment === '*') source += '/[^/]+';
    else source += `/${segment.split('*').map(escapeRegex).join('[^/]*')}`;
  }
  return new RegExp(`^${source}$`, 's');
}

/** Was compileLoose in src/config/allow-pattern.ts: `source:name` and `app:Name`. */
export function oldLoosePattern(text: string): RegExp {
  return new RegExp(`^${text.split('*').map(escapeRegex).join('.*')}$`, 'is');
}

export { trimSlash as oldTrimSlash };
