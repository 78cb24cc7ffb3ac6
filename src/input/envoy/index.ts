import { CLIENT_HEADERS_READ } from '../common/agent-docs.js';
import type { FormatDocs, LogFormat } from '../format.js';
import { detectEnvoyJson, detectEnvoyText } from './detect.js';
import { ENVOY_JSON_FIELDS as F } from './fields.js';
import { ENVOY_ID, ENVOY_JSON_ID, mapEnvoyJson, mapEnvoyLine } from './map.js';

const names = (list: readonly string[]): string => list.map((n) => `\`${n}\``).join(', ');

const fields: FormatDocs['fields'] = {
  user: 'none (Envoy logs no identity by default)',
  session: 'none',
  client: `JSON ${names(F.userAgent)}; text: the quoted \`%REQ(USER-AGENT)%\` field`,
  time: `JSON ${names(F.time)}; text: \`[%START_TIME%]\` (not the CRI prefix's write time)`,
  ip: `JSON ${names(F.remoteAddress)} without its port, else the first ${names(F.forwardedFor)} entry; text: the first \`%REQ(X-FORWARDED-FOR)%\` entry`,
  headers: `JSON: ${CLIENT_HEADERS_READ}; under the header's own name (\`"mcp-name": "%REQ(MCP-NAME)%"\`) or \`headers\` maps`,
};

/** Container log files: each line with an optional CRI prefix, then JSON or the default text format. */
export const envoy: LogFormat = {
  id: ENVOY_ID,
  title: 'Envoy access log (container lines, JSON or text)',
  container: 'text',
  detection: { tier: 'product' },
  detect: detectEnvoyText,
  map: mapEnvoyLine,
  docs: {
    summary:
      'Envoy (and Envoy Gateway, Istio) access logs as container stdout: each line optionally with a Kubernetes CRI ' +
      "prefix (`2025-12-31T17:37:40.493035218+01:00 stdout F `), then a JSON object or Envoy's default text format " +
      `(\`[%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE% ...\`, Istio's ` +
      `variant too). JSON method ${names(F.method)}, path ${names(F.path)}, status ${names(F.status)}. Lines split ` +
      'by the runtime (CRI tag `P`) are skipped.',
    detectedBy: `most of the first lines, after any CRI prefix, are JSON with \`start_time\`, \`response_code\` and a proxy key, or start \`[time] "request" code\``,
    fields,
  },
};

/** Envoy JSON access log files without a container prefix. */
export const envoyJson: LogFormat = {
  id: ENVOY_JSON_ID,
  title: 'Envoy access log (JSON)',
  container: 'json',
  detection: { tier: 'product' },
  detect: detectEnvoyJson,
  map: (record, ctx) => mapEnvoyJson(record, ctx),
  docs: {
    summary:
      `Envoy JSON access logs written straight to a file (no container prefix). Method ${names(F.method)}, path ` +
      `${names(F.path)}, status ${names(F.status)}.`,
    detectedBy: `records with \`start_time\`, \`response_code\` and a proxy key such as \`downstream_remote_address\` or \`upstream_host\``,
    fields,
  },
};
