/**
 * Where each part of the event model lives in an Entra ID sign-in. Envelope paths are for the
 * diagnostic-settings record (keys may be lowercased by a SIEM); sign-in paths are relative to
 * `properties` there, and to the record itself in the Graph `signIn` layout.
 */
export const ENVELOPE = {
  category: 'category',
  properties: 'properties',
  time: 'time',
  resultType: 'resultType',
  callerIpAddress: 'callerIpAddress',
} as const;

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
