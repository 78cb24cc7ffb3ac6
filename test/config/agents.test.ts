import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAgentRegistry } from '../../src/config/agents.js';
import { matchesOperation, parseAllowPattern, type AllowPattern } from '../../src/config/allow-pattern.js';
import { UsageError } from '../../src/shared/errors.js';

function file(text: string, name = 'agents.yaml'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'borrowscan-agents-')), name);
  writeFileSync(path, text);
  return path;
}

/** The error of a refused file, with the temporary directory cut off: `agents.yaml:LINE:COL: message (path)`. */
async function problem(text: string, name = 'agents.yaml'): Promise<string> {
  const path = file(text, name);
  try {
    await loadAgentRegistry(path);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message.split(dirname(path) + sep).join('');
  }
  throw new Error('expected the file to be refused');
}

const VALID = `# yaml-language-server: $schema=./schemas/agents.schema.json
version: 1
agents:
  - name: report-agent
    owner: alice@example.com
    identities: [svc-report-agent@example.com]
    clients: [0oa8f2kq1xYz]
    userAgents: ["ReportAgent/*"]
    maxSessionMinutes: 60
    tasks:
      - name: weekly-report
        start: 2026-11-02T10:00:00Z
        end: 2026-11-02T11:00:00Z
        onBehalfOf: alice@example.com
        allow:
          - "GET /api/reports/**"
          - "POST /api/reports/*/render"
  - name: infra-bot
    owner: ops@example.com
    clients: [0oaINFRA]
breakGlass:
  accounts: [breakglass-admin@example.com]
  approvals:
    - { account: breakglass-admin@example.com, start: 2026-11-03T02:00:00Z, end: 2026-11-03T04:00:00Z, ticket: INC-4711 }
ignore:
  userAgents: ["Okta-Health-Check/*"]
`;

/** An agent header every invalid-task case shares: lines 1-4. */
const AGENT = 'agents:\n  - name: a\n    owner: o@example.com\n    userAgents: ["A/*"]\n';
const task = (lines: string) => `${AGENT}    tasks:\n      - name: t\n${lines}`;

describe('agent registry: a valid file', () => {
  it('compiles agents, tasks, break-glass accounts and ignores, with the line of each agent', async () => {
    const registry = await loadAgentRegistry(file(VALID));
    expect(registry.agents.map((a) => [a.name, a.line])).toEqual([
      ['report-agent', 4],
      ['infra-bot', 18],
    ]);
    const [report] = registry.agents;
    expect(report!.tasks[0]).toMatchObject({
      name: 'weekly-report',
      start: Date.parse('2026-11-02T10:00:00Z'),
      end: Date.parse('2026-11-02T11:00:00Z'),
      onBehalfOf: 'alice@example.com',
      http: 'read-write',
    });
    expect(registry.approvals[0]).toMatchObject({ ticket: 'INC-4711', line: 24 });
  });

  it('recognizes an agent by identity (any case), OAuth client id or user agent, identity first', async () => {
    const registry = await loadAgentRegistry(file(VALID));
    expect(registry.matchAgent({ user: 'SVC-Report-Agent@Example.com' })?.name).toBe('report-agent');
    expect(registry.matchAgent({ clientId: '0oaINFRA' })?.name).toBe('infra-bot');
    expect(registry.matchAgent({ clientId: '0oainfra' })).toBeUndefined();
    expect(registry.matchAgent({ userAgent: 'reportagent/2.0 python-httpx/0.27.0' })?.name).toBe('report-agent');
    expect(registry.matchAgent({ user: ['bob@example.com', 'svc-report-agent@example.com'], clientId: '0oaINFRA' })?.name).toBe(
      'report-agent',
    );
    expect(registry.matchAgent({ user: 'bob@example.com', userAgent: 'curl/8.7.1' })).toBeUndefined();
  });

  it('answers ignore, break-glass and approval questions', async () => {
    const registry = await loadAgentRegistry(file(VALID));
    expect(registry.isIgnored('Okta-Health-Check/1.0')).toBe(true);
    expect(registry.isIgnored('curl/8.7.1')).toBe(false);
    expect(registry.isIgnored(undefined)).toBe(false);
    expect(registry.isBreakGlass('BreakGlass-Admin@example.com')).toBe(true);
    expect(registry.isBreakGlass('alice@example.com')).toBe(false);
    expect(registry.approvalFor('breakglass-admin@example.com', Date.parse('2026-11-03T03:00:00Z'))?.ticket).toBe('INC-4711');
    expect(registry.approvalFor('breakglass-admin@example.com', Date.parse('2026-11-03T05:00:00Z'))).toBeUndefined();
  });

  it('reads the same registry from JSON, $schema key included', async () => {
    const registry = await loadAgentRegistry(
      file(
        '{"$schema": "./schemas/agents.schema.json", "agents": [{"name": "a", "owner": "o@example.com", "clients": ["c1"]}]}',
        'agents.json',
      ),
    );
    expect(registry.matchAgent({ clientId: 'c1' })?.name).toBe('a');
  });

  it('accepts an empty registry', async () => {
    expect((await loadAgentRegistry(file('version: 1\n'))).agents).toEqual([]);
  });
});

