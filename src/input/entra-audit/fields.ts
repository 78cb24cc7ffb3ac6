/**
 * Where each part of the event model lives in an Entra ID audit record: relative to `properties` in the
 * diagnostic-settings record (its envelope is in common/entra-diagnostic.ts), and to the record itself in the
 * Graph `directoryAudit` layout (`GET /auditLogs/directoryAudits`).
 */
export const AUDIT = {
  activityDateTime: 'activityDateTime',
  activityDisplayName: 'activityDisplayName',
  result: 'result',
  initiatedBy: 'initiatedBy',
  userPrincipalName: 'initiatedBy.user.userPrincipalName',
  userId: 'initiatedBy.user.id',
  userIp: 'initiatedBy.user.ipAddress',
  app: 'initiatedBy.app',
  appId: 'initiatedBy.app.appId',
  appServicePrincipalName: 'initiatedBy.app.servicePrincipalName',
  appServicePrincipalId: 'initiatedBy.app.servicePrincipalId',
  appDisplayName: 'initiatedBy.app.displayName',
  userAgent: 'userAgent',
  additionalDetails: 'additionalDetails',
  targetResources: 'targetResources',
} as const;

/** Keys of `additionalDetails[]` entries (`{key, value}`) that carry a client's user agent, app id or address. */
export const DETAIL = { userAgent: 'User-Agent', appId: 'AppId', ip: 'ipaddr' } as const;

/** `targetResources[].type` of an application the activity changed: named as the event's app. */
export const APPLICATION_TARGETS: ReadonlySet<string> = new Set(['Application', 'ServicePrincipal']);

/** `initiatedBy.user.ipAddress` when Entra did not record one. */
export const NO_ADDRESS = '0.0.0.0';
