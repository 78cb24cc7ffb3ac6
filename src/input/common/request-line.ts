import { cleanPath, cleanPathIn } from '../url.js';
import { quoteRaw } from './quote.js';

/** Methods are upper-case tokens (GET, PROPFIND, M-SEARCH); binary junk and `HELP` probes are not. */
const METHOD = /^[A-Z][A-Z_-]{0,19}$/;
const PROTOCOL = /^HTTP\/\d(?:\.\d)?$/i;
const ABSOLUTE_URL = /^[A-Za-z][A-Za-z0-9+.-]{0,15}:\/\//;
const AUTHORITY = /^[^\s/]+:\d{1,5}$/;

export type RequestLine = { method: string; path: string } | { skip: string };

function isTarget(method: string, target: string): boolean {
  if (target.startsWith('/') || ABSOLUTE_URL.test(target)) return true;
  if (target === '*') return true;
  return method === 'CONNECT' && AUTHORITY.test(target);
}

const plainEdge = (c: number): boolean => c > 32 && c < 127;

/** The method a line starts with (at `at`) when it is one of the common ones, as a constant string: no copy per line. */
function commonMethod(line: string, at: number, end: number): string | undefined {
  switch (end - at) {
    case 3:
      return line.startsWith('GET', at) ? 'GET' : line.startsWith('PUT', at) ? 'PUT' : undefined;
    case 4:
      return line.startsWith('POST', at) ? 'POST' : line.startsWith('HEAD', at) ? 'HEAD' : undefined;
    case 5:
      return line.startsWith('PATCH', at) ? 'PATCH' : undefined;
    case 6:
      return line.startsWith('DELETE', at) ? 'DELETE' : undefined;
    case 7:
      return line.startsWith('OPTIONS', at) ? 'OPTIONS' : undefined;
    default:
      return undefined;
  }
}

function commonProtocol(line: string, from: number, to: number): boolean {
  const n = to - from;
  if (n === 8) return line.startsWith('HTTP/1.1', from) || line.startsWith('HTTP/1.0', from) || line.startsWith('HTTP/2.0', from);
  return n === 6 && (line.startsWith('HTTP/2', from) || line.startsWith('HTTP/3', from));
}

/**
 * The request line almost every line has, `GET /path HTTP/1.1` (one of the common methods and protocols, two single
 * spaces, printable ends), read from `line` between `from` and `to` without trimming, splitting, patterns or a cut of
 * its own; undefined for any other request line, which the general reading below then reads (to the same result where
 * this one gives one).
 */
function commonRequestLine(line: string, from: number, to: number): { method: string; path: string } | undefined {
  if (to - from < 12 || !plainEdge(line.charCodeAt(from)) || !plainEdge(line.charCodeAt(to - 1))) return undefined;
  const first = line.indexOf(' ', from);
  const second = first < 0 || first >= to ? -1 : line.indexOf(' ', first + 1);
  if (second < 0 || second >= to) return undefined;
  const third = line.indexOf(' ', second + 1);
  if (third >= 0 && third < to) return undefined;
  if (line.charCodeAt(first + 1) !== 47 || !plainEdge(line.charCodeAt(second - 1)) || !commonProtocol(line, second + 1, to))
    return undefined;
  const method = commonMethod(line, from, first);
  if (method === undefined) return undefined;
  const path = cleanPathIn(line, first + 1, second);
  return path === undefined ? undefined : { method, path };
}

/** `parseRequestLine` of the part of `line` from `from` to `to`, read in place where it is a common request line. */
export function parseRequestLineIn(line: string, from: number, to: number): RequestLine {
  return commonRequestLine(line, from, to) ?? parseAnyRequestLine(line.slice(from, to));
}

/**
 * `GET /a/b?token=x HTTP/1.1` → method and path without query or fragment.
 * HTTP/0.9 lines without a protocol are read; a target with a raw space (a malformed probe) keeps
 * its part before the space. Anything else (TLS bytes, `-`, pipe-delimited junk) is a skip.
 */
export function parseRequestLine(raw: string): RequestLine {
  return commonRequestLine(raw, 0, raw.length) ?? parseAnyRequestLine(raw);
}

/** `parseRequestLine` without its shortcut for common lines, which must agree with it (a property test holds them equal). */
export function parseAnyRequestLine(raw: string): RequestLine {
  const line = raw.trim();
  const space = line.indexOf(' ');
  if (space > 0) {
    const method = line.slice(0, space);
    let rest = line.slice(space + 1).trim();
    const last = rest.lastIndexOf(' ');
    if (last > 0 && PROTOCOL.test(rest.slice(last + 1))) rest = rest.slice(0, last).trimEnd();
    const target = rest.split(' ', 1)[0] ?? '';
    if (METHOD.test(method) && isTarget(method, target)) {
      const path = cleanPath(target);
      if (path !== undefined) return { method, path };
    }
  }
  return { skip: `request line is not METHOD PATH PROTOCOL: ${quoteRaw(line)}` };
}
