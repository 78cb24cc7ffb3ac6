import type { LogFormat } from '../format.js';
import { ENVELOPE } from '../common/entra-diagnostic.js';
import { detectEntraAudit } from './detect.js';
import { AUDIT, DETAIL } from './fields.js';
import { ENTRA_AUDIT_ID, mapEntraAudit } from './map.js';

const P = `[${ENVELOPE.properties}.]`;

export const entraAudit: LogFormat = {
  id: ENTRA_AUDIT_ID,
  title: 'Microsoft Entra ID audit logs',
  container: 'json',
  detection: { tier: 'vendor' },
  detect: detectEntraAudit,
  map: mapEntraAudit,
  docs: {
    summary:
      'Entra ID audit logs (directory changes: users, groups, roles, applications, policies): diagnostic-settings ' +
      'records (`category` AuditLogs, fields under `properties`; Event Hub `{"records":[...]}` batches, storage-account ' +
      'NDJSON, SIEM re-exports with lowercased envelope keys and `2025-01-15 14:20:35.456` times) and Graph ' +
      '`auditLogs/directoryAudits` pages (`{"value":[...]}`). Every record is `other`: an audit record names who changed ' +
      `what, never a session. Action \`${P}${AUDIT.activityDisplayName}\`, else \`${ENVELOPE.operationName}\`; outcome ` +
      `from \`${P}${AUDIT.result}\` (success, failure). The actor is a person (\`initiatedBy.user\`) or an application ` +
      `(\`initiatedBy.app\`); an application the activity changed (\`${AUDIT.targetResources}[]\` of type Application or ` +
      "ServicePrincipal) is the event's app. A record whose envelope `category` is a sign-in category is skipped (the " +
      'entra-signin format reads it); other envelope categories are not trusted, as SIEM test data puts `Policy` there.',
    detectedBy:
      `most of the first records have \`${P}${AUDIT.activityDateTime}\` and an \`${P}${AUDIT.initiatedBy}\` object, ` +
      'under no sign-in category',
    fields: {
      user:
        `${P}${AUDIT.userPrincipalName}; applications: ${P}${AUDIT.appServicePrincipalName}, else ` +
        `${P}${AUDIT.appServicePrincipalId}, else ${P}${AUDIT.appDisplayName}`,
      session: 'none: audit records carry no session id',
      client:
        `${P}${AUDIT.userAgent}, else the \`${DETAIL.userAgent}\` entry of ${P}${AUDIT.additionalDetails}[]; client ` +
        `${P}${AUDIT.appId}, else the \`${DETAIL.appId}\` entry`,
      time: `${P}${AUDIT.activityDateTime}, else ${ENVELOPE.time}`,
      ip: `${P}${AUDIT.userIp} (not 0.0.0.0), else ${ENVELOPE.callerIpAddress}, else the \`${DETAIL.ip}\` entry`,
    },
  },
};
