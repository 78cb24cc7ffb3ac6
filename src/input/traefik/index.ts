import { CLIENT_HEADERS_READ } from '../common/agent-docs.js';
import type { LogFormat } from '../format.js';
import { detectTraefik } from './detect.js';
import { TRAEFIK_FIELDS as F } from './fields.js';
import { mapTraefik, TRAEFIK_ID } from './map.js';

export const traefik: LogFormat = {
  id: TRAEFIK_ID,
  title: 'Traefik access log (JSON)',
  container: 'json',
  detection: { tier: 'product' },
  detect: detectTraefik,
  map: mapTraefik,
  docs: {
    summary:
      `Traefik access logs in JSON (\`accessLog.format: json\`), one record per line. Method \`${F.method}\`, path ` +
      `\`${F.path}\` (query dropped), status \`${F.status}\`. A line that is not JSON (a plugin's \`DEBUG:\` line) is ` +
      "skipped as invalid JSON. Traefik's default text format is Common Log Format with extra fields: it is read " +
      'as `combined-log`.',
    detectedBy: `records with \`RequestMethod\`, a status or path, and \`ClientHost\`, \`ClientAddr\`, \`RouterName\` or \`entryPointName\``,
    fields: {
      user: `\`${F.user}\` (\`-\` unless basic auth)`,
      session: 'none logged',
      client: `\`${F.userAgent}\` (only when header logging keeps it)`,
      time: F.time.map((t) => `\`${t}\``).join(', '),
      ip: `\`${F.ip[0]}\` (first entry), else \`${F.ip[1]}\` without its port`,
      headers: `${CLIENT_HEADERS_READ}; as \`request_<Name>\` (\`request_Mcp-Name\`), where header logging keeps them`,
    },
  },
};
