import type { EventKind } from '../../model/event.js';

/** Where each part of the event model lives in a GitHub audit-log event (REST API, streaming or SIEM export). */
export const AUDIT = {
  action: 'action',
  actor: 'actor',
  ip: 'actor_ip',
  userAgent: 'user_agent',
  /** Base64 SHA-256 of the token used or created: the same value on a token's creation and its later use. */
  tokenId: 'hashed_token',
  method: 'request_method',
  /** Concrete request path, when logged; `route` is the template (`/repos/{owner}/{repo}/pulls`). */
  urlPath: 'url_path',
  route: 'route',
  status: 'status_code',
  /** Agentic events (Copilot coding agent): the actor is an AI agent; its session; the person who started it. */
  actorIsAgent: 'actor_is_agent',
  agentSessionId: 'agent_session_id',
  agentStartedBy: 'user',
  actorIsBot: 'actor_is_bot',
  programmaticAccessType: 'programmatic_access_type',
} as const;

/** A GitHub App's installation token: the app acting as itself, not for a user. */
export const APP_OWN_TOKEN = 'GitHub App server-to-server token';

/** Bot accounts (GitHub Apps' users) are named `<app>[bot]`. */
export const BOT_ACTOR = /\[bot\]$/;

/** Time keys, first usable wins: epoch ms from GitHub; Panther renames `@timestamp` to `at_sign_timestamp`. */
export const TIME_KEYS: readonly string[] = ['@timestamp', 'created_at', 'at_sign_timestamp'];

/** Keys of an audit event besides `action`; detection wants two of them. */
export const EVENT_MARKERS: readonly string[] = [
  '_document_id',
  '@timestamp',
  'created_at',
  'at_sign_timestamp',
  'actor',
  'actor_id',
  'actor_location',
  'operation_type',
  'org',
  'org_id',
  'business',
  'repo',
  'user',
  'hashed_token',
];

export const KIND_BY_ACTION: Readonly<Record<string, EventKind>> = {
  'user.login': 'signin',
  'user.failed_login': 'signin',
  'user.logout': 'signout',
  'personal_access_token.create': 'token',
  'oauth_access.create': 'token',
  'oauth_access.regenerate': 'token',
  'oauth_authorization.create': 'token',
  'api.request': 'request',
};

/** The last segment of an action that failed: `user.failed_login`, `user.two_factor_challenge_failure`. */
export const FAILED_ACTION = /(?:^failed_|_failure$|_failed$)/;
export const SUCCEEDED_ACTION = /_success$/;
