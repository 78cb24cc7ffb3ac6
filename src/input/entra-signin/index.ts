import type { LogFormat } from '../format.js';
import { detectEntraSignin } from './detect.js';
import { ENVELOPE } from '../common/entra-diagnostic.js';
import { SIGNIN } from './fields.js';
import { ENTRA_SIGNIN_ID, mapEntraSignin } from './map.js';

/** Sign-in fields sit under `properties` in diagnostic records and at the top level in Graph objects. */
const P = `[${ENVELOPE.properties}.]`;

export const entraSignin: LogFormat = {
  id: ENTRA_SIGNIN_ID,
  title: 'Microsoft Entra ID sign-ins',
  container: 'json',
  detection: {
    tier: 'vendor',
    preferredOver: {
      'entra-audit':
        'a diagnostic batch that mixes sign-ins and audit records is read for its sign-ins, which tie sessions to ' +
        'people; its audit records are skipped, each with its category, and read from an audit-only export',
    },
  },
  detect: detectEntraSignin,
  map: mapEntraSignin,
  docs: {
    summary:
      'Entra ID sign-in logs: diagnostic-settings records (Event Hub `{"records":[...]}` batches, storage-account ' +
      'NDJSON, SIEM re-exports with lowercased envelope keys) for interactive, non-interactive, service-principal and ' +
      'managed-identity sign-ins, and Graph `auditLogs/signIns` pages (`{"value":[...]}`).',
    detectedBy:
      'a sign-in `category` (SignInLogs, NonInteractiveUserSignInLogs, ServicePrincipalSignInLogs, ' +
      'ManagedIdentitySignInLogs, MicrosoftServicePrincipalSignInLogs) with `properties`, or a Graph signIn ' +
      '(`createdDateTime`, `userPrincipalName` or `appId`, `status`); audit records are not sign-ins',
    fields: {
      user: `${P}${SIGNIN.userPrincipalName}; service principals: ${P}${SIGNIN.servicePrincipalName} or ${P}${SIGNIN.servicePrincipalId}`,
      session: `${P}${SIGNIN.sessionId}; token ${P}${SIGNIN.tokenId}`,
      client: `${P}${SIGNIN.userAgent}; hints ${P}${SIGNIN.browser}, ${P}${SIGNIN.os}, ${P}${SIGNIN.appDisplayName}; client ${P}${SIGNIN.appId}`,
      time: `${P}${SIGNIN.createdDateTime}, else ${ENVELOPE.time}`,
      ip: `${P}${SIGNIN.ipAddress}, else ${ENVELOPE.callerIpAddress}`,
      agent:
        `Entra Agent ID: ${P}${SIGNIN.agent} (any key case: Log Analytics' \`Agent\` column, as JSON text or an object) ` +
        '`agentType`: `agenticApp`, `agenticAppInstance`, `agentIdentityBlueprintPrincipal`, `agentIDuser`, or ' +
        "`unknownFutureValue` (Graph's word for the last two without `Prefer: include-unknown-enum-members`) is an agent " +
        'identity signing in, its `own` (named by servicePrincipalName, appDisplayName, appId, else `parentAppId`), or ' +
        '`delegated` for the user when `agentSubjectType` is `notAgentic`; `notAgentic` says no agent signed in, which ' +
        '`agent-signed-in-as-person` cites when the client is one',
      risk:
        `ID Protection: each ${P}${SIGNIN.riskEventTypesV2} value (else ${SIGNIN.riskEventTypes}; \`none\` is none), such as ` +
        `\`anomalousToken\`, with ${SIGNIN.riskLevel}; ${P}${SIGNIN.tokenProtection}.signInSessionStatus \`unbound\` (a ` +
        'session token not bound to its device)',
    },
  },
};
