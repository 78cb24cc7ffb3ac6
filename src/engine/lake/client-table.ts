import { createClientClassifier, describeClient, isNamedByHint } from '../../clients/classify.js';
import { refineIdentity } from '../../clients/evidence.js';
import { clientOf, isBrowser } from '../../input/common/aws-caller.js';
import { actsOnOwnCredential, isAutomationClient, isHumanClient, type ClientIdentity } from '../../model/client.js';
import type { AgentEvidence, ClientHeaders, NormalizedEvent } from '../../model/event.js';
import type { ClientUsage } from '../../model/session.js';
import { clientIdKey } from '../findings.js';

/**
 * The client table: every distinct client signature (user agent, parsed hints, agent evidence, headers) classified
 * once by the same client model the streaming engine uses (clients/classify.ts, clients/evidence.ts). The SQL engines
 * join it instead of classifying in SQL, so both engines give every client the same key, and findings the same ids.
 */
export type SignatureRow = Record<string, unknown> & { sig: string };

export interface ClientRow {
  sig: string;
  /** The event's user agent after the format's own mapping (CloudTrail-sourced OCSF rows turn AWS-internal ones into hints). */
  ua_event: string | null;
  /** What a client without a raw user agent is shown as (engine/sessions.ts describeHint). */
  hint_text: string | null;
  ckey: string;
  cclass: string;
  family: string;
  os: string | null;
  label: string;
  authority_kind: string | null;
  contradicted: boolean;
  is_human: boolean;
  is_automation: boolean;
  own_credential: boolean;
  /** A browser as CloudTrail's console-session rule sees it. */
  console_browser: boolean;
  /** Neither a person's client nor automation, and with a user agent of its own (unrecognized-client-on-human-session). */
  unjudged: boolean;
  /**
   * The client part of a finding's id (engine/findings.ts clientIdKey: the user agent without versions, plus the
   * evidence that told the client apart), for a client whose earliest event had this signature.
   */
  id_key: string;
}

/** Columns of the client table, in order, with their SQL types. */
export const CLIENT_TABLE_COLUMNS: readonly [keyof ClientRow, string][] = [
  ['sig', 'VARCHAR'],
  ['ua_event', 'VARCHAR'],
  ['hint_text', 'VARCHAR'],
  ['ckey', 'VARCHAR'],
  ['cclass', 'VARCHAR'],
  ['family', 'VARCHAR'],
  ['os', 'VARCHAR'],
  ['label', 'VARCHAR'],
  ['authority_kind', 'VARCHAR'],
  ['contradicted', 'BOOLEAN'],
  ['is_human', 'BOOLEAN'],
  ['is_automation', 'BOOLEAN'],
  ['own_credential', 'BOOLEAN'],
  ['console_browser', 'BOOLEAN'],
  ['unjudged', 'BOOLEAN'],
  ['id_key', 'VARCHAR'],
];

/** rules/unrecognized-client-on-human-session.ts's test of a client, from the identity alone. */
function unjudged(identity: ClientIdentity): boolean {
  if (isHumanClient(identity) || isAutomationClient(identity) || actsOnOwnCredential(identity)) return false;
  if (isNamedByHint(identity)) return false;
  return !(identity.class === 'unknown' && identity.family === 'unknown');
}

function str(v: unknown): string | undefined {
  return v === null || v === undefined ? undefined : String(v);
}

function bool(v: unknown): boolean | undefined {
  if (v === null || v === undefined) return undefined;
  return v === true || v === 'true' || v === 1;
}

function describeHint(hint: NormalizedEvent['clientHint']): string {
  if (!hint) return '';
  return [hint.app, hint.browser, hint.os].filter(Boolean).join(' / ');
}

function headersOf(r: SignatureRow): ClientHeaders | undefined {
  const h: ClientHeaders = {
    signatureAgent: str(r.h_signature_agent),
    webBotAuth: bool(r.h_web_bot_auth),
    platformHint: str(r.h_platform_hint),
    stainlessLang: str(r.h_stainless_lang),
    stainlessVersion: str(r.h_stainless_version),
    mcpMethod: str(r.h_mcp_method),
    mcpName: str(r.h_mcp_name),
    mcpProtocolVersion: str(r.h_mcp_protocol_version),
    mcpSessionId: str(r.h_mcp_session_id),
  };
  for (const k of Object.keys(h) as (keyof ClientHeaders)[]) if (h[k] === undefined) delete h[k];
  return Object.keys(h).length > 0 ? h : undefined;
}

function agentOf(r: SignatureRow): AgentEvidence | undefined {
  const kind = str(r.agent_kind) as AgentEvidence['kind'] | undefined;
  if (kind === undefined) return undefined;
  const a: AgentEvidence = { kind, proof: str(r.agent_proof) ?? '' };
  const name = str(r.agent_name);
  const obo = str(r.agent_obo);
  if (name !== undefined) a.agent = name;
  if (obo !== undefined) a.onBehalfOf = obo;
  return a;
}

export function createClientTable(): (row: SignatureRow) => ClientRow {
  const classify = createClientClassifier();
  return (r) => {
    const raw = str(r.ua_raw);
    const hint = { browser: str(r.hint_browser), os: str(r.hint_os), app: str(r.hint_app) };
    const mapped = bool(r.aws)
      ? clientOf(raw, undefined)
      : { userAgent: raw, clientHint: hint.browser || hint.os || hint.app ? hint : undefined };
    const plain = classify(mapped.userAgent, mapped.clientHint);
    const agent = agentOf(r);
    const headers = headersOf(r);
    const identity: ClientIdentity = agent || headers ? refineIdentity(plain, { agent, headers }) : plain;
    const hintText = describeHint(mapped.clientHint);
    // What the streaming engine shows for a client whose first event this is (engine/sessions.ts newUsage).
    const shown = mapped.userAgent ?? hintText;
    return {
      sig: r.sig,
      ua_event: mapped.userAgent ?? null,
      hint_text: hintText,
      ckey: identity.key,
      cclass: identity.class,
      family: identity.family,
      os: identity.os ?? null,
      label: describeClient(identity),
      authority_kind: identity.authority?.kind ?? null,
      contradicted: identity.contradiction !== undefined,
      is_human: isHumanClient(identity),
      is_automation: isAutomationClient(identity),
      own_credential: actsOnOwnCredential(identity),
      console_browser: isBrowser(mapped.userAgent),
      unjudged: unjudged(identity),
      id_key: clientIdKey({ userAgent: shown, identity } as ClientUsage),
    };
  };
}
