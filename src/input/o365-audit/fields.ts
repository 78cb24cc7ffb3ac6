/**
 * Where each part of the event model lives in an Office 365 Management Activity API record: the common schema's
 * flat PascalCase keys, and the Azure AD STS logon schema's name/value lists.
 */
export const O365 = {
  creationTime: 'CreationTime',
  operation: 'Operation',
  recordType: 'RecordType',
  organizationId: 'OrganizationId',
  userKey: 'UserKey',
  userType: 'UserType',
  workload: 'Workload',
  userId: 'UserId',
  resultStatus: 'ResultStatus',
  clientIp: 'ClientIP',
  actorIp: 'ActorIpAddress',
  applicationId: 'ApplicationId',
  extendedProperties: 'ExtendedProperties',
  /** The SharePoint and OneDrive schemas give the client's user agent at the top. */
  userAgent: 'UserAgent',
  deviceProperties: 'DeviceProperties',
} as const;

/** Common-schema keys of which a record has at least one beside its time, operation and record type. */
export const COMMON_KEYS: readonly string[] = [O365.organizationId, O365.userKey, O365.userType, O365.workload];

/** `Name`s in `ExtendedProperties[]`. */
export const EXTENDED = { userAgent: 'UserAgent', requestType: 'RequestType' } as const;
/** `Name`s in `DeviceProperties[]` (documented; not in the samples). */
export const DEVICE = { sessionId: 'SessionId', os: 'OS', browser: ['BrowserType', 'Browser'] } as const;

/** Azure AD STS logon operations: the sign-ins of the unified audit log. */
export const SIGNIN_OPERATIONS = { success: 'UserLoggedIn', failure: 'UserLoginFailed' } as const;

/**
 * The request type of the token endpoint, where a program redeems a code or refresh token and no person sees a
 * page: a sign-in that is not interactive. Other request types (`Login:login`, `Login:reprocess`, `Kmsi:kmsi`,
 * `OAuth2:Authorize`, ...) are steps of the browser sign-in flow.
 */
export const TOKEN_ENDPOINT = 'OAuth2:Token';
