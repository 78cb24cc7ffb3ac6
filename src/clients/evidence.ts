import type { ClientIdentity } from '../model/client.js';
import type { AgentEvidence, ClientHeaders } from '../model/event.js';
import { MAX_NAME_LENGTH, normalizeOsHint } from './names.js';

/** What an event says about its client besides the user agent. */
export interface ClientEvidence {
  agent?: AgentEvidence;
  headers?: ClientHeaders;
}

const SIGNED_AGENT_SOURCE =
  'Web Bot Auth (draft-meunier-web-bot-auth-architecture): Signature-Agent with Signature-Input tag="web-bot-auth"';
const STAINLESS_SOURCE = 'X-Stainless-* request headers, sent by the Stainless-generated OpenAI and Anthropic SDKs';
const MCP_SOURCE = 'MCP over HTTP request headers (Mcp-Method, Mcp-Name, MCP-Protocol-Version, Mcp-Session-Id)';
const AUTOMATION = new Set(['ai-agent', 'ai-crawler', 'headless-browser', 'http-library', 'cli']);

/**
 * A client as the whole event shows it. The identity provider's or the token's word on an agent outranks the user
 * agent; request headers that only programs send (a Web Bot Auth signature, an LLM SDK's, MCP's) make a client an
 * agent whatever its user agent claims; a browser whose own client hints contradict its user agent is a program
 * posing as one. Each changes the client's key, so such a client never merges with the plain one of the same
 * user agent. Returns the identity unchanged when nothing applies.
 */
export function refineIdentity(identity: Readonly<ClientIdentity>, evidence: ClientEvidence): Readonly<ClientIdentity> {
  let refined: Readonly<ClientIdentity> = identity;
  const headers = evidence.headers;
  if (headers) refined = fromHeaders(refined, headers);
  const agent = evidence.agent;
  if (agent) refined = fromAgentEvidence(refined, agent);
  return refined;
}

function fromAgentEvidence(identity: Readonly<ClientIdentity>, agent: AgentEvidence): Readonly<ClientIdentity> {
  const authority = { kind: agent.kind, proof: agent.proof, agent: agent.agent, onBehalfOf: agent.onBehalfOf };
  switch (agent.kind) {
    case 'own':
    case 'delegated':
      return { ...identity, authority, key: `${identity.key}:${agent.kind}`, evidenceKey: withEvidence(identity, agent.kind) };
    case 'present': {
      const family = agent.agent ? agent.agent.slice(0, MAX_NAME_LENGTH) : identity.class === 'ai-agent' ? identity.family : 'AI agent';
      return {
        ...asAgent(identity, family, 'the log names an agent', agent.proof, authority),
        evidenceKey: withEvidence(identity, `present:${family}`),
      };
    }
    case 'not-agent':
      // The identity provider's "no agent" matters only where the client itself is a program.
      return AUTOMATION.has(identity.class)
        ? { ...identity, authority, key: `${identity.key}:not-agent`, evidenceKey: withEvidence(identity, 'not-agent') }
        : identity;
  }
}

function fromHeaders(identity: Readonly<ClientIdentity>, headers: ClientHeaders): Readonly<ClientIdentity> {
  if (headers.webBotAuth && headers.signatureAgent) {
    const name = directoryName(headers.signatureAgent);
    return { ...asAgent(identity, name, 'Signature-Agent', SIGNED_AGENT_SOURCE), evidenceKey: withEvidence(identity, `signed:${name}`) };
  }
  if (headers.mcpMethod || headers.mcpName || headers.mcpProtocolVersion || headers.mcpSessionId) {
    if (identity.class === 'ai-agent') return identity;
    return { ...asAgent(identity, 'MCP client', 'Mcp-*', MCP_SOURCE), evidenceKey: withEvidence(identity, 'mcp') };
  }
  if (headers.stainlessLang || headers.stainlessVersion) {
    if (identity.class === 'ai-agent') return identity;
    const lang = headers.stainlessLang ? ` (${headers.stainlessLang.slice(0, 16)})` : '';
    return { ...asAgent(identity, `LLM SDK${lang}`, 'X-Stainless-*', STAINLESS_SOURCE), evidenceKey: withEvidence(identity, 'llm-sdk') };
  }
  if (headers.platformHint && identity.class === 'browser') {
    const hinted = normalizeOsHint(headers.platformHint);
    if (hinted !== undefined && identity.os !== undefined && hinted !== identity.os && !compatible(identity.os, hinted)) {
      const contradiction = `Sec-CH-UA-Platform "${headers.platformHint.slice(0, 32)}" contradicts the user agent's ${identity.os}`;
      return { ...identity, contradiction, key: `${identity.key}:contradicted`, evidenceKey: withEvidence(identity, 'contradicted') };
    }
  }
  return identity;
}

/** Evidence keys add up when several kinds apply (headers, then the identity provider's word). */
function withEvidence(identity: Readonly<ClientIdentity>, key: string): string {
  return identity.evidenceKey === undefined ? key : `${identity.evidenceKey}+${key}`;
}

/** Android is Linux underneath; ChromeOS browsers may report either. */
function compatible(os: string, hinted: string): boolean {
  const pair = new Set([os, hinted]);
  return pair.has('Linux') && (pair.has('Android') || pair.has('ChromeOS'));
}

function asAgent(
  identity: Readonly<ClientIdentity>,
  family: string,
  matchedToken: string,
  source: string,
  authority?: ClientIdentity['authority'],
): ClientIdentity {
  const name = family.slice(0, MAX_NAME_LENGTH);
  const key = ['ai-agent', name, identity.os]
    .filter((p) => p !== undefined)
    .map((p) => p.toLowerCase().replace(/:/g, '_'))
    .join(':');
  const refined: ClientIdentity = { class: 'ai-agent', family: name, key, matchedToken, source };
  if (identity.os !== undefined) refined.os = identity.os;
  if (authority) refined.authority = authority;
  return refined;
}

/** A signed agent is named by where it publishes its keys: the host of its Signature-Agent URL. */
function directoryName(signatureAgent: string): string {
  const value = signatureAgent.trim().replace(/^"|"$/g, '');
  try {
    return new URL(value).host || value;
  } catch {
    return value.slice(0, MAX_NAME_LENGTH) || 'signed agent';
  }
}
