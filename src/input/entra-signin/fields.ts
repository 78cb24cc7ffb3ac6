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
} as const;

/** Graph `signIn` objects are reported under this action, having no category. */
export const GRAPH_ACTION = 'signIn';
