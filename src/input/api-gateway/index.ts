import type { LogFormat } from '../format.js';
import { detectApiGateway } from './detect.js';
import { APIGW_FIELDS as F, HEADER_CONTEXTS } from './fields.js';
import { CLAIMS_READ, CLIENT_HEADERS_READ, HEADER_SOURCES_READ } from '../common/agent-docs.js';
import { APIGW_ID, mapApiGateway } from './map.js';

const names = (list: readonly string[]): string => list.map((n) => `\`${n}\``).join(', ');

export const apiGateway: LogFormat = {
  id: APIGW_ID,
  title: 'AWS API Gateway access log (JSON)',
  container: 'json',
  detection: { tier: 'product' },
  detect: detectApiGateway,
  map: mapApiGateway,
  docs: {
    summary:
      'AWS API Gateway (REST and HTTP API) access logs written with a JSON `$context` template, one object per ' +
      "line as exported from CloudWatch Logs. Keys are the template's: AWS's documented names and common variants " +
      `are read, flat (\`"authorizer.claims.sub"\`) or nested. Method: ${names(F.method)} or ${names(F.routeKey)}; ` +
      `path: ${names(F.path)} (\`resourcePath\` is the route template); status: ${names(F.status)}; token id: ` +
      `${names(F.tokenId)}; client id: ${names(F.clientId)}.`,
    detectedBy: `records with \`requestId\`, \`httpMethod\` and \`requestTime\` or \`requestTimeEpoch\``,
    fields: {
      user: `${names(F.user)} (\`-\` is no user)`,
      session: `authorizer claim ${names(F.sessionId)}`,
      client: `${names(F.userAgent)} (only when the template adds \`$context.identity.userAgent\`)`,
      time: `${names(F.time)}`,
      ip: names(F.ip),
      headers:
        `${CLIENT_HEADERS_READ}; read from the template's keys (${HEADER_SOURCES_READ}) and from a Lambda ` +
        `authorizer's context logged as ${names(HEADER_CONTEXTS)} (\`$context.authorizer.<key>\`)`,
      agent: CLAIMS_READ,
    },
  },
};
