import type { LogFormat } from '../format.js';
import { detectCombined } from './detect.js';
import { COMBINED_ID, mapCombined } from './map.js';

export const combinedLog: LogFormat = {
  id: COMBINED_ID,
  title: 'nginx / Apache access log (combined or common)',
  container: 'text',
  detection: { tier: 'layout' },
  detect: detectCombined,
  map: mapCombined,
  docs: {
    summary:
      'nginx and Apache httpd access logs in the `combined` layout (`%h %l %u %t "%r" %>s %b "%{Referer}i" ' +
      '"%{User-agent}i"`), with any extra trailing fields (nginx `"$http_x_forwarded_for"`, Traefik\'s CLF extras), ' +
      'or the Common Log Format (no referer, no user agent); a leading virtual host (`vhost_combined`) and a ' +
      'Kubernetes CRI prefix are accepted. Query strings are dropped from paths. Lines that are not requests ' +
      '(TLS handshakes, `-`, binary probes, error-log lines) are skipped with the reason.',
    detectedBy: `most of the first lines have the layout \`host ident user [dd/Mon/yyyy:HH:MM:SS +zzzz] "request" status bytes\``,
    fields: {
      user: '`%u` / `$remote_user`, field 3 (`-` unless HTTP basic auth)',
      session: 'none in these layouts (use --log-format for a format that logs a session cookie)',
      client: 'user agent: the second quoted field after the status (`%{User-agent}i` / `$http_user_agent`); none in CLF',
      time: '`[%t]` / `[$time_local]`, with its offset',
      ip: '`%h` / `$remote_addr`, field 1',
    },
  },
};