describe('agent registry: what is wrong, and where', () => {
  it('an unknown key, at the key', async () => {
    expect(await problem(`${AGENT}    colour: red\n`)).toBe('agents.yaml:5:5: Unrecognized key: "colour" (agents.0)');
    expect(await problem('agent:\n  - name: a\n')).toBe('agents.yaml:1:1: Unrecognized key: "agent"');
  });

  it('an unknown key in JSON, at the key', async () => {
    expect(await problem('{"agents": [{"name": "a", "owner": "o", "clients": ["c"],\n  "extra": 1}]}', 'agents.json')).toBe(
      'agents.json:2:3: Unrecognized key: "extra" (agents.0)',
    );
  });

  it('a bad user-agent glob: brackets, or one that matches everything', async () => {
    expect(await problem('agents:\n  - name: a\n    owner: o\n    userAgents: ["A/[12]*"]\n')).toBe(
      'agents.yaml:4:18: bad glob "A/[12]*": only * and ? are wildcards; [ ] and { } are not supported (agents.0.userAgents.0)',
    );
    expect(await problem('ignore:\n  userAgents: ["*"]\n')).toBe(
      'agents.yaml:2:16: bad glob "*": it matches every user agent (ignore.userAgents.0)',
    );
  });

  it('a bad allow pattern: ** inside a segment, an unknown method, a path without /, a query, a foreign glob', async () => {
    const at = (pattern: string) =>
      problem(task(`        start: 2026-11-02T10:00:00Z\n        end: 2026-11-02T11:00:00Z\n        allow: ["${pattern}"]\n`));
    expect(await at('GET /api/**x')).toBe(
      'agents.yaml:9:17: "GET /api/**x": ** must be a whole path segment (/**/) (agents.0.tasks.0.allow.0)',
    );
    expect(await at('FETCH /api')).toMatch(/^agents\.yaml:9:17: unknown HTTP method "FETCH" in "FETCH \/api": use one of GET, .* or \*/);
    expect(await at('GET api/x')).toBe('agents.yaml:9:17: the path of "GET api/x" must start with / (agents.0.tasks.0.allow.0)');
    expect(await at('GET /api?x=1')).toMatch(/^agents\.yaml:9:17: .*allow patterns match the path only/);
    expect(await at('GET /api/{a,b}')).toMatch(/^agents\.yaml:9:17: .*only \* \(one segment\) and \*\* \(any segments\) are globs/);
    expect(await at('reports')).toMatch(/^agents\.yaml:9:17: "reports" is neither "METHOD \/path"/);
  });

  it('a task that ends before it starts, at its end', async () => {
    expect(
      await problem(task('        start: 2026-11-02T10:00:00Z\n        end: 2026-11-02T09:00:00Z\n        allow: ["GET /api"]\n')),
    ).toBe('agents.yaml:8:14: end must be after start (agents.0.tasks.0.end)');
  });

  it('an approval window that ends before it starts', async () => {
    expect(
      await problem(
        'breakGlass:\n  accounts: [bg@example.com]\n  approvals:\n    - account: bg@example.com\n      start: 2026-11-03T04:00:00Z\n      end: 2026-11-03T02:00:00Z\n',
      ),
    ).toBe('agents.yaml:6:12: end must be after start (breakGlass.approvals.0.end)');
  });

  it('an unparseable date, at the date', async () => {
    expect(await problem(task('        start: next monday\n        end: 2026-11-02T09:00:00Z\n        allow: ["GET /api"]\n'))).toBe(
      'agents.yaml:7:16: unparseable date "next monday": use YYYY-MM-DD or ISO 8601 such as 2026-11-02T10:00:00Z (agents.0.tasks.0.start)',
    );
  });

  it('a duplicate agent name (any case), at the second one', async () => {
    expect(await problem(`${AGENT}  - name: A\n    owner: o\n    userAgents: ["B/*"]\n`)).toBe(
      'agents.yaml:5:11: duplicate agent name "A" (also agent 1) (agents.1.name)',
    );
  });

  it('an agent with nothing to recognize it by, at the agent', async () => {
    const message = 'agent "a" has nothing to recognize it by: give identities, clients or userAgents (agents.0)';
    expect(await problem('agents:\n  - name: a\n    owner: o\n')).toBe(`agents.yaml:2:5: ${message}`);
    expect(await problem('agents:\n  - name: a\n    owner: o\n    identities: []\n    clients: []\n')).toBe(`agents.yaml:2:5: ${message}`);
  });

  it('an identity claimed by two agents, an identity written as a pattern, a missing owner', async () => {
    expect(
      await problem(
        'agents:\n  - name: a\n    owner: o\n    identities: [svc@example.com]\n  - name: b\n    owner: o\n    identities: [SVC@example.com]\n',
      ),
    ).toBe('agents.yaml:7:18: identity "SVC@example.com" is already declared by agent "a" (agents.1.identities.0)');
    expect(await problem('agents:\n  - name: a\n    owner: o\n    identities: ["svc-*@example.com"]\n')).toMatch(
      /^agents\.yaml:4:18: identities are exact login names, not patterns/,
    );
    expect(await problem('agents:\n  - name: a\n    clients: [c]\n')).toBe('agents.yaml:2:5: an owner is required (agents.0.owner)');
  });

  it('an approval for an account that is not a break-glass account', async () => {
    expect(
      await problem(
        'breakGlass:\n  accounts: [bg@example.com]\n  approvals:\n    - { account: other@example.com, start: 2026-11-03T02:00:00Z, end: 2026-11-03T04:00:00Z }\n',
      ),
    ).toBe(
      'agents.yaml:4:18: approval for "other@example.com", which is not listed in breakGlass.accounts (breakGlass.approvals.0.account)',
    );
  });

  it('a wrong version, a non-positive maxSessionMinutes, a duplicate key', async () => {
    expect(await problem('version: 2\n')).toBe('agents.yaml:1:10: version must be 1 (version)');
    expect(await problem(`${AGENT}    maxSessionMinutes: 0\n`)).toBe(
      'agents.yaml:5:24: maxSessionMinutes must be positive (agents.0.maxSessionMinutes)',
    );
    expect(await problem('agents:\n  - name: a\n    name: b\n    owner: o\n')).toMatch(/^agents\.yaml:3:5: Map keys must be unique/);
  });

  it('names a file it cannot read', async () => {
    await expect(loadAgentRegistry('/no/such/agents.yaml')).rejects.toThrow(/cannot read agent registry \/no\/such\/agents\.yaml/);
  });
});

