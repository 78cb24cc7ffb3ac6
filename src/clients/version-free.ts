/**
 * A user agent without what changes from release to release: case folded, and versions, build numbers and hashes
 * removed, so that `Chrome/131.0.0.0` and `Chrome/132.0.6834.83`, `kubectl/v1.33.3 ... kubernetes/80779bd` and
 * `kubectl/v1.34.0 ... kubernetes/1a2b3c4` give the same text. It depends on the user agent alone, never on the
 * client table, so it stays the same when the table learns an entry or a client's class changes: finding ids are
 * meant to hash it (with the rule, user and session) instead of the client's class.
 *
 * A word is a run of ASCII letters and digits (any other character is a letter too); everything else separates words.
 * Dropped: a word that starts with a digit (`131`, `15e148`, `0b`), `v` and digits (`v1`), a hash (7+ hex digits,
 * some of them letters), a pre-release word joined to a dropped version (`1.2.3-beta`, `0.20.0-rc.0`), and the word
 * after `build` (Android `Build/AP2A.240805.005`). What is left joins with single spaces.
 */
export function versionFreeUserAgent(userAgent: string | undefined): string {
  if (typeof userAgent !== 'string') return '';
  const text = userAgent.slice(0, MAX_USER_AGENT).toLowerCase();
  const kept: string[] = [];
  let dropNext = false;
  let lastDroppedEnd = -2;
  for (let i = 0; i < text.length; ) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    const word = text.slice(i, end);
    const joined = i === lastDroppedEnd + 1 && JOINERS.has(text.charCodeAt(i - 1));
    if (dropNext || isVersionWord(word) || (joined && PRE_RELEASE.has(word))) {
      lastDroppedEnd = end;
    } else {
      kept.push(word);
    }
    dropNext = word === 'build';
    i = end;
  }
  return kept.join(' ');
}

const MAX_USER_AGENT = 4096;
/** `-`, `.`, `+`, `_` join a pre-release word to its version. */
const JOINERS = new Set([45, 46, 43, 95]);
const PRE_RELEASE = new Set(['alpha', 'beta', 'rc', 'dev', 'pre', 'preview', 'snapshot', 'nightly', 'canary', 'a', 'b']);

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code >= 128;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isVersionWord(word: string): boolean {
  const first = word.charCodeAt(0);
  if (isDigit(first)) return true;
  if (first === 118 /* v */ && word.length > 1 && allDigits(word, 1)) return true;
  return isHash(word);
}

function allDigits(word: string, from: number): boolean {
  for (let i = from; i < word.length; i++) if (!isDigit(word.charCodeAt(i))) return false;
  return true;
}

/** 7 or more hex digits with at least one digit: a commit or build hash (`80779bd`). */
function isHash(word: string): boolean {
  if (word.length < 7) return false;
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (c < 97 || c > 102) return false;
  }
  return digits > 0;
}
