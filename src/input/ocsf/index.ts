import type { LogFormat } from '../format.js';
import { detectOcsf } from './detect.js';
import { OCSF_FIELDS as F } from './fields.js';
import { OCSF_ID, mapOcsf } from './map.js';

export const ocsf: LogFormat = {
  id: OCSF_ID,
  title: 'OCSF events (Amazon Security Lake and others)',
  container: 'json',
  detection: { tier: 'vendor' },
  detect: detectOcsf,
  map: mapOcsf,
  docs: {
    summary:
      'Open Cybersecurity Schema Framework events as JSON (one per line or file, arrays, wrappers), e.g. Amazon ' +
      'Security Lake. Read classes: 3002 Authentication (Logon = sign-in, interactive unless `logon_type_id` is a ' +
      'System/Network/Batch/Service type; Logoff = sign-out; Kerberos tickets = token), 6003 API Activity (request, ' +
      `action \`${F.apiOperation}\`) and 4002 HTTP Activity (request, \`${F.httpMethod}\` + \`${F.urlPath}\`). ` +
      `Outcome from \`${F.statusId}\` (1 success, 2 failure), else \`${F.status}\`, else \`${F.httpStatus}\`. ` +
      'Other classes are skipped with their number and name. Events converted from CloudTrail ' +
      `(\`${F.productName}\` CloudTrail) are read as the cloudtrail format reads them: the access key is the session, ` +
      'AWS-internal user agents are app hints, and browser calls with console session credentials ' +
      '(`unmapped.sessionCredentialFromConsole`) are interactive sign-ins.',
    detectedBy: `an integer \`${F.classUid}\`, a \`${F.metadata}\` object with \`${F.metadataVersion}\` or \`metadata.product\`, and \`${F.time}\` or \`${F.timeDt}\``,
    fields: {
      user: `${F.actorUserName}, ${F.actorUserEmail}, ${F.actorUserUid}, then ${F.userName}, ${F.userEmail}, ${F.userUid}`,
      session:
        `${F.sessionUid}, else ${F.eventSessionUid} (where Authentication keeps it); CloudTrail-sourced events without ` +
        `either: ${F.sessionCredentialUid}, else ${F.userCredentialUid} (the access key id)`,
      client: `${F.userAgent}; OAuth client ${F.appUid}`,
      time: `${F.time} (epoch ms), else ${F.timeDt}`,
      ip: `${F.ip} when it is an IP address (CloudTrail-sourced events may hold a service name)`,
      agent:
        `the ai_operation profile (1.9): \`${F.aiAgent}\` (${F.aiAgentName}, else ${F.aiAgentUid}) is the AI agent that ` +
        "performed the event, `present` (on a person's session it is an agent there, whatever its user agent says); " +
        `with \`${F.delegationUid}\` it acted under authority delegated to it, \`delegated\` for the event's user`,
    },
  },
};
