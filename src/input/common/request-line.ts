import { cleanPath } from './values.js';
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

/**
 * `GET /a/b?token=x HTTP/1.1` → method and path without query or fragment.
 * HTTP/0.9 lines without a protocol are read; a target with a raw space (a malformed probe) keeps
 * its part before the space. Anything else (TLS bytes, `-`, pipe-delimited junk) is a skip.
 */
export function parseRequestLine(raw: string): RequestLine {
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
