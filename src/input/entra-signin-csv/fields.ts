/**
 * Column names of the Entra admin center's sign-in "Download CSV", as the reader keys rows: header cells
 * trimmed (the portal writes `Application ID ` and `Resource ID ` with a trailing space), the first of a
 * repeated name winning (`Incoming token type` appears twice). The header is from a third-party schema note,
 * not from a sample: columns are also matched ignoring case.
 */
export const COLUMNS = {
  date: 'Date (UTC)',
  requestId: 'Request ID',
  userAgent: 'User agent',
  user: 'User',
  username: 'Username',
  userId: 'User ID',
  incomingTokenType: 'Incoming token type',
  protocol: 'Authentication Protocol',
  tokenId: 'Unique token identifier',
  application: 'Application',
  applicationId: 'Application ID',
  ip: 'IP address',
  status: 'Status',
  errorCode: 'Sign-in error code',
  browser: 'Browser',
  os: 'Operating System',
  sessionId: 'Session ID',
  servicePrincipalId: 'Service principal ID',
  servicePrincipalName: 'Service principal name',
} as const;

/** Besides date and request id, a header needs one of these to be a sign-in export. */
export const IDENTITY_COLUMNS = [
  COLUMNS.username,
  COLUMNS.user,
  COLUMNS.userAgent,
  COLUMNS.sessionId,
  COLUMNS.tokenId,
  COLUMNS.servicePrincipalId,
  COLUMNS.servicePrincipalName,
] as const;

/**
 * `Incoming token type` values of sign-ins that redeem a token rather than a person's credentials, compared
 * lowercase without spaces or punctuation (the API's `refreshToken`, a portal's `Refresh token`).
 */
export const NON_INTERACTIVE_TOKEN_TYPES: ReadonlySet<string> = new Set(['refreshtoken', 'primaryrefreshtoken', 'previouslyissuedtoken']);

export const ACTION = { user: 'signIn', servicePrincipal: 'servicePrincipalSignIn' } as const;
