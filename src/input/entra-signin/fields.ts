/**
 * Where each part of the event model lives in an Entra ID sign-in: relative to `properties` in the
 * diagnostic-settings record (its envelope is in common/entra-diagnostic.ts), and to the record itself in the
 * Graph `signIn` layout.
 */
export const SIGNIN = {
  createdDateTime: 'createdDateTime',
  userPrincipalName: 'userPrincipalName',
  servicePrincipalName: 'servicePrincipalName',
  servicePrincipalId: 'servicePrincipalId',
  sessionId: 'sessionId',
  tokenId: 'uniqueTokenIdentifier',
  appId: 'appId',
  appDisplayName: 'appDisplayName',
  ipAddress: 'ipAddress',
  userAgent: 'userAgent',
  browser: 'deviceDetail.browser',
  os: 'deviceDetail.operatingSystem',
  status: 'status',
  errorCode: 'status.errorCode',
  isInteractive: 'isInteractive',
  signInEventTypes: 'signInEventTypes',
  authenticationProtocol: 'authenticationProtocol',
  /** Entra Agent ID: the sign-in's `agent` object (Graph `agentSignIn`); Log Analytics' `Agent` column, JSON text or object. */
  agent: 'agent',
  riskEventTypesV2: 'riskEventTypes_v2',
  riskEventTypes: 'riskEventTypes',
  riskLevel: 'riskLevelDuringSignIn',
  tokenProtection: 'tokenProtectionStatusDetails',
} as const;

/** `agentType` values: `notAgentic` is a person's (or a plain app's) sign-in; these are an agent identity's. */
export const AGENTIC_TYPES: ReadonlySet<string> = new Set([
  'agenticApp',
  'agenticAppInstance',
  'agentIdentityBlueprintPrincipal',
  'agentIDuser',
]);
export const NOT_AGENTIC = 'notAgentic';
/** What Graph returns for agentIdentityBlueprintPrincipal and agentIDuser without `Prefer: include-unknown-enum-members`. */
export const UNKNOWN_FUTURE_VALUE = 'unknownFutureValue';

/** Graph `signIn` objects are reported under this action, having no category. */
export const GRAPH_ACTION = 'signIn';
