import type { LogFormat } from '../format.js';
import { detectO365Audit } from './detect.js';
import { DEVICE, EXTENDED, O365, SIGNIN_OPERATIONS, TOKEN_ENDPOINT } from './fields.js';
import { mapO365Audit, O365_AUDIT_ID } from './map.js';

const ext = (name: string): string => `${O365.extendedProperties}[${name}]`;
const dev = (name: string): string => `${O365.deviceProperties}[${name}]`;

export const o365Audit: LogFormat = {
  id: O365_AUDIT_ID,
  title: 'Office 365 Management Activity API audit records',
  container: 'json',
  detection: { tier: 'vendor' },
  detect: detectO365Audit,
  map: mapO365Audit,
  docs: {
    summary:
      'Office 365 unified audit log records as the Management Activity API returns them (a JSON array per content ' +
      'blob, or one record per line as SIEMs store them), every workload in the common schema; the export tenants ' +
      `without an Entra ID P1 licence have. Azure AD STS logons are sign-ins: \`${SIGNIN_OPERATIONS.success}\` a ` +
      `success and \`${SIGNIN_OPERATIONS.failure}\` a failure, whatever \`${O365.resultStatus}\` says (for logons it ` +
      `reports only the HTTP request). A sign-in whose \`${ext(EXTENDED.requestType)}\` is \`${TOKEN_ENDPOINT}\` (the ` +
      'token endpoint, where a program redeems a code or refresh token) is not interactive; any other request type is a ' +
      'step of the browser sign-in flow and is; without one, unknown. Every other operation is `other`, its outcome from ' +
      `\`${O365.resultStatus}\` (Succeeded, Failed; True, False). \`${O365.creationTime}\` has no zone and is UTC.`,
    detectedBy:
      `records with \`${O365.creationTime}\`, a string \`${O365.operation}\`, an integer \`${O365.recordType}\` and one of ` +
      `\`${O365.organizationId}\`, \`${O365.userKey}\`, \`${O365.userType}\`, \`${O365.workload}\``,
    fields: {
      user: O365.userId,
      session: `${dev(DEVICE.sessionId)} (documented for STS logons; none in the samples)`,
      client:
        `${ext(EXTENDED.userAgent)}, else ${O365.userAgent} (SharePoint, OneDrive); without one, ${dev(DEVICE.browser[0])} and ${dev(DEVICE.os)} as hints; client ` +
        O365.applicationId,
      time: `${O365.creationTime} (UTC)`,
      ip: `${O365.clientIp}, else ${O365.actorIp}, without a port`,
    },
  },
};
