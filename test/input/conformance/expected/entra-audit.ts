import { expect } from 'vitest';
import type { Expectations } from '../support/expectation.js';

export const corpus: Expectations = {
  // Application changes by a managed identity (no service principal name: its id is the actor).
  'entra-audit/elastic-integrations_azure_auditlogs_test-audit-logs-sample.log': {
    format: 'entra-audit',
    events: 3,
    skipped: 0,
    every: {
      kind: 'other',
      outcome: 'success',
      user: 'b9814691-9ca1-4e55-a1ac-8ef5dd010ec0',
      ip: '1.128.3.4',
      userAgent: 'Microsoft Azure Graph Client Library 2.1.17-internal',
      clientId: 'a70a7931-c387-4dce-9f35-fbf95bdcc91e',
      app: 'billing-test-wus',
    },
    table: {
      columns: ['action'],
      rows: [['Add service principal credentials'], ['Update service principal'], ['Update service principal']],
    },
  },
  // initiatedBy as an app, then as users whose address is Entra's 0.0.0.0; `level` and `Level` key cases.
  'entra-audit/elastic-integrations_azure_auditlogs_test-auditlogs-raw.log': {
    format: 'entra-audit',
    events: 3,
    skipped: 0,
    table: {
      columns: ['action', 'user', 'ip'],
      rows: [
        ['Update device', 'Core', undefined],
        ['Update device', 'UserName', undefined],
        ['Update device', 'UserName', undefined],
      ],
    },
    at: { 0: { time: expect.closeTo(Date.parse('2019-10-18T15:30:51.027Z') + 0.3716, 2), clientId: 'id' } },
  },
  // Panther's test events: Panther time forms, and envelope categories (Policy, DirectoryManagement,
  // ApplicationManagement) that are no diagnostic category: every record is read.
  'siem-normalized/entra-audit__panther-analysis_azure-audit-test-events.ndjson': {
    format: 'entra-audit',
    events: 21,
    skipped: 0,
    every: { kind: 'other', user: expect.any(String), ip: expect.any(String) },
    atLine: {
      1: {
        action: 'Update authentication methods policy',
        user: 'denethor@lotr.com',
        time: expect.closeTo(Date.parse('2025-01-15T14:20:35.456Z') + 0.789, 2),
      },
      // No activityDisplayName: the envelope's operationName; no result: unknown.
      5: { action: 'User has elevated their access to User Access Administrator for their Azure Resources', outcome: 'unknown' },
      7: { time: expect.closeTo(Date.parse('2024-09-23T14:33:09.049Z') + 0.6611, 2) },
      9: { action: 'Invite external user', outcome: 'failure' },
      13: { userAgent: 'Microsoft Azure Graph Client Library 1.0' },
      // No address on the actor: the envelope's callerIpAddress is null, the token claim `ipaddr` in additionalDetails.
      17: { user: 'Radahn@Starscourge.onmicrosoft.com', ip: '1.2.3.4' },
      20: { app: 'Production API Service' },
    },
    where: [{ name: 'failures', select: { outcome: 'failure' }, lines: [9] }],
  },
};

export const fixtures: Expectations = {
  'entra-audit/diagnostic-ndjson/PT1H.json': {
    format: 'entra-audit',
    table: {
      columns: ['line', 'action', 'outcome', 'user', 'ip'],
      rows: [
        [1, 'Update application – Certificates and secrets management', 'success', 'grace@example.com', '198.51.100.88'],
        [2, 'Add service principal credentials', 'success', '9b1a2c3d-0000-4000-8000-0000000000s7', '203.0.113.150'],
        // initiatedBy.user.ipAddress is 0.0.0.0: the envelope's callerIpAddress.
        [3, 'Reset user password', 'failure', 'hiro@example.com', '192.0.2.77'],
      ],
    },
    every: { kind: 'other', format: 'entra-audit', sessionId: undefined },
    at: {
      0: {
        app: 'Payroll Export',
        userAgent: expect.stringMatching(/Edg\/142/),
        clientId: undefined,
        time: Date.parse('2026-11-02T10:04:12.304Z'),
      },
      1: { app: 'Payroll Export', userAgent: 'python-requests/2.32.3', clientId: '3c9e8d7f-0000-4000-8000-0000000000a7' },
      2: { app: undefined, userAgent: undefined },
    },
    skips: {
      4: /^invalid JSON/,
      5: 'no readable time (activityDateTime: "soon", time: null)',
      6: 'not an Entra audit record (properties without activityDateTime and an initiatedBy object: object)',
    },
  },
  'entra-audit/graph-directory-audits/directoryAudits-page-1.json': {
    format: 'entra-audit',
    skipped: 0,
    table: {
      columns: ['line', 'action', 'user', 'clientId', 'ip', 'app'],
      rows: [
        [4, 'Add app role assignment grant to user', 'jonas@example.com', undefined, '198.51.100.140', 'Expense Reports'],
        [45, 'Update conditional access policy', 'policy-sync', '14d82eec-0000-4000-8000-0000000000a9', undefined, undefined],
      ],
    },
    at: {
      0: { userAgent: expect.stringMatching(/Safari\/605/), time: expect.closeTo(Date.parse('2026-11-03T09:15:03.123Z') + 0.4567, 2) },
    },
  },
};
