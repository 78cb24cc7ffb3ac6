import { accessLog, accessLogCsv } from './access-log/index.js';
import { apiGateway } from './api-gateway/index.js';
import { auth0 } from './auth0/index.js';
import { awsAlb } from './aws-alb/index.js';
import { cloudtrail } from './cloudtrail/index.js';
import { combinedLog } from './combined-log/index.js';
import { entraAudit } from './entra-audit/index.js';
import { entraSignin } from './entra-signin/index.js';
import { entraSigninCsv } from './entra-signin-csv/index.js';
import { envoy, envoyJson } from './envoy/index.js';
import type { LogFormat } from './format.js';
import { githubAudit } from './github-audit/index.js';
import { googleWorkspace } from './google-workspace/index.js';
import { o365Audit } from './o365-audit/index.js';
import { ocsf } from './ocsf/index.js';
import { okta } from './okta/index.js';
import { traefik } from './traefik/index.js';

/**
 * Every input format, in the order `borrowscan formats`, the README and docs/formats.md list them: identity
 * providers first, the generic access log last. Detection does not depend on this order (each format's
 * `detection` decides). Adding a format adds one line here.
 */
export const FORMATS: readonly LogFormat[] = [
  okta,
  entraSignin,
  entraAudit,
  o365Audit,
  googleWorkspace,
  auth0,
  githubAudit,
  cloudtrail,
  ocsf,
  entraSigninCsv,
  combinedLog,
  awsAlb,
  apiGateway,
  envoy,
  envoyJson,
  traefik,
  accessLog,
  accessLogCsv,
];

export function findFormat(id: string): LogFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}
