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
}
