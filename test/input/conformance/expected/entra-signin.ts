import { expect } from 'vitest';
import type { Expectations, FileExpectation } from '../support/expectation.js';

/** Elastic's diagnostic-settings samples of user sign-ins: every record read, each with a user and an address. */
const withUserAndIp = (events: number): FileExpectation => ({
  format: 'entra-signin',
  events,
  skipped: 0,
  every: { user: expect.any(String), ip: expect.any(String) },
});

export const corpus: Expectations = {
  'entra-signin/elastic-integrations_azure_signinlogs_test-signinlogs-sample.log': withUserAndIp(2),
  // Each sign-in category of the template file; an explicit isInteractive: false overrides the category.
  'entra-signin/elastic-integrations_azure_signinlogs_test-signinlogs-raw.log': {
    ...withUserAndIp(5),
    table: {
      columns: ['action', 'interactive', 'outcome'],
      rows: [
        ['SignInLogs', false, 'failure'],
        ['NonInteractiveUserSignInLogs', false, 'failure'],
        ['ServicePrincipalSignInLogs', false, 'failure'],
        ['MicrosoftServicePrincipalSignInLogs', false, 'failure'],
        ['ManagedIdentitySignInLogs', false, 'failure'],
      ],
    },
    at: { 0: { time: expect.closeTo(Date.parse('2019-10-18T09:45:48.072Z') + 0.9893, 2) } },
  },
  // Non-interactive sign-ins carry no user agent: the deviceDetail hint stands in.
  'entra-signin/elastic-integrations_azure_signinlogs_test-non-interactive-user-sample.log': {
    ...withUserAndIp(15),
    every: {
      user: expect.any(String),
      ip: expect.any(String),
      userAgent: undefined,
      clientHint: expect.objectContaining({ browser: expect.stringMatching(/^Rich Client/) }),
      tokenId: expect.any(String),
    },
  },
  'entra-signin/elastic-integrations_azure_signinlogs_test-service-principal.log': {
    format: 'entra-signin',
    events: 1,
    skipped: 0,
    at: { 0: { action: 'ServicePrincipalSignInLogs', user: 'ConfigMgrSvc_22222222-dfb4-4070-ad95-cf1e68280bb0', interactive: false } },
  },
  // Managed identities sign in from no address the log gives.
  'entra-signin/elastic-integrations_azure_signinlogs_test-managed-identity-sample_first2.log': {
    format: 'entra-signin',
    events: 2,
    skipped: 0,
    every: { action: 'ManagedIdentitySignInLogs', user: 'testplatformlogslube', ip: undefined, interactive: false },
  },
  // The Agent ID sign-in (Graph beta agentSignIn added to a service-principal record): the agent identity's own.
  'entra-signin/DERIVED_entra-agent-id_service-principal-signin.log': {
    format: 'entra-signin',
    events: 1,
    skipped: 0,
    at: {
      0: {
        user: 'ConfigMgrSvc_22222222-dfb4-4070-ad95-cf1e68280bb0',
        agent: {
          kind: 'own',
          agent: 'ConfigMgrSvc_22222222-dfb4-4070-ad95-cf1e68280bb0',
          proof: 'properties.agent.agentType = agenticAppInstance',
        },
      },
    },
  },

  // SIEM re-exports: every record has a readable time, so none is skipped.
  'siem-normalized/entra-signin__panther-analysis_azure-signin-test-events.ndjson': {
    format: 'entra-signin',
    events: 16,
    skips: {},
    where: [
      {
        name: 'sign-ins with a session id',
        select: { sessionId: expect.any(String) },
        table: { columns: ['sessionId'], rows: [['session-abc-123'], ['00baf379-e510-523f-1c0e-346163d4a768'], ['session-office-456']] },
      },
    ],
    // The SIEM time form, the Success/Failure result types, and the authentication protocol as the grant.
    atLine: {
      1: { time: Date.parse('2025-01-15T09:30:45.123Z'), grantType: 'deviceCode' },
      2: { outcome: 'success' },
      3: { outcome: 'failure' },
    },
  },
  // Lowercased envelope keys and service principals.
  'siem-normalized/entra-signin__panther-analysis_azure-signin-test-events_variant-lowercase-keys.ndjson': {
    format: 'entra-signin',
    events: 9,
    skips: {},
    at: { 0: { time: expect.closeTo(Date.parse('2023-07-26T22:58:30.983Z') + 0.2019, 2) } },
    where: [
      {
        name: 'service-principal sign-ins',
        select: { action: 'ServicePrincipalSignInLogs' },
        table: {
          columns: ['user'],
          rows: [['some-service-principal'], ['very-normal-service-principal'], ...Array(5).fill(['some-service-principal'])],
        },
        every: { ip: '12.12.12.12', interactive: false },
        where: [{ name: 'failed', select: { outcome: 'failure' }, events: 6 }],
      },
    ],
  },
  'siem-normalized/entra-signin__panther-analysis_standard-rules_azure-signin.ndjson': { format: 'entra-signin', events: 1, skipped: 0 },
};

const EDGE = { browser: 'Edge 141.0.0', os: 'Windows10', app: 'OfficeHome' };
const AZURE_CLI = { browser: 'Python Requests 2.32', os: 'Linux', app: 'Microsoft Azure CLI' };

