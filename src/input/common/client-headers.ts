import type { ClientHeaders } from '../../model/event.js';
import { bounded, boundedText, MAX_HEADER_VALUE, MAX_SCANNED } from './bounded.js';

/**
 * The request headers that tell who a client is (model/event.ts ClientHeaders), as data: each header's name as HTTP
 * writes it (lower case, as OpenTelemetry's `http.request.header.<name>` keys do) and the field it fills.
 * `Signature-Input` is read only for its Web Bot Auth tag and never kept.
 */
export const CLIENT_HEADERS = [
  { header: 'signature-agent', field: 'signatureAgent' },
  { header: 'signature-input', field: 'signatureInput' },
  { header: 'sec-ch-ua-platform', field: 'platformHint' },
  { header: 'x-stainless-lang', field: 'stainlessLang' },
  { header: 'x-stainless-package-version', field: 'stainlessVersion' },
  { header: 'mcp-method', field: 'mcpMethod' },
  { header: 'mcp-name', field: 'mcpName' },
  { header: 'mcp-protocol-version', field: 'mcpProtocolVersion' },
  { header: 'mcp-session-id', field: 'mcpSessionId' },
] as const;

export type HeaderField = (typeof CLIENT_HEADERS)[number]['field'];

/** Raw header values as a log holds them (a string, or OpenTelemetry's array of strings), by field. */
export type RawHeaders = Partial<Record<HeaderField, unknown>>;

/** Every field, for loops that fill a RawHeaders. */
export const HEADER_FIELDS: readonly HeaderField[] = CLIENT_HEADERS.map((h) => h.field);

/** A header's name with `-` as `_`: the name nginx (`$http_signature_agent`) and flat JSON keys give it. */
export function flatHeaderName(header: string): string {
  return header.replace(/-/g, '_');
}

/** `tag="web-bot-auth"` among the parameters of any signature in a `Signature-Input` (RFC 9421) value. */
const WEB_BOT_AUTH_TAG = /;\s*tag\s*=\s*"web-bot-auth"/i;

/** A Structured Field string (`"https://agent.example"`, `"macOS"`) without its quotes; other values as written. */
function unquoted(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1).trim() : value;
}

function read(raw: unknown, quoted: boolean): string | undefined {
  const value = boundedText(raw, MAX_HEADER_VALUE);
  if (value === undefined) return undefined;
  const v = quoted ? unquoted(value) : value;
  return v.length > 0 ? v : undefined;
}

/**
 * The client headers an event keeps, each capped; undefined when none of them was logged. A `Signature-Input` that
 * tags a signature `web-bot-auth` sets `webBotAuth`.
 */
export function clientHeaders(raw: RawHeaders): ClientHeaders | undefined {
  const out: ClientHeaders = {};
  let any = false;
  const set = <K extends Exclude<keyof ClientHeaders, 'webBotAuth'>>(field: K, quoted = false): void => {
    const v = read(raw[field], quoted);
    if (v !== undefined) {
      out[field] = v;
      any = true;
    }
  };
  set('signatureAgent', true);
  set('platformHint', true);
  set('stainlessLang');
  set('stainlessVersion');
  set('mcpMethod');
  set('mcpName');
  set('mcpProtocolVersion');
  set('mcpSessionId');
  const input = boundedText(raw.signatureInput, MAX_SCANNED);
  if (input !== undefined && WEB_BOT_AUTH_TAG.test(bounded(input, MAX_SCANNED))) {
    out.webBotAuth = true;
    any = true;
  }
  return any ? out : undefined;
}
