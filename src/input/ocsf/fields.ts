/** Where each part of the event model lives in an OCSF event (nested objects, as the schema names them). */
export const OCSF_FIELDS = {
  classUid: 'class_uid',
  className: 'class_name',
  activityId: 'activity_id',
  typeName: 'type_name',
  time: 'time',
  timeDt: 'time_dt',
  status: 'status',
  statusId: 'status_id',
  metadata: 'metadata',
  metadataVersion: 'metadata.version',
  productName: 'metadata.product.name',
  actorUserName: 'actor.user.name',
  actorUserEmail: 'actor.user.email_addr',
  actorUserUid: 'actor.user.uid',
  userName: 'user.name',
  userEmail: 'user.email_addr',
  userUid: 'user.uid',
  sessionUid: 'actor.session.uid',
  /** Authentication (3002) keeps the session it creates or uses at the top. */
  eventSessionUid: 'session.uid',
  sessionCredentialUid: 'actor.session.credential_uid',
  userCredentialUid: 'actor.user.credential_uid',
  appUid: 'actor.app_uid',
  ip: 'src_endpoint.ip',
  userAgent: 'http_request.user_agent',
  httpMethod: 'http_request.http_method',
  urlPath: 'http_request.url.path',
  httpStatus: 'http_response.code',
  apiOperation: 'api.operation',
  logonTypeId: 'logon_type_id',
  unmapped: 'unmapped',
  /** The ai_operation profile (OCSF 1.9): the AI agent that performed the event, and the delegation it acted under. */
  aiAgent: 'ai_agent',
  aiAgentName: 'ai_agent.name',
  aiAgentUid: 'ai_agent.uid',
  delegationUid: 'delegation.uid',
} as const;

/** The event classes read; every other class is skipped with its number and name. */
export const OCSF_CLASS = {
  authentication: 3002,
  httpActivity: 4002,
  apiActivity: 6003,
} as const;

/** Authentication `activity_id`s: 1 Logon, 2 Logoff, 3-5 Kerberos tickets; others (Preauth, Other) are just events. */
export const AUTH_ACTIVITY = { logon: 1, logoff: 2, tickets: [3, 4, 5] } as const;

/** `logon_type_id`s with no person: System, Network, Batch, OS Service, Network Cleartext, New Credentials. */
export const NON_INTERACTIVE_LOGON_TYPES: ReadonlySet<number> = new Set([1, 3, 4, 5, 8, 9]);

export const STATUS_ID = { success: 1, failure: 2 } as const;

/** `metadata.product.name` of events Amazon Security Lake converts from CloudTrail. */
export const CLOUDTRAIL_PRODUCT = 'cloudtrail';

/** The CloudTrail field Security Lake leaves in `unmapped` (flat or nested) that marks console session credentials. */
export const CONSOLE_CREDENTIAL_KEY = 'sessionCredentialFromConsole';
