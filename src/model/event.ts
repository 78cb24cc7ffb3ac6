/** Where a record came from: what a person opens to check a finding. */
export interface SourceRef {
  file: string;
  /** 1-based line where the record starts. */
  line: number;
}

/**
 * What an event says happened, in the terms the session engine needs:
 * - `signin`: a sign-in that starts (or refreshes) a session;
 * - `signout`: a session ended;
 * - `token`: a token was issued or exchanged;
 * - `request`: an API or web request made with the session;
 * - `other`: any other identity-provider event that carries the session.
 */
export type EventKind = 'signin' | 'signout' | 'token' | 'request' | 'other';

export type Outcome = 'success' | 'failure' | 'unknown';

/**
 * What an identity provider, a token or the event itself says about an AI agent behind it. It outranks the user agent:
 * an agent acting through its own identity or a delegation is not riding on a borrowed session, whatever client it
 * runs in, and an agent the log names on a person's session is an agent, whatever its user agent claims.
 * - `own`: the agent acts as itself (an Entra agent identity's sign-in, an Okta workload principal, an Auth0 agent,
 *   a GitHub agent actor, a Bedrock AgentCore workload token);
 * - `delegated`: it acts for a person through a constrained delegation (a token exchange that names it as the actor:
 *   RFC 8693 `act`; an Okta ID-JAG of Cross App Access; an Auth0 on-behalf-of exchange or Token Vault);
 * - `present`: the log says an agent performed the event (OCSF `ai_agent`) without saying how it holds the credential;
 * - `not-agent`: the identity provider says the actor is no agent (Entra `agentType: notAgentic`).
 */
export interface AgentEvidence {
  kind: 'own' | 'delegated' | 'present' | 'not-agent';
  /** The agent's name or id as the log gives it (`act.sub`, `agent_id`, `ai_agent.name`, an Entra agent id). */
  agent?: string;
  /** The person it acts for, when the log names one. */
  onBehalfOf?: string;
  /** What proves it, as a person checks it in the log: `properties.agent.agentType = agenticAppInstance`. */
  proof: string;
}

/** Request headers that tell who the client is, where a log records them. */
export interface ClientHeaders {
  /** Web Bot Auth `Signature-Agent`: where the signing agent publishes its keys (its identity). */
  signatureAgent?: string;
  /** `Signature-Input` carries `tag="web-bot-auth"`: the request is signed as that agent. */
  webBotAuth?: boolean;
  /** `Sec-CH-UA-Platform`, unquoted: the operating system a Chromium browser reports in its client hints. */
  platformHint?: string;
  /** `X-Stainless-Lang` and `X-Stainless-Package-Version` (the Stainless-generated OpenAI and Anthropic SDKs send them). */
  stainlessLang?: string;
  stainlessVersion?: string;
  /** MCP over HTTP: `Mcp-Method`, `Mcp-Name` (the tool, resource or prompt), `MCP-Protocol-Version`, older `Mcp-Session-Id`. */
  mcpMethod?: string;
  mcpName?: string;
  mcpProtocolVersion?: string;
  mcpSessionId?: string;
}

/** A vendor's own risk verdict carried by an event (Okta ITP, Entra ID Protection), kept as corroborating evidence. */
export interface RiskSignal {
  /** The vendor's name for it: `user.session.context.change`, `anomalousToken`, `tokenProtection: unbound`. */
  signal: string;
  /** What it says, briefly (`PreviousIpAddress 192.0.2.1 -> NewIpAddress 198.51.100.7`). */
  detail?: string;
}

/** The one event model that every input format maps its records to. */
export interface NormalizedEvent {
  /** Epoch milliseconds, UTC. */
  time: number;
  source: SourceRef;
  /** Input format name (the registry id), e.g. `okta`. */
  format: string;
  kind: EventKind;
  /** Vendor event type (`user.session.start`) or, for requests, `METHOD path`. */
  action: string;
  outcome: Outcome;
  /** Login or e-mail as the log spells it; compared case-insensitively. */
  user?: string;
  /** Session id from the identity provider or the app (shared namespace: an app may log the IdP session id). */
  sessionId?: string;
  /** Session this one derives from (Okta `rootSessionId`), e.g. after a token exchange. */
  rootSessionId?: string;
  /** Token identifier (jti, uti, API token id). */
  tokenId?: string;
  /** OAuth client / application id. */
  clientId?: string;
  /** OAuth grant type where the log says it (`token-exchange`, `refresh_token`, ...). */
  grantType?: string;
  ip?: string;
  /** Raw User-Agent header, when the log has it. */
  userAgent?: string;
  /** Parsed client hints when no raw user agent exists (Entra non-interactive `deviceDetail`). */
  clientHint?: { browser?: string; os?: string; app?: string };
  /** For sign-ins: true when a person signed in interactively, false when not, undefined when unknown. */
  interactive?: boolean;
  /**
   * Identity-provider application the event is about (an Okta `AppInstance` target, Entra `appDisplayName`), where
   * the format maps it: what the `app:Name` allow patterns of declared agents match.
   */
  app?: string;
  method?: string;
  path?: string;
  status?: number;
  /** What the identity provider or token says about an agent behind the event. */
  agent?: AgentEvidence;
  /** Client-identifying request headers, where the log records them. */
  headers?: ClientHeaders;
  /** Vendor risk signals this event carries. */
  risk?: RiskSignal[];
}
