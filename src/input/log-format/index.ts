import type { LogFormat, Probe } from '../format.js';
import { LOG_FORMAT_ID, mapWithPlan, matchLine, planFor } from './map.js';
import { buildPattern } from './pattern.js';
import { parseSpec, unwrapSpec } from './spec.js';
import { SESSION_COOKIE, VARIABLES } from './variables.js';

export interface LogFormatOptions {
  /** Cookie names whose value is the session id, replacing the default rule (see SESSION_COOKIE). */
  sessionCookies?: readonly string[];
}

const TIME_VARIABLES = Object.keys(VARIABLES).filter((v) => VARIABLES[v] === 'time');

function requireVariables(variables: readonly string[]): void {
  const has = (...names: string[]) => names.some((n) => variables.includes(n));
  if (!has(...TIME_VARIABLES)) {
    throw new Error(`invalid --log-format: it has no time variable (${TIME_VARIABLES.map((v) => `$${v}`).join(', ')}); events need a time`);
  }
  if (!has('request') && !(has('request_method') && has('request_uri', 'uri', 'document_uri'))) {
    throw new Error('invalid --log-format: it needs $request, or $request_method with $request_uri or $uri');
  }
}

/**
 * Turns an nginx `log_format` into a text format. Throws an Error with a message for the user when the
 * spec cannot be used (no variables, bad `$` syntax, two variables with nothing between them, no time
 * or request variable).
 */
export function compileLogFormat(spec: string, options: LogFormatOptions = {}): LogFormat {
  const parts = parseSpec(spec);
  const pattern = buildPattern(parts);
  requireVariables(pattern.variables);
  const sessionNames = options.sessionCookies?.map((n) => n.toLowerCase());
  const isSessionCookie = sessionNames
    ? (name: string) => sessionNames.includes(name.toLowerCase())
    : (name: string) => SESSION_COOKIE.test(name);
  const plan = planFor(pattern, isSessionCookie);
  const format = unwrapSpec(spec);

  const detect = (probe: Probe): boolean => {
    if (probe.container !== 'text') return false;
    const lines = probe.records.filter((r): r is string => typeof r === 'string');
    const hits = lines.filter((l) => matchLine(plan, l) !== null).length;
    return hits > 0 && hits * 2 > lines.length;
  };

  return {
    id: LOG_FORMAT_ID,
    title: 'nginx log_format given with --log-format',
    container: 'text',
    detection: { tier: 'declared' },
    detect,
    map: (record, ctx) => mapWithPlan(plan, record, ctx),
    docs: {
      summary:
        `Lines written by the nginx \`log_format\` \`${format}\`. Each variable matches up to the text that follows it ` +
        '(quoted variables may hold spaces). `$http_authorization` and session cookies are kept only as a SHA-256 ' +
        'prefix (`sha256:…`), never as written; query strings are dropped from paths.',
      detectedBy: 'most of the first lines match the format',
      fields: {
        user: '`$remote_user`',
        session:
          '`$cookie_<name>` for a session cookie (sid, session, sessionid, session_id, jsessionid, phpsessid, or a ' +
          'name ending in _session, _sessionid, _session_id or _sid, unless a list is given), as `sha256:` and a hash ' +
          'prefix; else `$http_mcp_session_id` as written. Token id: `$http_authorization` as `sha256:` and a hash prefix.',
        client:
          '`$http_user_agent`; client headers `$http_signature_agent` and `$http_signature_input` (Web Bot Auth), ' +
          '`$http_sec_ch_ua_platform`, `$http_x_stainless_lang`, `$http_x_stainless_package_version`, `$http_mcp_method`, ' +
          '`$http_mcp_name`, `$http_mcp_protocol_version`, `$http_mcp_session_id`',
        time: '`$time_local`, `$time_iso8601` or `$msec`',
        ip: '`$remote_addr`, else the first `$http_x_forwarded_for` entry',
      },
    },
  };
}
