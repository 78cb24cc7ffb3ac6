import { expect } from 'vitest';
import type { Expectations } from '../support/expectation.js';

const SESSION = '3f9a2c71-0000-4000-8000-00000000aa01';

// The corpus holds no portal CSV download (FORMATS.md: "no sample found"); the corpus tables' claim sets show that
// this format claims none of its files.
export const fixtures: Expectations = {
  // Every sign-in row is read; the rows without a date are skipped, by line.
  'entra-signin-csv/user-signins/InteractiveSignIns_2026-11-02_2026-11-03.csv': {
    format: 'entra-signin-csv',
    table: {
      columns: ['line', 'outcome', 'interactive', 'sessionId'],
      rows: [
        [2, 'failure', true, undefined],
        [3, 'failure', true, SESSION],
        [4, 'success', true, SESSION],
        [5, 'success', false, SESSION],
        [6, 'success', false, SESSION],
      ],
    },
    skipped: 2,
    skips: { 7: 'no readable time (Date (UTC) empty)', 8: 'no readable time (Date (UTC): "Monday morning")' },
    // The columns: time, user, token, client, address, user agent and hints.
    at: {
      0: { time: Date.parse('2026-11-02T09:14:02Z') },
      2: {
        time: Date.parse('2026-11-02T09:15:51Z'),
        kind: 'signin',
        action: 'signIn',
        user: 'frank@contoso.example',
        tokenId: 'UTIexamplePortal0000002',
        clientId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
        ip: '198.51.100.40',
        clientHint: { browser: 'Chrome 142.0.0', os: 'Windows10', app: 'Azure Portal' },
        userAgent: expect.stringMatching(/Chrome\/142/),
      },
      3: {
        clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
        ip: '203.0.113.77',
        clientHint: { browser: 'Python Requests 2.32', os: 'Linux', app: 'Microsoft Azure CLI' },
        userAgent: undefined,
      },
    },
  },
  // Service-principal sign-ins: the principal is the user, never interactive.
  'entra-signin-csv/service-principal-signins/ServicePrincipalSignIns_2026-11-02_2026-11-03.csv': {
    format: 'entra-signin-csv',
    skipped: 0,
    table: {
      columns: ['line', 'action', 'user', 'interactive', 'outcome'],
      rows: [
        [2, 'servicePrincipalSignIn', 'ci-deployer', false, 'success'],
        [3, 'servicePrincipalSignIn', '5e1b9c2d-0000-4000-8000-0000000000d1', false, 'failure'],
      ],
    },
    at: { 0: { tokenId: 'UTIexampleSp0000000001', clientId: '6d2e4f80-0000-4000-8000-0000000000a1', ip: '203.0.113.90' } },
  },
};
