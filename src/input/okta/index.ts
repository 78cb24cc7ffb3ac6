import type { LogFormat } from '../format.js';
import { detectOkta } from './detect.js';
import { EVENT_HOOK_TYPE, HOOK_EVENTS, hookEvents } from './event-hook.js';
import { OKTA_FIELDS as F } from './fields.js';
import { mapOkta, OKTA_ID } from './map.js';
import { mapOktaLine } from './map-line.js';

export const okta: LogFormat = {
  id: OKTA_ID,
  title: 'Okta System Log',
  container: 'json',
  detection: { tier: 'vendor' },
  detect: detectOkta,
  unwrap: hookEvents,
  map: mapOkta,
  mapLine: mapOktaLine,
  docs: {
    summary:
      'Okta System Log LogEvents: the /api/v1/logs JSON array (pretty or compact), NDJSON as streamed or stored by ' +
      'Filebeat and SIEMs, SIEM re-exports with lowercased top-level keys and `2022-03-22 14:21:53.225` times, and ' +
      `Event Hook deliveries (\`{"eventType":"${EVENT_HOOK_TYPE}", "data":{"events":[...]}}\`, one body per file or ` +
      `one per line): each LogEvent of \`${HOOK_EVENTS}\` is read as the System Log's are, cited at the line its ` +
      'delivery starts on; a delivery without events is skipped with the reason.',
    detectedBy:
      `records with a dotted \`eventType\` (any key case) and \`published\`, \`uuid\` or an \`actor\` object, or \`eventType\` ` +
      `\`${EVENT_HOOK_TYPE}\``,
    fields: {
      user: `${F.actorLogin} (when ${F.actorType} is User)`,
      session: `${F.sessionId}; parent ${F.rootSessionId}`,
      client: `${F.userAgent}; ${F.browser} and ${F.os} as hints; OAuth client ${F.clientId} or the app actor's id`,
      time: F.published,
      ip: `${F.ip}, else the first ${F.ipChain}[].ip`,
      agent:
        '`app.oauth2.token.grant.id_jag` (Cross App Access: an agent or app holds an Identity Assertion JWT ' +
        `Authorization Grant for the user) is \`delegated\` for the ${F.target}[] User (the agent: a non-User actor's ` +
        `name or id, else ${F.clientId}); an \`app.oauth2.*token.grant.*\` with ${F.grantType} ` +
        '`urn:ietf:params:oauth:grant-type:token-exchange` is `delegated` for the acting user where it names no root ' +
        `session (one with ${F.rootSessionId} starts a derived session, which already says so); any other event whose ${F.actorType} names an AI agent or workload ` +
        'principal (`AI Agent`), `workload_principal.ai_agent.*` and `workload_principal.delegation_link.*` events it ' +
        "performs itself among them, is the agent's `own`; those events made by an admin name the agent only as a " +
        'target and say nothing of who acts. `app.oauth2.*token.grant.interclient_token` is Native-to-Web SSO (a ' +
        "person's native app handing its session to a web app): a token event, no agent",
      risk:
        'Identity Threat Protection: `user.session.context.change` (debugData `Causes`, `PreviousIpAddress`, ' +
        '`NewIpAddress`), `user.risk.detect` (debugData `risk`), `security.session.detect_client_roaming`, on the session ' +
        `in ${F.sessionId}, else debugData \`ExternalSessionId\``,
    },
  },
};
