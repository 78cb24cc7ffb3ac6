import { describe, expect, it } from 'vitest';
import { fixture } from '../input/map-helpers.js';
import { runCli } from './run-cli.js';

/**
 * Each behaviour of agent identity, end to end through `borrowscan scan --format json`: the delegation or agent
 * identity done right (quiet, and listed in the report's observed agents with what proves it) beside the borrowed
 * session (found). The fixtures' READMEs say what each line is.
 */

interface Finding {
  rule: string;
  severity: string;
  user: string | null;
  session: string;
  client: { userAgent: string | null; class: string };
  details: Record<string, unknown>;
  corroboratedBy?: { signal: string; detail?: string; line: number }[];
}
interface Observed {
  name: string;
  acted: Record<string, number>;
  proof: string[];
  people: string[];
}
interface Report {
  summary: { skipped: number };
  findings: Finding[];
  observedAgents: Observed[];
}

async function scan(...args: string[]): Promise<Report> {
  const run = await runCli(['scan', ...args, '--format', 'json']);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as Report;
  expect(report.summary.skipped).toBe(0);
  expect(run.code).toBe(report.findings.length > 0 ? 1 : 0);
  return report;
}

const rules = (r: Report) => r.findings.map((f) => [f.rule, f.severity, f.user]);
const agent = (r: Report, name: string) => r.observedAgents.find((a) => a.name === name);
const SIGN_INS = fixture('okta/web-sign-ins/system-log.ndjson');

