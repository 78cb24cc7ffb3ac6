import { CLIENT_HEADERS } from './client-headers.js';
import { FLAT_HEADER_PREFIXES, HEADER_MAPS } from './header-sources.js';
import { CLAIM_PREFIXES, FACET } from './token-claims.js';

const code = (names: readonly string[]): string => names.map((n) => `\`${n}\``).join(', ');

/** The client headers read, by their HTTP names, and what each tells. */
export const CLIENT_HEADERS_READ =
  `${code(CLIENT_HEADERS.map((h) => h.header))}: \`signature-agent\` with a \`signature-input\` tagged ` +
  '`tag="web-bot-auth"` is a signed agent named by its key directory (the input itself is not kept); ' +
  "`sec-ch-ua-platform` that contradicts the user agent's OS is a program posing as a browser; `x-stainless-*` " +
  'is an LLM SDK; the `mcp-*` headers are an MCP client, `mcp-name` the tool or resource (what `mcp:` allow ' +
  'patterns match). Each value is capped at 256 characters';

/** Where JSON and CSV logs keep those headers. */
export const HEADER_SOURCES_READ =
  `flat keys ${code(FLAT_HEADER_PREFIXES.filter((p) => p !== '').map((p) => `${p}<name>`))} and the bare name ` +
  `with \`_\` (\`signature_agent\`, as nginx JSON log_formats write it), and header maps ${code(HEADER_MAPS)} whose ` +
  'keys are header names in any case; OpenTelemetry arrays give their first value';

/** Token claims read for agent identity. */
export const CLAIMS_READ =
  `token claims under ${code(CLAIM_PREFIXES)} (flat or nested): an RFC 8693 \`act\` (object or JSON text) names the ` +
  'actor a token was exchanged for: `delegated`, for `email`/`upn`/`preferred_username`/`sub` (Okta adds ' +
  '`act.sub_profile: ai_agent`); Entra Agent ID facets `xms_act_fct` / `xms_sub_fct` (space-separated; ' +
  `${FACET.agentIdentity} an agent identity, ${FACET.agentUser} an agent's user account): an agent identity acting ` +
  'as itself or its agent user is `own`, acting for another subject (or `idtyp: user`) `delegated`; `xms_par_app_azp` ' +
  '(the agent identity blueprint) alone is `own`. Claims also fill user (`email`, `upn`, `preferred_username`, ' +
  "`sub`), session (`sid`), token (`jti`) and client (`client_id`, `azp`, `cid`, `appid`) where the log's own fields " +
  'say nothing';
