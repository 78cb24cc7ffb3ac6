import type { NormalizedEvent } from '../model/event.js';
import { ownEntry } from '../shared/lookup.js';

/**
 * One normalized event as an OCSF-shaped row (see columns.ts). Undefined values are left out, so an NDJSON line
 * holds only what the event had; a reader given the column types fills the rest with NULL.
 */
export type OcsfRow = Record<string, unknown>;

export const OCSF_VERSION = '1.1.0';

export const CLASS = {
  authentication: { uid: 3002, name: 'Authentication', category: 3 },
  http: { uid: 4002, name: 'HTTP Activity', category: 4 },
  api: { uid: 6003, name: 'API Activity', category: 6 },
} as const;

/** OCSF HTTP Activity activity ids by method. */
const HTTP_ACTIVITY: Record<string, number> = { CONNECT: 1, DELETE: 2, GET: 3, HEAD: 4, OPTIONS: 5, POST: 6, PUT: 7, TRACE: 8, PATCH: 9 };
const AUTH_ACTIVITY = { signin: 1, signout: 2, token: 3, other: 99 } as const;
const STATUS = { success: ['Success', 1], failure: ['Failure', 2], unknown: ['Unknown', 0] } as const;

/** The product a format's records come from, as `metadata.product.name` names it. */
const PRODUCTS: Record<string, string> = {
  okta: 'Okta',
  'entra-signin': 'Entra ID',
  'entra-signin-csv': 'Entra ID',
  'google-workspace': 'Google Workspace',
  auth0: 'Auth0',
  'github-audit': 'GitHub',
  cloudtrail: 'CloudTrail',
  'aws-alb': 'Application Load Balancer',
  'api-gateway': 'API Gateway',
  envoy: 'Envoy',
  'envoy-json': 'Envoy',
  traefik: 'Traefik',
};

function compact(value: Record<string, unknown>): Record<string, unknown> | undefined {
  let any = false;
  for (const k of Object.keys(value)) {
    if (value[k] === undefined) delete value[k];
    else any = true;
  }
  return any ? value : undefined;
}

function classOf(event: NormalizedEvent): { cls: (typeof CLASS)[keyof typeof CLASS]; activity: number } {
  if (event.kind === 'request') {
    if (event.method !== undefined && event.path !== undefined) {
      return { cls: CLASS.http, activity: ownEntry(HTTP_ACTIVITY, event.method.toUpperCase()) ?? 99 };
    }
    return { cls: CLASS.api, activity: 0 };
  }
  return { cls: CLASS.authentication, activity: AUTH_ACTIVITY[event.kind] };
}

function logonType(event: NormalizedEvent): number | undefined {
  if (event.kind !== 'signin') return undefined;
  return event.interactive === true ? 2 : event.interactive === false ? 3 : 0;
}

function httpHeaders(event: NormalizedEvent): { name: string; value: string }[] | undefined {
  const h = event.headers;
  if (!h) return undefined;
  const list: { name: string; value: string }[] = [];
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined) list.push({ name, value });
  };
  add('Signature-Agent', h.signatureAgent);
  if (h.webBotAuth) add('Signature-Input', 'tag="web-bot-auth"');
  add('Sec-CH-UA-Platform', h.platformHint === undefined ? undefined : `"${h.platformHint}"`);
  add('X-Stainless-Lang', h.stainlessLang);
  add('X-Stainless-Package-Version', h.stainlessVersion);
  add('Mcp-Method', h.mcpMethod);
  add('Mcp-Name', h.mcpName);
  add('MCP-Protocol-Version', h.mcpProtocolVersion);
  add('Mcp-Session-Id', h.mcpSessionId);
  return list.length > 0 ? list : undefined;
}

function extension(event: NormalizedEvent): Record<string, unknown> {
  const h = event.headers;
  const a = event.agent;
  return compact({
    format: event.format,
    file: event.source.file,
    line: event.source.line,
    time_ms: event.time,
    kind: event.kind,
    action: event.action,
    outcome: event.outcome,
    interactive: event.interactive,
    token_uid: event.tokenId,
    root_session_uid: event.rootSessionId,
    grant_type: event.grantType,
    client_hint: event.clientHint
      ? compact({ browser: event.clientHint.browser, os: event.clientHint.os, app: event.clientHint.app })
      : undefined,
    app: event.app,
    agent: a ? compact({ kind: a.kind, name: a.agent, on_behalf_of: a.onBehalfOf, proof: a.proof }) : undefined,
    headers: h
      ? compact({
          signature_agent: h.signatureAgent,
          web_bot_auth: h.webBotAuth,
          platform_hint: h.platformHint,
          stainless_lang: h.stainlessLang,
          stainless_version: h.stainlessVersion,
          mcp_method: h.mcpMethod,
          mcp_name: h.mcpName,
          mcp_protocol_version: h.mcpProtocolVersion,
          mcp_session_id: h.mcpSessionId,
        })
      : undefined,
    risk: event.risk && event.risk.length > 0 ? event.risk.map((r) => compact({ signal: r.signal, detail: r.detail })) : undefined,
  })!;
}

export function toOcsfRow(event: NormalizedEvent): OcsfRow {
  const { cls, activity } = classOf(event);
  const [status, statusId] = STATUS[event.outcome];
  const product = ownEntry(PRODUCTS, event.format) ?? event.format;
  return compact({
    class_uid: cls.uid,
    class_name: cls.name,
    category_uid: cls.category,
    activity_id: activity,
    type_uid: cls.uid * 100 + activity,
    time: Math.floor(event.time),
    time_dt: new Date(event.time).toISOString(),
    status,
    status_id: statusId,
    severity_id: 1,
    logon_type_id: logonType(event),
    metadata: { version: OCSF_VERSION, product: { name: product, vendor_name: product }, log_name: event.format },
    actor: compact({
      user: event.user !== undefined ? { name: event.user } : undefined,
      session: compact({ uid: event.sessionId, credential_uid: event.tokenId }),
      app_uid: event.clientId,
      app_name: event.app,
    }),
    src_endpoint: event.ip !== undefined ? { ip: event.ip } : undefined,
    http_request: compact({
      http_method: event.method,
      url: event.path !== undefined ? { path: event.path } : undefined,
      user_agent: event.userAgent,
      http_headers: httpHeaders(event),
    }),
    http_response: event.status !== undefined ? { code: event.status } : undefined,
    api: cls === CLASS.api ? { operation: event.action } : undefined,
    borrowscan: extension(event),
  })!;
}
