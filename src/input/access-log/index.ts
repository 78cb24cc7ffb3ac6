import type { FormatDetection, FormatDocs, LogFormat } from '../format.js';
import { acceptedNames, type FieldName } from './conventions.js';
import { detectCsv, detectJson } from './detect.js';
import { createMapper } from './map.js';
import { CLAIMS_READ, CLIENT_HEADERS_READ, HEADER_SOURCES_READ } from '../common/agent-docs.js';

const names = (...fields: FieldName[]): string =>
  fields
    .flatMap(acceptedNames)
    .map((n) => `\`${n}\``)
    .join(', ');

function docs(layout: string): FormatDocs {
  return {
    summary:
      `API gateway, reverse-proxy or application access log, ${layout}, under OpenTelemetry, Elastic Common Schema ` +
      `or plain field names. Method: ${names('method')}; path (query strings are dropped): ${names('path', 'route')}, ` +
      `or a request line ${names('requestLine')}; status: ${names('status')}; token id: ${names('tokenId')}; ` +
      `client id: ${names('clientId')}. Dotted names are read as flat keys or nested objects, also under ` +
      '`attributes`; other names ignore case, `_`, `-` and spaces (`User-Agent` is `user_agent`).',
    detectedBy: 'a readable time and at least two of method, path, status and user agent',
    fields: {
      user: names('user'),
      session: names('sessionId'),
      client: names('userAgent'),
      time: `${names('time')}, or \`date\` and \`time\` columns together`,
      ip: names('ip'),
      headers: `${CLIENT_HEADERS_READ}; read from ${HEADER_SOURCES_READ}. \`mcp_session_id\` is kept as the header, not as the session`,
      agent: CLAIMS_READ,
    },
  };
}

/** Any format that knows the log better (an identity provider's, a proxy's) claims it with a stronger tier. */
const detection: FormatDetection = { tier: 'generic' };

/** Access logs as JSON: one object per line, an array, or a wrapper; OTel `attributes` are read too. */
export const accessLog: LogFormat = {
  id: 'access-log',
  title: 'API / web access log (JSON)',
  container: 'json',
  detection,
  detect: detectJson,
  map: createMapper('access-log'),
  docs: docs('one JSON object per request (NDJSON, an array, or OpenTelemetry log records with `attributes`)'),
};

/** Access logs as CSV with a header row. */
export const accessLogCsv: LogFormat = {
  id: 'access-log-csv',
  title: 'API / web access log (CSV)',
  container: 'csv',
  detection,
  detect: detectCsv,
  map: createMapper('access-log-csv'),
  docs: docs('CSV with a header row'),
};
