import { expect } from 'vitest';
import type { Expectations } from '../support/expectation.js';

const CHROME = expect.stringMatching(/Chrome\/142/);
const SESSION = '7e6d5c4b-0000-4000-8000-0000000000se';

export const corpus: Expectations = {
  // Panther's test events of the Audit.AzureActiveDirectory content type: the failed logon says ResultStatus
  // Success (the HTTP request worked); one record has no Workload; CreationTime in Panther's form.
  'o365-audit/panther-analysis_microsoft-rules_o365-azuread.ndjson': {
    format: 'o365-audit',
    events: 4,
    skipped: 0,
    table: {
      columns: ['line', 'kind', 'action', 'outcome', 'interactive', 'user', 'ip'],
      rows: [
        [1, 'signin', 'UserLoginFailed', 'failure', true, 'sample.user@yourorg.onmicrosoft.com', '1.2.3.4'],
        [2, 'signin', 'UserLoggedIn', 'success', true, 'sample.user@yourorg.onmicrosoft.com', '1.2.3.4'],
        [3, 'other', 'Update user.', 'success', undefined, 'ServicePrincipal_aa-bb-ccc', undefined],
        [4, 'other', 'Update user.', 'success', undefined, 'ServicePrincipal_aa-bb-ccc', undefined],
      ],
    },
    at: {
      0: {
        time: Date.parse('2022-12-12T15:57:57Z'),
        userAgent: expect.stringMatching(/Chrome\/107/),
        clientId: '123-abc-sfa-321',
        sessionId: undefined,
      },
    },
  },
};

export const fixtures: Expectations = {
  'o365-audit/management-api-blob/audit-azuread-blob.json': {
    format: 'o365-audit',
    table: {
      columns: ['line', 'kind', 'action', 'outcome', 'interactive', 'user', 'sessionId', 'ip'],
      rows: [
        [2, 'signin', 'UserLoggedIn', 'success', true, 'lena@example.com', SESSION, '198.51.100.91'],
        [74, 'signin', 'UserLoggedIn', 'success', false, 'lena@example.com', SESSION, '203.0.113.160'],
        [134, 'signin', 'UserLoginFailed', 'failure', true, 'mo@example.com', undefined, '192.0.2.99'],
        [190, 'other', 'MailItemsAccessed', 'success', undefined, 'lena@example.com', undefined, '2001:db8:4::5'],
        [208, 'other', 'FileDownloaded', 'unknown', undefined, 'lena@example.com', undefined, '203.0.113.160'],
        [237, 'other', 'Update user.', 'success', undefined, 'ServicePrincipal_3c9e8d7f-0000-4000-8000-0000000000a7', undefined, undefined],
      ],
    },
    at: {
      // CreationTime without a zone is UTC.
      0: {
        time: Date.parse('2026-11-02T08:02:11Z'),
        userAgent: CHROME,
        clientId: '00000002-0000-0ff1-ce00-000000000000',
        clientHint: undefined,
      },
      1: { userAgent: 'python-requests/2.32.3', clientId: '1950a258-227b-4e31-a9cf-717495945fc2' },
      // The SharePoint schema's own UserAgent.
      4: { userAgent: 'python-requests/2.32.3' },
    },
    skips: { 226: 'no readable time (CreationTime missing)' },
  },
  'o365-audit/siem-ndjson/o365-azuread.ndjson': {
    format: 'o365-audit',
    table: {
      columns: ['line', 'action', 'interactive', 'time'],
      rows: [
        [1, 'UserLoggedIn', true, Date.parse('2026-11-03T07:58:40Z')],
        [5, 'UserLoggedIn', true, Date.parse('2026-11-03T08:30:00Z')],
      ],
    },
    every: { kind: 'signin', outcome: 'success', user: 'lena@example.com', userAgent: CHROME },
    skips: {
      2: /^invalid JSON/,
      3: 'not an Office 365 audit record (no Operation)',
      4: 'no readable time (CreationTime: "next tuesday")',
    },
  },
};
