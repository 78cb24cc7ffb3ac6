import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agentsFileSchema, loadAgentRegistry } from '../../src/config/agents.js';
import { parseConfig } from '../../src/config/yaml.js';
import { STARTER_AGENTS_YAML } from '../../src/cli/init-command.js';
import { runCli } from './run-cli.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/agents/task-scope/', import.meta.url));
const REGISTRY = join(FIXTURE, 'agents.yaml');
const LOGS = [join(FIXTURE, 'okta-system-log.ndjson'), join(FIXTURE, 'api-access.jsonl')];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'borrowscan-agents-cli-'));
}

interface JsonFinding {
  rule: string;
  severity: string;
  user: string;
  session: string;
  details: { declaredAgent?: { name: string; owner: string } };
}

describe('borrowscan init', () => {
  it('writes a commented starter agents.yaml that validates', async () => {
    const file = join(tempDir(), 'agents.yaml');
    const run = await runCli(['init', '-o', file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`wrote ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(STARTER_AGENTS_YAML);
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/node_modules\/borrowscan\/schemas\/agents\.schema\.json/);
    const registry = await loadAgentRegistry(file);
    expect(registry.agents.map((a) => a.name)).toEqual(['report-agent']);
    expect(registry.isIgnored('Okta-Health-Check/1.0')).toBe(true);
  });

  it('refuses to overwrite an existing file without --force, and overwrites with it', async () => {
    const file = join(tempDir(), 'agents.yaml');
    writeFileSync(file, 'agents: []\n');
    const refused = await runCli(['init', '-o', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`borrowscan: error: ${file} already exists; keep it, or overwrite it with --force\n`);
    expect(readFileSync(file, 'utf8')).toBe('agents: []\n');
    const forced = await runCli(['init', '-o', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(STARTER_AGENTS_YAML);
  });

  it('prints the starter with -o -', async () => {
    const run = await runCli(['init', '-o', '-']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(STARTER_AGENTS_YAML);
  });
});

describe('borrowscan scan --agents', () => {
  it('exits 2 with the position and the problem for an invalid registry, before reading any log', async () => {
    const dir = tempDir();
    const registry = join(dir, 'agents.yaml');
    writeFileSync(
      registry,
      'agents:\n  - name: a\n    owner: o@example.com\n    userAgents: ["A/*"]\n    tasks:\n      - name: t\n        start: 2026-11-02T10:00:00Z\n        end: 2026-11-02T09:00:00Z\n        allow: ["GET /api/**"]\n',
    );
    const run = await runCli(['scan', '/no/such/log.json', '--agents', registry]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`borrowscan: error: ${registry}:8:14: end must be after start (agents.0.tasks.0.end)\n`);
    expect(run.stdout).toBe('');
  });

  it('exits 2 for a registry that does not exist', async () => {
    const run = await runCli(['scan', ...LOGS, '--agents', '/no/such/agents.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^borrowscan: error: cannot read agent registry \/no\/such\/agents\.yaml: no such file or directory\n$/);
  });

  it("checks the fixture's declared agents end to end: every rule fires where it should and stays quiet where it should", async () => {
    const run = await runCli(['scan', ...LOGS, '--agents', REGISTRY, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { summary: Record<string, unknown>; findings: JsonFinding[] };
    const got = report.findings.map((f) => [f.rule, f.severity, f.user, f.session, f.details.declaredAgent?.name ?? null]);
    expect(got).toEqual([
      ['break-glass-use', 'critical', 'breakglass-admin@example.com', '102breakGlassSession000002', null],
      ['scope-exceeded', 'high', 'svc-triage@example.com', '102triageBotSession0000001', 'triage-bot'],
      ['agent-on-human-session', 'high', 'bob@example.com', '102bobWebSession0000000001', 'code-assistant'],
      ['outside-task-window', 'high', 'alice@example.com', '102reportDelegated0000000B', 'report-agent'],
      ['undeclared-agent', 'medium', 'svc-export@example.com', '102svcExportSession0000001', null],
      ['overlong-session', 'medium', 'alice@example.com', '102reportDelegated0000000B', 'report-agent'],
      ['break-glass-use', 'low', 'breakglass-admin@example.com', '102breakGlassSession000001', null],
    ]);
    // The delegated session inside the task's window and scope is the right pattern: nothing about it.
    expect(report.findings.filter((f) => f.session === '102reportDelegated0000000A')).toEqual([]);
    expect(report.summary.ignoredByRegistry).toBe(5);
    const triage = report.findings.find((f) => f.rule === 'scope-exceeded') as unknown as {
      reason: string;
      evidence: { file: string; line: number }[];
    };
    expect(triage.reason).toMatch(
      /3 request\(s\) outside every allow pattern of its tasks, 2 of them write\(s\) \(DELETE, POST\) where its tasks allow only reads/,
    );
    expect(triage.evidence.map((e) => `${e.file.split(/[\\/]/).pop()}:${e.line}`)).toEqual([
      'api-access.jsonl:11',
      'api-access.jsonl:13',
      'api-access.jsonl:14',
    ]);
  });

  it('without --agents, none of the registry rules fire on the same logs', async () => {
    const run = await runCli(['scan', ...LOGS, '--format', 'json', '--fail-on', 'none']);
    const report = JSON.parse(run.stdout) as { summary: Record<string, unknown>; findings: JsonFinding[] };
    expect(report.findings.map((f) => f.rule)).toEqual(['agent-on-human-session']);
    expect(report.findings[0]!.details.declaredAgent).toBeUndefined();
    expect(report.summary.ignoredByRegistry).toBeUndefined();
  });
});

describe('borrowscan agents', () => {
  it('prints the inventory per declared agent as JSON', async () => {
    const run = await runCli(['agents', '--agents', REGISTRY, ...LOGS, '--format', 'json']);
    expect(run.code).toBe(0);
    const { agents } = JSON.parse(run.stdout) as { agents: Record<string, unknown>[] };
    expect(agents.map((a) => a.name)).toEqual(['report-agent', 'triage-bot', 'code-assistant']);
    expect(agents[0]).toMatchObject({
      owner: 'alice@example.com',
      sessions: 2,
      sessionIds: ['102reportDelegated0000000A', '102reportDelegated0000000B'],
      sessionKinds: { own: 0, delegated: 2, onHumanSession: 0, other: 0 },
      actingFor: ['alice@example.com'],
      events: 12,
      requests: { judged: 10, inScope: 10, outOfScope: 0, notChecked: 0 },
      outsideTaskWindows: 7,
      firstSeen: '2026-11-02T10:00:00.000Z',
      lastSeen: '2026-11-02T12:45:00.000Z',
      tasks: [{ name: 'weekly-report', used: true, onBehalfOf: 'alice@example.com' }],
      findings: { 'outside-task-window': 1, 'overlong-session': 1 },
    });
    expect(agents[0]!.clients).toEqual([
      expect.objectContaining({
        userAgent: 'ReportAgent/2.0 python-httpx/0.27.0',
        class: 'http-library',
        clientIds: ['0oa8f2kq1xYz'],
        sessions: 2,
        events: 12,
      }),
    ]);
    expect(agents[1]).toMatchObject({
      sessionKinds: { own: 1 },
      requests: { judged: 6, inScope: 3, outOfScope: 3 },
      findings: { 'scope-exceeded': 1 },
    });
    expect(agents[2]).toMatchObject({
      sessionKinds: { onHumanSession: 1 },
      requests: null,
      outsideTaskWindows: null,
      findings: { 'agent-on-human-session': 1 },
    });
  });

  it('prints a table by default, and without --agents lists the agents the logs show', async () => {
    const run = await runCli(['agents', '--agents', REGISTRY, ...LOGS]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^report-agent {2}\(owner alice@example\.com; declared at .*agents\.yaml:6\)$/m);
    expect(run.stdout).toMatch(/^ {4}requests {3}6 judged: 3 in scope, 3 out of scope$/m);
    expect(run.stdout).toMatch(/^ {4}requests {3}not judged: the agent has no tasks$/m);
    const withoutRegistry = await runCli(['agents', ...LOGS]);
    expect(withoutRegistry.code).toBe(0);
    expect(withoutRegistry.stdout).not.toMatch(/^Declared agents/m);
    expect(withoutRegistry.stdout).toMatch(/^Agents seen in the logs \(\d+\)$/m);
  });
});

describe('README', () => {
  it('has a registry example that validates', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Declared agents and task scope'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example, 'README has a yaml block in "Declared agents and task scope"').toBeDefined();
    const loaded = parseConfig('README.md', example!, agentsFileSchema);
    expect(loaded.data.agents?.[0]?.name).toBe('report-agent');
  });
});
