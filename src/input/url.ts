/** Paths as the report may show them: never a query string, fragment, host or credentials. */

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]{0,15}$/;

/** The path of a request target: query and fragment cut, an absolute URL reduced to its path, `;jsessionid=` dropped. */
export function cleanPath(raw: string): string | undefined {
  let s = raw;
  let cut = s.indexOf('?');
  const hash = s.indexOf('#');
  if (hash >= 0 && (cut < 0 || hash < cut)) cut = hash;
  if (cut >= 0) s = s.slice(0, cut);
  const scheme = s.indexOf('://');
  if (scheme > 0 && SCHEME.test(s.slice(0, scheme))) {
    // Also drops `user:password@host`.
    const slash = s.indexOf('/', scheme + 3);
    s = slash < 0 ? '/' : s.slice(slash);
  }
  if (s.includes(';')) s = s.replace(/;jsessionid=[^/]*/gi, '');
  s = s.trim();
  return s.length > 0 ? s : undefined;
}
