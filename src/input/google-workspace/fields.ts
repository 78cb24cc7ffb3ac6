import type { EventKind } from '../../model/event.js';

/**
 * Where each part of the event model lives in an Admin SDK Reports API activity.
 * Paths are relative to the activity; event paths to the event chosen from it (see activity.ts).
 */
export const ACTIVITY = {
  kind: 'kind',
  time: 'id.time',
  application: 'id.applicationName',
  user: 'actor.email',
  actor: 'actor',
  ip: 'ipAddress',
  events: 'events',
} as const;

export const EVENT = {
  name: 'name',
  type: 'type',
  parameters: 'parameters',
} as const;

export const PARAMETER = {
  loginType: 'login_type',
  challengeStatus: 'login_challenge_status',
  clientId: 'client_id',
  appName: 'app_name',
  userAgent: 'user_agent',
} as const;

/** An API parameter is `{name, <one of these>}`; the flattened (Panther) layout keeps a plain name → value map. */
export const PARAMETER_VALUE_KEYS = ['value', 'boolValue', 'intValue', 'multiValue', 'multiIntValue'] as const;

export const ACTIVITY_KIND = 'admin#reports#activity';

export const TOKEN_APPLICATION = 'token';

/** The session-relevant events, by application; every other event is `other`. */
export const KIND_BY_EVENT: Readonly<Record<string, Readonly<Record<string, EventKind>>>> = {
  login: { login_success: 'signin', login_failure: 'signin', logout: 'signout' },
  token: { authorize: 'token' },
};

/** Of an activity's several events, the first of these names is mapped; else its first event. */
export const EVENT_PRIORITY: readonly string[] = ['login_success', 'logout', 'authorize', 'login_failure'];

export const SUCCESS_EVENTS: ReadonlySet<string> = new Set(['login_success', 'logout', 'authorize']);
export const FAILURE_EVENTS: ReadonlySet<string> = new Set(['login_failure']);
/** `login_challenge` and `login_verification` carry their result in `login_challenge_status`. */
export const CHALLENGE_PASSED = /^(?:challenge\s+)?passed\.?$/i;
export const CHALLENGE_FAILED = /^(?:challenge\s+)?failed\.?$/i;

/** `login_type` values of sign-ins that no person typed into a browser (programmatic, token exchange). */
export const NON_INTERACTIVE_LOGIN_TYPES: ReadonlySet<string> = new Set(['exchange', 'programmatic']);
