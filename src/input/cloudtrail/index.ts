import type { LogFormat } from '../format.js';
import { detectCloudTrail } from './detect.js';
import { AWS_INTERNAL, CONSOLE_SESSION_SUFFIX } from '../common/aws-caller.js';
import { CLOUDTRAIL_FIELDS as F } from './fields.js';
import { CLOUDTRAIL_ID, mapCloudTrail } from './map.js';

export const cloudtrail: LogFormat = {
  id: CLOUDTRAIL_ID,
  title: 'AWS CloudTrail',
  container: 'json',
  detection: { tier: 'vendor' },
  detect: detectCloudTrail,
  map: mapCloudTrail,
  docs: {
    summary:
      'AWS CloudTrail events: S3 delivery files (`{"Records":[...]}`), one event per line (CloudWatch Logs, Lake and ' +
      'SIEM exports) and single pretty-printed events. Sessions are credentials: every call is tied to the access ' +
      `key it was signed with. \`ConsoleLogin\` is an interactive sign-in. CloudTrail logs no sign-in under a console ` +
      `session's temporary key, so API calls with \`${F.consoleCredential}: "true"\` made by a browser are read as ` +
      `interactive sign-ins (action suffixed "${CONSOLE_SESSION_SUFFIX.trim()}"): the same key used later by an SDK, ` +
      'CLI or HTTP library is automation on a human session. AssumeRole*, GetSessionToken and GetFederationToken are ' +
      "token events on the new key, derived from the caller's key (kept a separate session). Action is " +
      '`eventSource:eventName`; a call with `errorCode` failed. CloudTrail Insights events are skipped.',
    detectedBy:
      'records with string `eventSource` and `eventName`, an `eventTime`, and a `userIdentity` object, `eventVersion` or `awsRegion`',
    fields: {
      user:
        `${F.userName} for IAMUser; ${F.roleName} + "/" + the role session name (${F.principalId} after ":") for ` +
        `AssumedRole; "root" for Root; none for AWSService; else the name in ${F.arn}`,
      session: `${F.accessKeyId}; token events: ${F.issuedAccessKeyId}, derived from ${F.accessKeyId}`,
      client:
        `${F.userAgent} (S3's [brackets] removed); "${AWS_INTERNAL}", *.amazonaws.com service names and console back ends ` +
        `(\`aws-internal/\`) are AWS calling for itself, not a person's program: they become an app hint (as does ` +
        `${F.invokedBy} when there is no user agent) and are classified unknown`,
      time: F.eventTime,
      ip: `${F.sourceIp} when it is an IP address (not a service name)`,
      agent:
        'Amazon Bedrock AgentCore (`eventSource` bedrock-agentcore.amazonaws.com): `GetWorkloadAccessToken` hands the ' +
        'registered agent (`requestParameters.workloadName`) a token of its own (`own`), `GetWorkloadAccessTokenForJWT` ' +
        'and `GetWorkloadAccessTokenForUserId` one for the user it acts for (`requestParameters.userId`; `delegated`); ' +
        "all three are token events on the caller's key",
      headers:
        "AgentCore Gateway's MCP data events (`InvokeMcp`, `InvokeGateway`): `requestParameters.body.method` and the " +
        'tool `params.name` (or resource `params.uri`) are read as the `mcp-method` and `mcp-name` headers, where ' +
        'CloudTrail did not redact the body',
    },
  },
};
