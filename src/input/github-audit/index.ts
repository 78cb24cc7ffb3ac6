import type { LogFormat } from '../format.js';
import { detectGithubAudit } from './detect.js';
import { AUDIT, TIME_KEYS } from './fields.js';
import { GITHUB_AUDIT_ID, mapGithubAudit } from './map.js';

export const githubAudit: LogFormat = {
  id: GITHUB_AUDIT_ID,
  title: 'GitHub audit log',
  container: 'json',
  detection: { tier: 'vendor' },
  detect: detectGithubAudit,
  map: mapGithubAudit,
  docs: {
    summary:
      'GitHub enterprise / organization audit log: the REST `GET /orgs/{org}/audit-log` array and one event per line ' +
      '(audit-log streaming, Sentinel and Panther exports). user.login / user.failed_login are interactive sign-ins, ' +
      'user.logout a sign-out, personal_access_token.create, oauth_access.create/regenerate and ' +
      'oauth_authorization.create token grants, api.request a request (method, path, status); every other action, ' +
      'git.* included, is `other`.',
    detectedBy:
      'a lowercase `action` (`user.login`) with two of @timestamp, created_at, actor, actor_id, org, repo, ' +
      '_document_id, ... (and `actor`, when present, a string)',
    fields: {
      user: AUDIT.actor,
      session:
        `none for people: the audit log has no session id; token ${AUDIT.tokenId} links a token's creation to its use. ` +
        `An agent's events carry ${AUDIT.agentSessionId}, their own session`,
      client: `${AUDIT.userAgent}; requests: ${AUDIT.method}, ${AUDIT.urlPath} else ${AUDIT.route}, ${AUDIT.status}`,
      time: TIME_KEYS.join(', then '),
      ip: AUDIT.ip,
      agent:
        `the actor's \`own\` identity: \`${AUDIT.actorIsAgent}: true\` (agentic events such as the Copilot coding ` +
        `agent's, for the person in \`${AUDIT.agentStartedBy}\` who started it), a \`[bot]\` actor or ` +
        `\`${AUDIT.actorIsBot}: true\`, and \`${AUDIT.programmaticAccessType}: GitHub App server-to-server token\`; ` +
        "personal access and OAuth tokens are a person's credential and say nothing of an agent",
    },
  },
};
