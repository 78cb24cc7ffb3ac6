import { expect } from 'vitest';
import type { NormalizedEvent } from '../../../../src/model/event.js';
import type { Expectations } from '../support/expectation.js';

const HASHED = expect.stringMatching(/^sha256:[0-9a-f]{16}$/);

/** The cookie is one session across lines; each Authorization value its own token, the same one where it repeats. */
function sameCredentialSameHash(events: readonly NormalizedEvent[]): void {
  const [browser, withToken, agent, mcp] = events;
  expect(withToken!.sessionId).toBe(browser!.sessionId);
  expect(agent!.sessionId).toBe(browser!.sessionId);
  expect(agent!.tokenId).toBe(withToken!.tokenId);
  expect(mcp!.tokenId).not.toBe(withToken!.tokenId);
}

export const fixtures: Expectations = {
  // Read with its log_format.conf as --log-format: the declared tier beats combined-log, which claims it too.
  'log-format/agent-headers/access.log': {
    format: 'log-format',
    alsoClaimedBy: ['combined-log'],
    table: {
      columns: ['line', 'action', 'status'],
      rows: [
        [1, 'GET /app/dashboard', 200],
        [2, 'GET /api/projects', 200],
        [3, 'POST /api/projects/4711/files', 201],
        [4, 'POST /mcp', 200],
        [5, 'POST /mcp', 401],
      ],
    },
    at: {
      0: { time: Date.parse('2026-03-03T09:00:01Z'), ip: '198.51.100.23', tokenId: undefined, headers: undefined, sessionId: HASHED },
      1: { sessionId: HASHED, tokenId: HASHED },
      2: {
        headers: { signatureAgent: 'https://chatgpt.com' },
        clientHint: undefined,
        userAgent: expect.stringContaining('ChatGPT-User/1.0'),
      },
      // The MCP session stands in as the session where no cookie is logged, and is kept as the header it is.
      3: {
        sessionId: 'mcp-sess-1f2e3d4c5b6a',
        headers: { mcpSessionId: 'mcp-sess-1f2e3d4c5b6a' },
        ip: '203.0.113.77',
        userAgent: 'node',
        tokenId: expect.stringMatching(/^sha256:/),
      },
      4: { user: 'ci', sessionId: undefined, outcome: 'failure', tokenId: expect.stringMatching(/^sha256:/) },
    },
    check: { name: 'a credential hashes the same wherever it repeats', run: sameCredentialSameHash },
    skips: {
      6: 'request line is not METHOD PATH PROTOCOL: "\\x16\\x03\\x01\\x02\\x00\\x01"',
      7: 'line does not match the --log-format: "192.0.2.66 - - [03/Mar/2026:09:06:01 +00…"',
      8: 'no readable time ($time_local: "31/Foo/2026:09:06:02 +0000")',
    },
    // Every secret written in the fixture: cookie, Authorization values, the query token.
    secrets: ['FAKE-SESSION', 'c0ffee', 'FAKE-BEARER', 'eyJhbGci', 'Y2k6RkFLRS1QQVNTV09SRA', 'FAKE-QUERY-TOKEN', 'Bearer', 'Basic'],
  },
};