export const fixtures: Expectations = {
  'entra-signin/graph-value/signins-page-1.json': {
    format: 'entra-signin',
    skipped: 0,
    table: { columns: ['user'], rows: [['dana@example.com'], ['dana@example.com'], ['erin@example.com']] },
    every: { kind: 'signin', action: 'signIn', format: 'entra-signin' },
    at: {
      // The interactive browser sign-in and the later non-interactive one share one session.
      0: {
        time: Date.parse('2026-03-05T08:30:12Z'),
        interactive: true,
        outcome: 'success',
        sessionId: '4b7e1d2a-9c3f-4e58-a6b1-0d2c3e4f5a6b',
        tokenId: 'mV8pQ2rS5tU7vW9xY1zA2b',
        clientId: '4765445b-32c6-49b0-83e6-1d93765276ca',
        ip: '198.51.100.40',
        clientHint: EDGE,
        userAgent: expect.stringMatching(/Edg\/141/),
        grantType: undefined,
      },
      1: {
        interactive: false,
        sessionId: '4b7e1d2a-9c3f-4e58-a6b1-0d2c3e4f5a6b',
        ip: '203.0.113.77',
        clientHint: AZURE_CLI,
        userAgent: undefined,
        time: expect.closeTo(Date.parse('2026-03-05T08:30:12Z') + (17 * 60 + 43) * 1000 + 417.1234, 2),
      },
      2: { outcome: 'failure', interactive: true, sessionId: undefined },
    },
  },
  // The sign-ins of a one-line batch; its audit record is skipped.
  'entra-signin/eventhub-records/eventhub-batch.json': {
    format: 'entra-signin',
    table: {
      columns: ['line', 'action', 'user', 'interactive', 'sessionId'],
      rows: [
        [1, 'SignInLogs', 'frank@example.com', true, '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a'],
        [1, 'NonInteractiveUserSignInLogs', 'frank@example.com', false, '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a'],
        [1, 'ServicePrincipalSignInLogs', 'inventory-sync', false, undefined],
      ],
    },
    skipped: 1,
    skips: { 1: 'not a sign-in record (category AuditLogs)' },
  },
  // Sign-ins and audit records in one batch: both formats claim it, and entra-signin is declared preferred.
  'entra-signin/mixed-eventhub-batch/eventhub-batch.json': {
    format: 'entra-signin',
    alsoClaimedBy: ['entra-audit'],
    table: {
      columns: ['line', 'action', 'user', 'interactive', 'sessionId'],
      rows: [
        [1, 'SignInLogs', 'grace@example.com', true, '6a7b8c9d-0000-4000-8000-00000000se01'],
        [1, 'NonInteractiveUserSignInLogs', 'grace@example.com', false, '6a7b8c9d-0000-4000-8000-00000000se01'],
      ],
    },
    skipped: 2,
    skips: { 1: 'not a sign-in record (category AuditLogs)' },
  },
  // Offsets, 9 fractional digits and envelope fallbacks.
  'entra-signin/diagnostic-ndjson/PT1H.json': {
    format: 'entra-signin',
    skipped: 0,
    at: {
      0: {
        line: 1,
        action: 'ManagedIdentitySignInLogs',
        user: 'vm-backup-identity',
        interactive: false,
        outcome: 'success',
        time: expect.closeTo(Date.parse('2026-03-06T13:59:58.204Z') + 0.6133, 2),
        ip: undefined,
      },
      1: {
        line: 2,
        user: 'grace@example.com',
        interactive: true,
        grantType: 'deviceCode',
        sessionId: '8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b',
        time: expect.closeTo(Date.parse('2026-03-06T14:02:11.123Z') + 0.456789, 2),
      },
      2: {
        line: 3,
        outcome: 'success',
        ip: '203.0.113.120',
        sessionId: '8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b',
        clientHint: AZURE_CLI,
        time: expect.closeTo(Date.parse('2026-03-06T14:20:40.555Z') + 0.1234, 2),
      },
    },
  },

  // Entra Agent ID: an agent identity for a person and as itself; notAgentic sign-ins with ID Protection's risks.
  'entra-signin/agent-id/done-right.ndjson': {
    format: 'entra-signin',
    skipped: 0,
    table: {
      columns: ['line', 'interactive', 'agent'],
      rows: [
        [1, true, { kind: 'not-agent', proof: 'properties.agent.agentType = notAgentic' }],
        [
          2,
          false,
          {
            kind: 'delegated',
            agent: 'report-agent-instance',
            onBehalfOf: 'alice@example.com',
            proof: 'properties.agent.agentType = agenticAppInstance; properties.agent.agentSubjectType = notAgentic',
          },
        ],
        [3, false, { kind: 'own', agent: 'coder-agent-instance', proof: 'properties.agent.agentType = agenticAppInstance' }],
      ],
    },
  },
  'entra-signin/agent-id/borrowed.ndjson': {
    format: 'entra-signin',
    skipped: 0,
    every: { agent: { kind: 'not-agent' } },
    at: {
      0: {
        risk: [
          { signal: 'anomalousToken', detail: 'riskLevelDuringSignIn high' },
          { signal: 'tokenProtection: unbound', detail: 'signInSessionStatusCode 1008' },
        ],
      },
      1: { risk: undefined },
    },
  },
};
