/** Where each part of the event model lives in an AWS CloudTrail record (nested keys, as AWS writes them). */
export const CLOUDTRAIL_FIELDS = {
  eventVersion: 'eventVersion',
  eventTime: 'eventTime',
  eventSource: 'eventSource',
  eventName: 'eventName',
  eventType: 'eventType',
  awsRegion: 'awsRegion',
  errorCode: 'errorCode',
  userIdentity: 'userIdentity',
  identityType: 'userIdentity.type',
  userName: 'userIdentity.userName',
  principalId: 'userIdentity.principalId',
  arn: 'userIdentity.arn',
  accessKeyId: 'userIdentity.accessKeyId',
  invokedBy: 'userIdentity.invokedBy',
  roleName: 'userIdentity.sessionContext.sessionIssuer.userName',
  sourceIp: 'sourceIPAddress',
  userAgent: 'userAgent',
  consoleCredential: 'sessionCredentialFromConsole',
  consoleLoginResult: 'responseElements.ConsoleLogin',
  issuedAccessKeyId: 'responseElements.credentials.accessKeyId',
} as const;

export const CONSOLE_LOGIN = 'ConsoleLogin';

/** STS calls whose response holds new credentials (`responseElements.credentials.accessKeyId`). */
export const CREDENTIAL_ISSUERS: ReadonlySet<string> = new Set([
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'AssumeRoot',
  'GetSessionToken',
  'GetFederationToken',
]);

/** `eventType` values; records written before eventVersion 1.02 have none and are API calls. */
export const EVENT_TYPE = {
  apiCall: 'AwsApiCall',
  consoleSignIn: 'AwsConsoleSignIn',
  insight: 'AwsCloudTrailInsight',
} as const;

/** `userIdentity.type` values that need their own naming rule. */
export const IDENTITY_TYPE = {
  iamUser: 'IAMUser',
  assumedRole: 'AssumedRole',
  root: 'Root',
  service: 'AWSService',
} as const;
