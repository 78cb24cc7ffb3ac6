import type { LogFormat } from '../format.js';
import { detectAuth0 } from './detect.js';
import { LOG } from './fields.js';
import { AUTH0_ID, mapAuth0 } from './map.js';

export const auth0: LogFormat = {
  id: AUTH0_ID,
  title: 'Auth0 tenant logs',
  container: 'json',
  detection: { tier: 'vendor' },
  detect: detectAuth0,
  map: mapAuth0,
  docs: {
    summary:
      'Auth0 tenant logs: the Management API `GET /api/v2/logs` array, Log Streams deliveries `{"log_id":...,' +
      '"data":{...}}` (or `{"data":{...}}`, EventBridge `detail.data`) one per line or in an array, and Sentinel ' +
      'exports that flatten nested keys with `_`. `type` codes: s/f/fp/fu sign-ins, slo/flo sign-outs, ' +
      'se*/fe* token exchanges (grant type from the code; also seta/feta Token Vault, secte/fecte Custom Token ' +
      'Exchange, success_/failed_on_behalf_of_token_exchange, sdeleacft/fdeleacft delegated authorization code, ' +
      'idjag_exchange_succeeded/failed), sapi/fapi Management API requests (method, path, ' +
      'status from details.request / details.response); every other code is `other`.',
    detectedBy:
      'a lowercase `type` code and a `date`, with two of log_id, client_id, user_id, user_name, hostname, ' +
      'description, details, ... (bare or under `data`)',
    fields: {
      user: `${LOG.userName}, else ${LOG.userId}, else ${LOG.authUserEmail}`,
      session: `${LOG.sessionId}, else ${LOG.sid}; token ${LOG.tokenId}, for exchanges else ${LOG.issuedTokenJti}`,
      client: `${LOG.rawUserAgent}; parsed ${LOG.userAgentSummary} ("browser / os") as a hint; client ${LOG.clientId}`,
      time: LOG.date,
      ip: `${LOG.ip}, else ${LOG.requestIp}`,
      agent:
        `Auth0 for AI Agents: \`${LOG.agentId}\` (proof with \`${LOG.externalAgentId}\`, the customer's own id) is an ` +
        "agent acting through a token exchange: `delegated` for the log's user (`user_name`, else `user_id`), `own` " +
        'without one; a delegating exchange without it (seta/feta Token Vault, secte/fecte, on-behalf-of, ' +
        `sdeleacft/fdeleacft, ID-JAG) is \`delegated\` to its acting party \`${LOG.actorSub}\` (for sdeleacft the ` +
        `user who delegates), else to the client (${LOG.clientName}, ${LOG.clientId})`,
    },
  },
};
