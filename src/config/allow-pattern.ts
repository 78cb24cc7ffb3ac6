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
 * - `mcp:name`: an MCP tool, resource or prompt the agent may use, as its `Mcp-Name` header names it
 *   (`mcp:search_*`, `mcp:file:///docs/*`); no spaces. A task that lists any `mcp:` pattern judges the MCP calls that
 *   name one by those patterns alone; a task without any judges them as the HTTP requests they are (`POST /mcp`).
 *
 * The non-HTTP forms are matched case-insensitively, with `*` as any run of characters. Every form matches in time
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
  | { kind: 'app'; text: string; pattern: TextMatcher }
  | { kind: 'mcp'; text: string; pattern: TextMatcher };

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
  if (text.toLowerCase().startsWith(MCP_PREFIX)) return parseMcp(text);
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

const MCP_PREFIX = 'mcp:';

function parseMcp(text: string): AllowPattern | string {
  const name = text.slice(MCP_PREFIX.length);
  if (name === '') return `"${text}" needs a tool, resource or prompt name after mcp:`;
  if (/\s/.test(name)) return `"${text}" has a space: MCP names have none`;
  if (FOREIGN_GLOB.test(name) || name.includes('?')) return `"${text}" uses ?, [ ] or { }: only * is a glob here`;
  return { kind: 'mcp', text, pattern: compileLoose(`${MCP_PREFIX}${name}`) };
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
  | { kind: 'app'; name: string }
  /** An MCP call naming its tool, resource or prompt (`Mcp-Name`), with the HTTP request that carried it. */
  | { kind: 'mcp'; name: string; method?: string; path?: string };

export function matchesOperation(pattern: AllowPattern, op: Operation): boolean {
  switch (pattern.kind) {
    case 'http': {
      // An MCP call is also the HTTP request that carried it; which of the two a task judges is allowedBy's choice.
      const request = op.kind === 'http' || op.kind === 'mcp' ? op : undefined;
      if (request?.method === undefined || request.path === undefined) return false;
      return (pattern.method === '*' || pattern.method === request.method) && pattern.path.test(trimSlash(request.path));
    }
    case 'operation':
      return op.kind === 'operation' && pattern.pattern.test(op.name);
    case 'app':
      return op.kind === 'app' && pattern.pattern.test(`app:${op.name}`);
    case 'mcp':
      return op.kind === 'mcp' && pattern.pattern.test(`${MCP_PREFIX}${op.name}`);
  }
}

/**
 * The patterns of a task that judge an operation: for an MCP call, the task's `mcp:` patterns when it lists any (so
 * `POST /mcp` allows the protocol's own calls without allowing every tool), else all of them.
 */
export function judgingPatterns(allow: readonly AllowPattern[], op: Operation): readonly AllowPattern[] {
  if (op.kind !== 'mcp') return allow;
  const mcp = allow.filter((p) => p.kind === 'mcp');
  return mcp.length > 0 ? mcp : allow;
}

/** `GET /api/x`, `s3.amazonaws.com:GetObject`, `app:Salesforce`, `mcp:search_tickets`: how an operation reads in a message. */
export function describeOperation(op: Operation): string {
  switch (op.kind) {
    case 'http':
      return `${op.method} ${op.path}`;
    case 'app':
      return `app:${op.name}`;
    case 'mcp':
      return `${MCP_PREFIX}${op.name}`;
    case 'operation':
      return op.name;
  }
}