describe('agent identity fixture pairs, through the JSON report', () => {
  it("okta: an ID-JAG grant on the person's session and IP is a delegation; the same client without one is found, with ITP's word", async () => {
    const quiet = await scan(fixture('okta/agent-id-jag/done-right.ndjson'));
    expect(quiet.findings).toEqual([]);
    expect(agent(quiet, 'Sales Agent')).toMatchObject({
      acted: { delegated: 1 },
      people: ['alice@example.com'],
      proof: ['eventType = app.oauth2.token.grant.id_jag'],
    });

    const found = await scan(fixture('okta/agent-id-jag/borrowed.ndjson'));
    expect(rules(found)).toEqual([['agent-on-human-session', 'critical', 'bob@example.com']]);
    expect(found.findings[0]!.corroboratedBy).toEqual([
      expect.objectContaining({
        signal: 'user.session.context.change',
        detail: 'ipAddress.change; PreviousIpAddress 192.0.2.44 -> NewIpAddress 203.0.113.80',
        line: 3,
      }),
    ]);
  });

  it('entra: agent identities signing in for a person or as themselves are quiet; notAgentic beside an agent is found', async () => {
    const quiet = await scan(fixture('entra-signin/agent-id/done-right.ndjson'));
    expect(quiet.findings).toEqual([]);
    expect(agent(quiet, 'report-agent-instance')).toMatchObject({ acted: { delegated: 1 }, people: ['alice@example.com'] });
    expect(agent(quiet, 'coder-agent-instance')).toMatchObject({
      acted: { ownIdentity: 1 },
      proof: ['properties.agent.agentType = agenticAppInstance'],
    });

    const found = await scan(fixture('entra-signin/agent-id/borrowed.ndjson'));
    expect(rules(found)).toEqual([
      ['agent-on-human-session', 'critical', 'bob@example.com'],
      ['agent-signed-in-as-person', 'high', 'carol@example.com'],
    ]);
    expect(found.findings[0]!.corroboratedBy?.map((c) => c.signal)).toEqual(['anomalousToken', 'tokenProtection: unbound']);
    expect(found.findings[1]!.details.identityProviderSays).toBe('properties.agent.agentType = notAgentic');
  });

  it("access log: an act claim is a delegation on the person's session; the same client with the person's own token is found", async () => {
    const quiet = await scan(SIGN_INS, fixture('access-log/agent-claims/done-right.jsonl'));
    expect(quiet.findings).toEqual([]);
    expect(agent(quiet, 'report-agent')).toMatchObject({
      acted: { delegated: 1 },
      people: ['alice@example.com'],
      proof: ['claims.act.sub = report-agent; claims.act.sub_profile = ai_agent'],
    });
    expect(rules(await scan(SIGN_INS, fixture('access-log/agent-claims/borrowed.jsonl')))).toEqual([
      ['agent-on-human-session', 'critical', 'bob@example.com'],
    ]);
  });

  it("access log: MCP, Web Bot Auth, X-Stainless and contradicting client hints make a client an agent on the person's session", async () => {
    const quiet = await scan(SIGN_INS, fixture('access-log/agent-headers/done-right.jsonl'));
    expect(quiet.findings).toEqual([]);
    expect(agent(quiet, 'ticket-agent')).toMatchObject({ acted: { delegated: 1 }, people: ['carol@example.com'] });

    const found = await scan(SIGN_INS, fixture('access-log/agent-headers/borrowed.jsonl'));
    expect(found.findings.map((f) => [f.rule, f.user, f.client.class])).toEqual([
      ['agent-on-human-session', 'dan@example.com', 'ai-agent'],
      ['agent-on-human-session', 'dan@example.com', 'browser'],
      ['agent-on-human-session', 'dan@example.com', 'ai-agent'],
      ['agent-on-human-session', 'dan@example.com', 'ai-agent'],
    ]);
    expect(found.observedAgents.map((a) => a.name).sort()).toEqual(['LLM SDK (js)', 'MCP client', 'chatgpt.com']);
  });

  it("api gateway: an authorizer act claim is a delegation; the person's own token in a script is found", async () => {
    const quiet = await scan(SIGN_INS, fixture('api-gateway/authorizer-act/done-right.ndjson'));
    expect(quiet.findings).toEqual([]);
    expect(agent(quiet, 'order-bot')).toMatchObject({ acted: { delegated: 1 }, people: ['erin@example.com'] });
    expect(rules(await scan(SIGN_INS, fixture('api-gateway/authorizer-act/borrowed.ndjson')))).toEqual([
      ['agent-on-human-session', 'high', 'frank@example.com'],
    ]);
  });

  it("auth0: an agent's on-behalf-of and Token Vault exchanges are delegations; a script silently authenticating on the session is found", async () => {
    const quiet = await scan(fixture('auth0/agent-exchange/done-right.ndjson'));
    expect(quiet.findings).toEqual([]);
    expect(agent(quiet, 'agt_8Kq2ReportAgent')).toMatchObject({
      acted: { delegated: 1 },
      people: ['alice@example.com'],
      proof: ['agent_id = agt_8Kq2ReportAgent; external_agent_id = registry:report-agent'],
    });
    expect(agent(quiet, 'Report Agent')).toMatchObject({ acted: { delegated: 1 }, proof: ['type = seta'] });
    expect(rules(await scan(fixture('auth0/agent-exchange/borrowed.ndjson')))).toEqual([
      ['agent-on-human-session', 'critical', 'bob@example.com'],
    ]);
  });

  it('github: an agent and a bot acting as themselves are quiet; a headless browser signing in as a person is found', async () => {
    const quiet = await scan(fixture('github-audit/agent-session/done-right.ndjson'));
    expect(quiet.findings).toEqual([]);
    expect(agent(quiet, 'Copilot')).toMatchObject({ acted: { ownIdentity: 2 }, people: ['octocat'], proof: ['actor_is_agent = true'] });
    expect(agent(quiet, 'github-actions[bot]')).toMatchObject({ acted: { ownIdentity: 1 } });
    expect(rules(await scan(fixture('github-audit/agent-session/borrowed.ndjson')))).toEqual([
      ['agent-signed-in-as-person', 'high', 'hubot-user'],
    ]);
  });

  it("ocsf: ai_agent under a delegation is quiet; ai_agent on a person's session is found, the logon joined by session.uid", async () => {
    const quiet = await scan(fixture('ocsf/ai-agent/done-right.ndjson'));
    expect(quiet.findings).toEqual([]);
    expect(agent(quiet, 'Research Agent')).toMatchObject({ acted: { delegated: 1 }, people: ['erin@example.com'] });
    const found = await scan(fixture('ocsf/ai-agent/borrowed.ndjson'));
    expect(rules(found)).toEqual([['agent-on-human-session', 'high', 'frank@example.com']]);
    expect(found.findings[0]!.session).toBe('oc-sess-frank-01');
  });

  it('cloudtrail: an AgentCore workload token for the person is a delegation; MCP calls on the console key are found', async () => {
    const quiet = await scan(fixture('cloudtrail/agentcore/done-right.ndjson'));
    expect(quiet.findings).toEqual([]);
    expect(agent(quiet, 'ticket-agent')).toMatchObject({ acted: { delegated: 1 }, people: ['alice'] });
    const found = await scan(fixture('cloudtrail/agentcore/borrowed.ndjson'));
    expect(found.findings.map((f) => [f.rule, f.severity, f.session, f.client.class])).toEqual([
      ['agent-on-human-session', 'critical', 'ASIAEXAMPLECONSOLE12', 'ai-agent'],
    ]);
  });

  it('agents.yaml: mcp: patterns allow the tools a task names and report the others', async () => {
    const dir = 'agents/mcp-scope';
    const registry = ['--agents', fixture(`${dir}/agents.yaml`), fixture(`${dir}/okta-system-log.ndjson`)];
    expect((await scan(...registry, fixture(`${dir}/in-scope.jsonl`))).findings).toEqual([]);
    const found = await scan(...registry, fixture(`${dir}/out-of-scope.jsonl`));
    expect(found.findings.map((f) => [f.rule, f.severity, f.details.operations])).toEqual([
      ['scope-exceeded', 'high', ['mcp:close_ticket', 'mcp:delete_ticket']],
    ]);
  });
});