describe('allow patterns', () => {
  const compile = (text: string) => {
    const p = parseAllowPattern(text);
    if (typeof p === 'string') throw new Error(p);
    return p;
  };
  const http = (p: AllowPattern, method: string, path: string) => matchesOperation(p, { kind: 'http', method, path });

  it('** spans any number of segments, none included; * stays within one', () => {
    const all = compile('GET /api/reports/**');
    expect(['/api/reports', '/api/reports/', '/api/reports/weekly', '/api/reports/a/b/c'].map((path) => http(all, 'GET', path))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(http(all, 'GET', '/api/reportsX')).toBe(false);
    const one = compile('POST /api/reports/*/render');
    expect(http(one, 'POST', '/api/reports/42/render')).toBe(true);
    expect(http(one, 'POST', '/api/reports/a/b/render')).toBe(false);
    expect(http(one, 'POST', '/api/reports//render')).toBe(false);
    const middle = compile('GET /api/**/status');
    expect(['/api/status', '/api/a/status', '/api/a/b/status'].every((path) => http(middle, 'GET', path))).toBe(true);
    const partial = compile('GET /files/*.json');
    expect(http(partial, 'GET', '/files/a.json')).toBe(true);
    expect(http(partial, 'GET', '/files/a/b.json')).toBe(false);
  });

  it('paths are case-sensitive, methods are not, and * is any method', () => {
    const p = compile('get /api/Reports');
    expect(http(p, 'GET', '/api/Reports')).toBe(true);
    expect(http(p, 'GET', '/api/reports')).toBe(false);
    expect(http(p, 'POST', '/api/Reports')).toBe(false);
    expect(http(compile('* /api/x'), 'DELETE', '/api/x')).toBe(true);
    expect(compile('GET /a')).toMatchObject({ readOnly: true });
    expect(compile('POST /a')).toMatchObject({ readOnly: false });
  });

  it('matches AWS eventSource:eventName and identity-provider apps, case-insensitively', () => {
    const s3 = compile('s3.amazonaws.com:Get*');
    expect(matchesOperation(s3, { kind: 'operation', name: 's3.amazonaws.com:GetObject' })).toBe(true);
    expect(matchesOperation(s3, { kind: 'operation', name: 's3.amazonaws.com:PutObject' })).toBe(false);
    expect(matchesOperation(s3, { kind: 'http', method: 'GET', path: '/s3.amazonaws.com:GetObject' })).toBe(false);
    const app = compile('app:Microsoft Teams');
    expect(matchesOperation(app, { kind: 'app', name: 'microsoft teams' })).toBe(true);
    expect(matchesOperation(app, { kind: 'app', name: 'Salesforce' })).toBe(false);
  });
});
