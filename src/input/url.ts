/** Paths as the report may show them: never a query string, fragment, host or credentials. */

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]{0,15}$/;

/** The path of a request target: query and fragment cut, an absolute URL reduced to its path, `;jsessionid=` dropped. */
export function cleanPath(raw: string): string | undefined {
  return isPlainPath(raw) ? raw : cleanAnyPath(raw);
}

/** `cleanPath` of the part of `text` from `from` to `to`, checked in place (see parseClfTimeIn in shared/time.ts). */
export function cleanPathIn(text: string, from: number, to: number): string | undefined {
  const raw = text.slice(from, to);
  return isPlainPath(text, from, to) ? raw : cleanAnyPath(raw);
}

/** `cleanPath` without its shortcut for plain paths, which must agree with it (a property test holds them equal). */
export function cleanAnyPath(raw: string): string | undefined {
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

/**
 * A path with nothing to cut or trim, as most are (`/api/customers/10043`): it starts with `/` and holds only
 * printable ASCII without `?`, `#`, `;` or `:` (so no query, fragment, `;jsessionid=` or scheme), checked in one pass.
 */
function isPlainPath(s: string, from = 0, to = s.length): boolean {
  if (to <= from || s.charCodeAt(from) !== 47) return false;
  for (let i = from + 1; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c >= 127 || c === 63 || c === 35 || c === 59 || c === 58) return false;
  }
  return true;
}
