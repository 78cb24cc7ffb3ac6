/** Name cleaning shared by the user-agent parser and the identity-provider hints. */

export const MAX_NAME_LENGTH = 40;

// A version after a separator (`Tool-2`, `Chrome 77`) or a dotted one (`Tool2.1`); `App2` keeps its digit.
const TRAILING_VERSION = /(?:[\s_-]+v?\d+(?:[._]\d+)*|\d+(?:[._]\d+)+)[a-z]?$/i;
const MAX_INPUT = 200;

/** A display name without its version: `Chrome 77.0.3865` → `Chrome`, `MyTool-1.2` → `MyTool`. */
export function stripVersion(name: string): string {
  const beforeSlash = (name.slice(0, MAX_INPUT).split('/', 1)[0] ?? '').trim();
  let cleaned = beforeSlash;
  for (let previous = ''; previous !== cleaned; ) {
    previous = cleaned;
    cleaned = cleaned.replace(TRAILING_VERSION, '').trim();
  }
  // A name that is all version (`131`) keeps its text rather than becoming empty.
  const result = cleaned === '' ? beforeSlash : cleaned;
  return result.slice(0, MAX_NAME_LENGTH);
}

const OS_IN_USER_AGENT: ReadonlyArray<[RegExp, string]> = [
  [/windows/i, 'Windows'],
  // iPads and iPhones also say "like Mac OS X", so iOS goes before macOS.
  [/iphone|ipad|ipod|\bipados\b|\bios\b/i, 'iOS'],
  [/android/i, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/mac ?os|macintosh/i, 'macOS'],
  [/linux|\bx11\b/i, 'Linux'],
];

/** Operating-system family a raw user agent names, if any. A bare `Darwin/` is both iOS and macOS, so it names none. */
export function osFromUserAgent(userAgent: string): string | undefined {
  for (const [pattern, os] of OS_IN_USER_AGENT) {
    if (pattern.test(userAgent)) return os;
  }
  return undefined;
}

const OS_HINTS: ReadonlyArray<[RegExp, string]> = [
  [/^win/, 'Windows'],
  [/^(ios|ipados|iphone|ipad)/, 'iOS'],
  [/^android/, 'Android'],
  [/^(chrome ?os|cros)/, 'ChromeOS'],
  [/^(mac|os ?x)/, 'macOS'],
  [/^(linux|ubuntu|debian|fedora|red ?hat|centos)/, 'Linux'],
];

/** Entra `operatingSystem` (`MacOs`, `Windows 10`, `Ios`) or Okta `os` (`Mac OS X`) to the parser's OS names. */
export function normalizeOsHint(os: string | undefined): string | undefined {
  if (typeof os !== 'string') return undefined;
  const text = os.trim().toLowerCase();
  if (text === '' || text === 'unknown' || text === 'other') return undefined;
  for (const [pattern, name] of OS_HINTS) {
    if (pattern.test(text)) return name;
  }
  return stripVersion(os) || undefined;
}
