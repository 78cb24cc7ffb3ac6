import { compileGlob, type TextMatcher } from './glob.js';
import { compilePathGlob } from './path-glob.js';

/**
 * Allow patterns of a declared agent's task: what the agent may do.
 *
 * - `METHOD /path-glob`: an HTTP request. METHOD is an HTTP method (any case) or `*`. The path starts with `/` and is
 *   matched case-sensitively, segment by segment: `*` in a segment matches within that one segment (a lone `*` matches
 *   exactly one non-empty segment), a `**` segment matches any number of segments, none included (`/api/**` matches
 *   `/api` and everything below it). A trailing slash does not matter.
 * - `source:name`: a non-HTTP operation, as a log names it, such as an AWS `eventSource:eventName`
 *   (`s3.amazonaws.com:Get*`); no spaces.
 * - `app:Name`: an identity-provider application the agent may sign in to (`app:Salesforce`); the name may have spaces.
 *
 * Both non-HTTP forms are matched case-insensitively, with `*` as any run of characters. Every form matches in time
 * linear in what it is matched against (path-glob.ts, glob.ts): a pattern from a pull request cannot hang a scan.
 *
 * What a pattern may not contain, because it would mean something we do not do: whitespace inside the path or a
 * `source:name`, a query or fragment (`?`, `#`: only paths are logged), brackets and braces (character classes and
 * alternatives of other glob dialects), empty path segments (`//`), a `**` that is not a whole segment, and control
 * characters.
 */

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'] as const;

/** Methods that only read: a task allowed only these is a read-only task. */
export const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export type AllowPattern =
  | { kind: 'http'; text: string; method: string; path: TextMatcher; readOnly: boolean }
  | { kind: 'operation'; text: string; pattern: TextMatcher }
  | { kind: 'app'; text: string; pattern: TextMatcher };

/**
 * A superset check of the grammar, written as a JSON Schema `pattern` so editors flag the obvious mistakes; the
 * precise checks (method names, segments) are in parseAllowPattern and run when the file is loaded.
 */
export const ALLOW_PATTERN_REGEX = /^(?:[A-Za-z]+|\*) \/\S*$|^app:\S.*$|^[^\s:]+:\S+$/;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const FOREIGN_GLOB = /[[\]{}]/;

/** Parses one allow pattern; returns what is wrong with it as a message, or the compiled pattern. */
export function parseAllowPattern(text: string): AllowPattern | string {
  if (text.trim() === '') return 'an allow pattern must not be empty';
  if (text !== text.trim()) return `allow pattern "${text}" has leading or trailing spaces`;
  if (CONTROL.test(text)) return 'an allow pattern must not contain control characters';
  if (text.toLowerCase().startsWith('app:')) return parseApp(text);
  const space = text.indexOf(' ');
  if (space >= 0) return parseHttp(text, text.slice(0, space), text.slice(space + 1));
  return parseOperation(text);
}

function parseHttp(text: string, method: string, path: string): AllowPattern | string {
  const upper = method.toUpperCase();
  if (upper !== '*' && !(HTTP_METHODS as readonly string[]).includes(upper)) {
    return `unknown HTTP method "${method}" in "${text}": use one of ${HTTP_METHODS.join(', ')} or *`;
  }
  if (!path.startsWith('/')) return `the path of "${text}" must start with /`;
  if (/\s/.test(path)) return `"${text}" has more than one space: write "METHOD /path"`;
  if (/[?#]/.test(path)) return `"${text}" has a query or fragment: allow patterns match the path only`;
  if (FOREIGN_GLOB.test(path)) return `"${text}" uses [ ] or { }: only * (one segment) and ** (any segments) are globs`;
  const segments = trimSlash(path).split('/').slice(1);
  if (path !== '/' && segments.some((s) => s === '')) return `"${text}" has an empty path segment (//)`;
  if (segments.some((s) => s.includes('**') && s !== '**')) return `"${text}": ** must be a whole path segment (/**/)`;
  return { kind: 'http', text, method: upper, path: compilePathGlob(trimSlash(path)), readOnly: READ_METHODS.has(upper) };
}

function parseOperation(text: string): AllowPattern | string {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) {
    return `"${text}" is neither "METHOD /path" nor "source:name" (such as s3.amazonaws.com:GetObject) nor "app:Name"`;
  }
  if (FOREIGN_GLOB.test(text) || text.includes('?')) return `"${text}" uses ?, [ ] or { }: only * is a glob here`;
  return { kind: 'operation', text, pattern: compileLoose(text) };
}

function parseApp(text: string): AllowPattern | string {
  const name = text.slice(4);
  if (name.trim() === '' || name !== name.trim()) return `"${text}" needs an application name after app:`;
  if (FOREIGN_GLOB.test(name) || name.includes('?')) return `"${text}" uses ?, [ ] or { }: only * is a glob here`;
  return { kind: 'app', text, pattern: compileLoose(`app:${name}`) };
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** `*` is any run of characters, ignoring case; `?` never gets here (parse refuses it), so it would be literal. */
function compileLoose(text: string): TextMatcher {
  return compileGlob(text, { ignoreCase: true, questionMark: false });
}

/** What an event did, in the terms allow patterns speak; undefined when patterns do not judge it (a sign-in, a token). */
export type Operation =
  | { kind: 'http'; method: string; path: string }
  | { kind: 'operation'; name: string }
  | { kind: 'app'; name: string };

export function matchesOperation(pattern: AllowPattern, op: Operation): boolean {
  switch (pattern.kind) {
    case 'http':
      return op.kind === 'http' && (pattern.method === '*' || pattern.method === op.method) && pattern.path.test(trimSlash(op.path));
    case 'operation':
      return op.kind === 'operation' && pattern.pattern.test(op.name);
    case 'app':
      return op.kind === 'app' && pattern.pattern.test(`app:${op.name}`);
  }
}

/** `GET /api/x`, `s3.amazonaws.com:GetObject`, `app:Salesforce`: how an operation reads in a message. */
export function describeOperation(op: Operation): string {
  return op.kind === 'http' ? `${op.method} ${op.path}` : op.kind === 'app' ? `app:${op.name}` : op.name;
}
