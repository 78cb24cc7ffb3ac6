import { describe, expect, it } from 'vitest';
import { scopeExceeded as rule } from '../../src/rules/scope-exceeded.js';
import { signIn, min } from './build.js';
import { call, registryOf, run } from './registry-build.js';

const YAML = `
version: 1
agents:
  - name: ticket-agent
    owner: carol@example.com
    identities: [svc-tickets@example.com]
    tasks:
      - name: triage
        start: 2026-11-02T09:00:00Z
        end: 2026-11-02T12:00:00Z
        allow: ["POST /mcp", "mcp:search_*", "mcp:get_ticket"]
  - name: plain-agent
    owner: dan@example.com
    identities: [svc-plain@example.com]
    tasks:
      - name: read
        start: 2026-11-02T09:00:00Z
        end: 2026-11-02T12:00:00Z
        allow: ["POST /mcp"]
`;
const UA = 'node';
const tool = (session: string, name: string, time: number) =>
  call(session, 'POST', '/mcp', time, { userAgent: UA, headers: { mcpMethod: 'tools/call', mcpName: name } });

describe('scope-exceeded on MCP calls', () => {
  it("judges a tool call by the task's mcp: patterns, and the protocol's own calls by its HTTP ones", () => {
    const found = run(
      [rule],
      [
        signIn('t1', 'svc-tickets@example.com', UA, '10.0.0.9', min(1)),
        call('t1', 'POST', '/mcp', min(2), { userAgent: UA, headers: { mcpMethod: 'initialize' } }),
        tool('t1', 'search_tickets', min(3)),
        tool('t1', 'get_ticket', min(4)),
        tool('t1', 'delete_ticket', min(5)),
        tool('t1', 'close_ticket', min(6)),
      ],
      registryOf(YAML),
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.details).toMatchObject({
      judged: 5,
      inScope: 3,
      outOfScope: 2,
      operations: ['mcp:close_ticket', 'mcp:delete_ticket'],
      // A tool call is no HTTP write: the task judges it by name.
      writesWhereReadOnly: 0,
    });
  });

  it('stays quiet for tool calls a task without mcp: patterns allows as POST /mcp', () => {
    expect(
      run([rule], [signIn('p1', 'svc-plain@example.com', UA, '10.0.0.9', min(1)), tool('p1', 'delete_ticket', min(2))], registryOf(YAML)),
    ).toEqual([]);
  });
});
