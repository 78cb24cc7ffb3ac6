import { expect } from 'vitest';
import type { Expectations } from '../support/expectation.js';

const utc = Date.parse;
/** Secrets and query syntax the access-log fixtures write into their query strings. */
const QUERY = ['access_token', 'api_key', 'X-Amz', 'otp=', 'csrf', 'cursor', 'since=', 'sig='];

export const fixtures: Expectations = {
  // Current and pre-1.21 OpenTelemetry names as flat dotted keys.
  'access-log/otel-flat/api-requests.jsonl': {
    format: 'access-log',
    events: 11,
    skipped: 0,
    lines: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    secrets: QUERY,
    at: {
      0: {
        time: utc('2026-11-02T09:00:00.000Z'),
        line: 1,
        format: 'access-log',
        kind: 'request',
        action: 'GET /api/me',
        outcome: 'success',
        method: 'GET',
        path: '/api/me',
        status: 200,
        ip: '198.51.100.23',
        user: 'alice@example.com',
        sessionId: '102PDIjclc8re_H7hBwjxI1zA',
        userAgent: expect.stringMatching(/^Mozilla\/5\.0 .*Chrome\/142/),
      },
      4: { path: '/api/projects/4711/files' },
      5: { userAgent: 'claude-cli/2.0.14 (external, cli)', ip: '203.0.113.77' },
      8: { action: 'DELETE /api/projects/4711/files/old.md', status: 403, outcome: 'failure' },
      // Pre-1.21 names.
      9: {
        action: 'POST /api/search',
        status: 200,
        ip: '198.51.100.23',
        user: 'alice@example.com',
        userAgent: expect.stringContaining('Chrome/142'),
      },
      // url.full: the path only.
      10: { action: 'GET /api/export/4711.csv', status: 302, userAgent: 'python-httpx/0.28.1' },
    },
  },
  // Nested ECS objects, url.original with query and fragment, a flat/nested mix.
  'access-log/ecs-nested/portal-access.ndjson': {
    format: 'access-log',
    events: 9,
    skipped: 0,
    secrets: QUERY,
    at: {
      // @timestamp, not event.created.
      0: {
        action: 'GET /portal/dashboard',
        status: 200,
        ip: '192.0.2.44',
        user: 'bob@example.com',
        sessionId: '102Xq8c1nPz0RmT5sKdL3vWyA',
        time: utc('2026-11-02T10:00:00.000Z'),
      },
      6: { userAgent: 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)', status: 429, outcome: 'failure' },
      7: { action: 'GET /portal/admin', ip: '192.0.2.201', status: 404, user: 'bob@example.com' },
      8: { action: 'GET /portal/logout', ip: '192.0.2.44', user: 'bob', status: 302 },
    },
  },
  // Fields under attributes (object, nested and OTLP list), nanosecond times.
  'access-log/otel-attributes/otel-logs.jsonl': {
    format: 'access-log',
    events: 7,
    skipped: 0,
    secrets: QUERY,
    table: {
      columns: ['action'],
      rows: [
        ['GET /orders'],
        ['GET /orders/5521'],
        ['POST /orders/5521/refund'],
        ['GET /orders/{id}/invoice'],
        ['PURGE /orders/5521'],
        ['GET /orders/5521/invoice.pdf'],
        ['GET /orders/5522'],
      ],
    },
    every: { user: 'erin@example.com' },
    at: {
      0: { time: utc('2026-11-02T12:00:00.000Z') },
      3: { ip: '203.0.113.9', userAgent: 'python-httpx/0.28.1', sessionId: '102eR1nQ7vB4kL0pS9dF2gHjK' },
      4: { method: 'PURGE', status: 405, outcome: 'failure' },
      5: { status: 200, user: 'erin@example.com', ip: '203.0.113.9' },
      // timeUnixNano "0": the observed time, 4 ms later than the event would have been.
      6: { time: utc('2026-11-02T12:05:03.004Z') },
    },
  },
  // Every skipped line is listed with its line number and reason, and the reading goes on.
  'access-log/malformed/broken.jsonl': {
    format: 'access-log',
    lines: [1, 2, 4, 11, 12],
    events: 5,
    skipped: 6,
    secrets: QUERY,
    skips: {
      3: /^invalid JSON/,
      5: 'no readable time (no time field)',
      6: 'no readable time (timestamp: "yesterday around lunch, give or take an ...")',
      7: /^invalid JSON/,
      8: 'not a JSON object',
      9: 'not an HTTP request: no method, path or status (keys: level, msg, pid, timestamp)',
    },
    // Junk method and status: the path still makes it a request.
    at: { 4: { action: '- /api/odd', method: undefined, status: undefined, outcome: 'unknown' } },
  },
  // Mixed-case headers, quoted user agents with commas, CRLF, ports stripped.
  'access-log/plain-csv/webapp-access.csv': {
    format: 'access-log-csv',
    events: 7,
    skipped: 0,
    lines: [2, 3, 4, 5, 6, 7, 8],
    secrets: QUERY,
    at: {
      0: {
        format: 'access-log-csv',
        action: 'GET /app/home',
        status: 200,
        ip: '198.51.100.90',
        user: 'carol@example.com',
        sessionId: '102a9VJqkT3mW8ZrLx2NbCdEf',
        clientId: '0oa1webapp',
        tokenId: undefined,
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
      },
      3: { ip: '10.1.4.7', userAgent: 'curl/8.10.1', tokenId: 'AT.kx3l9-jti-7f2a', path: '/app/api/tasks' },
      5: { action: 'DELETE /app/api/tasks/91', status: 401, outcome: 'failure' },
      6: { status: undefined, outcome: 'unknown' },
    },
  },
  // nginx variable names, the request line split, a Common Log Format time with offset.
  'access-log/plain-csv/nginx-export.csv': {
    format: 'access-log-csv',
    events: 3,
    skipped: 0,
    secrets: QUERY,
    table: { columns: ['action'], rows: [['GET /wiki/Onboarding'], ['GET /wiki/api/page'], ['POST /wiki/api/page/77']] },
    at: {
      0: { time: utc('2026-11-02T09:15:00.000Z') },
      2: { user: 'dave', sessionId: '102dv5uKw2qPp8mN3xYzTb7Hc', ip: '192.0.2.10', status: 409 },
    },
  },
  // Rows with the wrong number of cells and unreadable times are listed.
  'access-log/malformed/broken.csv': {
    format: 'access-log-csv',
    table: {
      columns: ['line', 'action'],
      rows: [
        [2, 'GET /a'],
        [6, 'GET /e'],
      ],
    },
    skipped: 3,
    skips: { 3: 'row has 4 cells, the header has 6', 4: 'no readable time (time: "not-a-time")', 5: 'row has 7 cells, the header has 6' },
  },

  // Token claims and client headers beside each request (scanned with okta/web-sign-ins for the people's sessions).
  'access-log/agent-claims/done-right.jsonl': {
    format: 'access-log',
    skipped: 0,
    every: { sessionId: '102aliceClaims00000000001', user: 'alice@example.com' },
    at: {
      0: { agent: undefined },
      1: {
        tokenId: 'AT.alice-ex-1',
        clientId: '0oaREPORT',
        agent: { kind: 'delegated', agent: 'report-agent', onBehalfOf: 'alice@example.com' },
      },
    },
  },
  'access-log/agent-claims/borrowed.jsonl': {
    format: 'access-log',
    skipped: 0,
    every: { agent: undefined, sessionId: '102bobClaims0000000000001' },
  },
  'access-log/agent-headers/done-right.jsonl': {
    format: 'access-log',
    skipped: 0,
    at: {
      0: { headers: { platformHint: 'macOS' } },
      1: {
        headers: { mcpMethod: 'tools/call', mcpName: 'search_tickets', mcpProtocolVersion: '2026-07-28' },
        agent: { kind: 'delegated', agent: 'ticket-agent' },
      },
    },
  },
  'access-log/agent-headers/borrowed.jsonl': {
    format: 'access-log',
    skipped: 0,
    every: { agent: undefined, sessionId: '102danHeaders00000000001' },
    table: {
      columns: ['line', 'headers'],
      rows: [
        [1, { platformHint: 'Windows' }],
        [2, { mcpMethod: 'tools/call', mcpName: 'close_ticket', mcpProtocolVersion: '2026-07-28', mcpSessionId: 'mcp-sess-4a7f' }],
        [3, { platformHint: 'Linux' }],
        [4, { signatureAgent: 'https://chatgpt.com', webBotAuth: true }],
        [5, { stainlessLang: 'js', stainlessVersion: '5.1.0' }],
      ],
    },
  },
};
