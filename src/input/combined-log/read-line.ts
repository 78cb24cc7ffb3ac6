import type { CombinedGroups } from './layout.js';

/** The groups, and where the time and the request are in the line: the mapper reads those two in place. */
export interface CombinedRead extends CombinedGroups {
  timeStart: number;
  requestStart: number;
}

/**
 * Reads a combined or common line exactly as `COMBINED_LINE` (layout.ts) matches it, in one pass and constant stack
 * whatever the line's length: the regular expression backtracks through its quoted fields with a stack that
 * overflows on lines of a few megabytes, and builds a groups object for every line. A property test holds the two
 * equal on generated and damaged lines.
 *
 * Every part of the expression has one way to match (a run of non-space characters must be followed by a space, a
 * quoted value ends at its first unescaped quote, a field ends where its characters do), except two optional parts:
 * the leading virtual host (tried first, then without), and the referer and user agent pair (tried first, then the
 * rest is read as the free tail `(?: .*)?$`).
 */
export function readCombinedLine(line: string): CombinedRead | undefined {
  // Without a backslash anywhere, a quoted value ends at the next quote: found by indexOf, not character by character.
  const escapes = line.indexOf('\\') >= 0;
  // The first three tokens are read once: with a virtual host they are it, the host and the ident; without, the
  // host, the ident and the user.
  const first = token(line, 0);
  if (first < 0) return undefined;
  const second = token(line, first + 1);
  if (second < 0) return undefined;
  const third = token(line, second + 1);
  if (third < 0) return undefined;
  const fourth = token(line, third + 1);
  const withVirtualHost = fourth < 0 ? undefined : readFrom(line, first + 1, second, third, fourth, escapes);
  return withVirtualHost ?? readFrom(line, 0, first, second, third, escapes);
}

const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const SLASH = 47;
const COLON = 58;
const DASH = 45;

/** `\s` of a JavaScript regular expression. */
function isWhitespace(c: number): boolean {
  if (c <= SPACE) return c === SPACE || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** What `.` does not match: line terminators. */
function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The end of `\S+` starting at `from`, when a space follows it; -1 otherwise. */
function token(line: string, from: number): number {
  let i = from;
  while (i < line.length && !isWhitespace(line.charCodeAt(i))) i++;
  return i > from && line.charCodeAt(i) === SPACE ? i : -1;
}

/** The index of the quote that closes `"(?:[^"\\]|\\.)*"` opened at `open`; -1 when it does not close. */
function closingQuote(line: string, open: number, escapes: boolean): number {
  if (!escapes) return line.indexOf('"', open + 1);
  const n = line.length;
  for (let i = open + 1; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) return i;
    if (c === BACKSLASH) {
      if (i + 1 >= n || isLineTerminator(line.charCodeAt(i + 1))) return -1;
      i++;
    }
  }
  return -1;
}

/** `(?: .*)?$` from `at`: nothing, or a space and no line terminator to the end. */
function freeTail(line: string, at: number): boolean {
  if (at === line.length) return true;
  if (line.charCodeAt(at) !== SPACE) return false;
  for (let i = at + 1; i < line.length; i++) if (isLineTerminator(line.charCodeAt(i))) return false;
  return true;
}

/** The rest of the line after its host (from `at`), ident and user tokens, which end where these say. */
function readFrom(
  line: string,
  at: number,
  hostEnd: number,
  identEnd: number,
  userEnd: number,
  escapes: boolean,
): CombinedRead | undefined {
  // \[(?<time>\d{1,2}/[A-Za-z]{3}/\d{4}:[^\]]*)\]
  const timeStart = userEnd + 2;
  if (line.charCodeAt(userEnd + 1) !== OPEN_BRACKET) return undefined;
  let i = timeStart;
  if (!isDigit(line.charCodeAt(i))) return undefined;
  i += isDigit(line.charCodeAt(i + 1)) ? 2 : 1;
  if (line.charCodeAt(i) !== SLASH) return undefined;
  if (!isLetter(line.charCodeAt(i + 1)) || !isLetter(line.charCodeAt(i + 2)) || !isLetter(line.charCodeAt(i + 3))) return undefined;
  if (line.charCodeAt(i + 4) !== SLASH) return undefined;
  for (let k = 5; k < 9; k++) if (!isDigit(line.charCodeAt(i + k))) return undefined;
  if (line.charCodeAt(i + 9) !== COLON) return undefined;
  const timeEnd = line.indexOf(']', i + 10);
  if (timeEnd < 0) return undefined;

  // ` "(?<request>...)" `
  if (line.charCodeAt(timeEnd + 1) !== SPACE || line.charCodeAt(timeEnd + 2) !== QUOTE) return undefined;
  const requestEnd = closingQuote(line, timeEnd + 2, escapes);
  if (requestEnd < 0 || line.charCodeAt(requestEnd + 1) !== SPACE) return undefined;

  // (?<status>\d{3}|-) (?<bytes>\d+|-)
  const statusStart = requestEnd + 2;
  let statusEnd: number;
  if (isDigit(line.charCodeAt(statusStart)) && isDigit(line.charCodeAt(statusStart + 1)) && isDigit(line.charCodeAt(statusStart + 2))) {
    statusEnd = statusStart + 3;
  } else if (line.charCodeAt(statusStart) === DASH) {
    statusEnd = statusStart + 1;
  } else {
    return undefined;
  }
  if (line.charCodeAt(statusEnd) !== SPACE) return undefined;
  let bytesEnd = statusEnd + 1;
  if (isDigit(line.charCodeAt(bytesEnd))) {
    while (isDigit(line.charCodeAt(bytesEnd))) bytesEnd++;
  } else if (line.charCodeAt(bytesEnd) === DASH) {
    bytesEnd++;
  } else {
    return undefined;
  }

  const groups: CombinedRead = {
    host: line.slice(at, hostEnd),
    user: line.slice(identEnd + 1, userEnd),
    time: line.slice(timeStart, timeEnd),
    request: line.slice(timeEnd + 3, requestEnd),
    status: line.slice(statusStart, statusEnd),
    agent: undefined,
    timeStart,
    requestStart: timeEnd + 3,
  };

  // (?: "(?<referer>...)" "(?<agent>...)")? then (?: .*)?$
  if (line.charCodeAt(bytesEnd) === SPACE && line.charCodeAt(bytesEnd + 1) === QUOTE) {
    const refererEnd = closingQuote(line, bytesEnd + 1, escapes);
    if (refererEnd >= 0 && line.charCodeAt(refererEnd + 1) === SPACE && line.charCodeAt(refererEnd + 2) === QUOTE) {
      const agentEnd = closingQuote(line, refererEnd + 2, escapes);
      if (agentEnd >= 0 && freeTail(line, agentEnd + 1)) {
        groups.agent = line.slice(refererEnd + 3, agentEnd);
        return groups;
      }
    }
  }
  return freeTail(line, bytesEnd) ? groups : undefined;
}
