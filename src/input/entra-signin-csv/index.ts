import type { LogFormat } from '../format.js';
import { detectEntraSigninCsv } from './detect.js';
import { ACTION, COLUMNS as C } from './fields.js';
import { ENTRA_SIGNIN_CSV_ID, mapEntraSigninCsv } from './map.js';

export const entraSigninCsv: LogFormat = {
  id: ENTRA_SIGNIN_CSV_ID,
  title: 'Microsoft Entra ID sign-ins (portal CSV download)',
  container: 'csv',
  detection: { tier: 'vendor' },
  detect: detectEntraSigninCsv,
  map: mapEntraSigninCsv,
  docs: {
    summary:
      'The Entra admin center\'s sign-in logs "Download CSV": user sign-ins (interactive and non-interactive share one ' +
      'header) and service-principal sign-ins. Header cells are trimmed and matched ignoring case; the first of a ' +
      `repeated column wins. Every row is a sign-in (action \`${ACTION.user}\` or \`${ACTION.servicePrincipal}\`). ` +
      `Outcome from \`${C.status}\` (Success; Failure and Interrupted are failures), else \`${C.errorCode}\` (0 = success). ` +
      `Interactive unless \`${C.incomingTokenType}\` is a refresh token or primary refresh token; service principals ` +
      'are never interactive. The header was taken from a schema note, not a sample: report a download it misreads.',
    detectedBy:
      `a CSV header with \`${C.date}\` and \`${C.requestId}\` and one of \`${C.username}\`, \`${C.user}\`, ` +
      `\`${C.userAgent}\`, \`${C.sessionId}\`, \`${C.tokenId}\`, \`${C.servicePrincipalId}\`, \`${C.servicePrincipalName}\``,
    fields: {
      user: `${C.servicePrincipalName} or ${C.servicePrincipalId} (service-principal download), else ${C.username}, ${C.user}, ${C.userId}`,
      session: `${C.sessionId}; token ${C.tokenId}`,
      client: `${C.userAgent}; hints ${C.browser}, ${C.os}, ${C.application}; client ${C.applicationId}`,
      time: `${C.date} (ISO 8601; month/day/year locale forms read as UTC)`,
      ip: C.ip,
    },
  },
};
