import type { Expectations } from '../support/expectation.js';

/** Entra ID audit records share the sign-ins' envelope, but are not sign-ins: no format reads them yet. */
const notSignIns = { format: null, notRead: /not a known log format/ } as const;

export const corpus: Expectations = {
  'entra-audit/elastic-integrations_azure_auditlogs_test-audit-logs-sample.log': notSignIns,
  'entra-audit/elastic-integrations_azure_auditlogs_test-auditlogs-raw.log': notSignIns,
  'siem-normalized/entra-audit__panther-analysis_azure-audit-test-events.ndjson': notSignIns,
};
