import { describe, expect, it } from 'vitest';
import type { AgentEvidence, NormalizedEvent } from '../../src/model/event.js';
import { agentOnHumanSession } from '../../src/rules/agent-on-human-session.js';
import { agentSignedInAsPerson } from '../../src/rules/agent-signed-in-as-person.js';
import { ev, hits, min, request, signIn, UA } from './build.js';

const IP = '198.51.100.7';
const delegation: AgentEvidence = {
  kind: 'delegated',
  agent: 'report-agent',
  onBehalfOf: 'bob@example.com',
  proof: 'claims.act.sub = report-agent',
};
const own: AgentEvidence = { kind: 'own', agent: 'agent-42', proof: 'properties.agent.agentType = agenticAppInstance' };
const present: AgentEvidence = { kind: 'present', agent: 'Browser Use', proof: 'ai_agent.name = Browser Use' };
const notAgentic: AgentEvidence = { kind: 'not-agent', proof: 'properties.agent.agentType = notAgentic' };

function withAgent(event: NormalizedEvent, agent: AgentEvidence): NormalizedEvent {
  return { ...event, agent };
}

describe('agent identity from the identity provider or token (authoritative over the user agent)', () => {
  it("stays quiet for an agent acting through a delegation token, even on the person's session id and IP", () => {
    const found = hits(agentOnHumanSession, [
      signIn('s1', 'bob@example.com', UA.chromeMac, IP),
      withAgent(request('s1', UA.pythonRequests, IP, min(10)), delegation),
      withAgent(request('s1', UA.pythonRequests, IP, min(11)), delegation),
    ]);
    expect(found).toEqual([]);
  });

  it('stays quiet for an agent acting through its own identity on a shared session id', () => {
    expect(
      hits(agentOnHumanSession, [
        signIn('s1', 'bob@example.com', UA.chromeMac, IP),
        withAgent(request('s1', UA.claudeCli, IP, min(5)), own),
      ]),
    ).toEqual([]);
  });

  it("still reports the same user agent's calls that carried no delegation, apart from the delegated ones", () => {
    const found = hits(agentOnHumanSession, [
      signIn('s1', 'bob@example.com', UA.chromeMac, IP),
      withAgent(request('s1', UA.pythonRequests, IP, min(10)), delegation),
      request('s1', UA.pythonRequests, IP, min(20)),
      request('s1', UA.pythonRequests, IP, min(21)),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.count).toBe(2);
    expect(found[0]!.client.identity.authority).toBeUndefined();
  });

  it("takes an agent the log names on a person's session for an agent, whatever browser user agent it sends", () => {
    const found = hits(agentOnHumanSession, [
      signIn('s1', 'bob@example.com', UA.chromeMac, IP),
      request('s1', UA.chromeMac, IP, min(1)),
      withAgent(request('s1', UA.chromeMac, IP, min(30)), present),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.client.identity.class).toBe('ai-agent');
    expect(found[0]!.client.identity.family).toBe('Browser Use');
    expect(found[0]!.client.identity.authority?.proof).toBe('ai_agent.name = Browser Use');
  });

  it('takes a browser whose Sec-CH-UA-Platform contradicts its user agent for a program posing as the person', () => {
    const found = hits(agentOnHumanSession, [
      signIn('s1', 'bob@example.com', UA.chromeMac, IP),
      { ...request('s1', UA.chromeWin, IP, min(30)), headers: { platformHint: 'Linux' } },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.client.identity.contradiction).toMatch(/Linux.*contradicts.*Windows/);
  });

  it('keeps a browser whose client hints agree with it, or only say Linux for Android, a person', () => {
    expect(
      hits(agentOnHumanSession, [
        signIn('s1', 'bob@example.com', UA.chromeMac, IP),
        { ...request('s1', UA.chromeMac, IP, min(2)), headers: { platformHint: 'macOS' } },
        {
          ...request(
            's1',
            'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36',
            IP,
            min(3),
          ),
          headers: { platformHint: 'Linux' },
        },
      ]),
    ).toEqual([]);
  });

  it('takes a request signed with Web Bot Auth for the agent its Signature-Agent names', () => {
    const found = hits(agentOnHumanSession, [
      signIn('s1', 'bob@example.com', UA.chromeMac, IP),
      { ...request('s1', UA.chromeMac, IP, min(30)), headers: { signatureAgent: '"https://chatgpt.com"', webBotAuth: true } },
    ]);
    expect(found.map((h) => h.client.identity.family)).toEqual(['chatgpt.com']);
  });

  it('takes MCP and LLM-SDK request headers for an agent', () => {
    const found = hits(agentOnHumanSession, [
      signIn('s1', 'bob@example.com', UA.chromeMac, IP),
      { ...request('s1', 'node', IP, min(30)), headers: { mcpMethod: 'tools/call', mcpName: 'search_tickets' } },
      { ...request('s1', 'node', IP, min(31)), headers: { stainlessLang: 'js', stainlessVersion: '5.1.0' } },
    ]);
    expect(found.map((h) => h.client.identity.family).sort()).toEqual(['LLM SDK (js)', 'MCP client']);
  });
});

describe('agent-signed-in-as-person', () => {
  it("fires when an AI agent completes an interactive sign-in as a person, citing the identity provider's notAgentic", () => {
    const found = hits(agentSignedInAsPerson, [
      withAgent(signIn('s1', 'bob@example.com', UA.claudeCli, IP), notAgentic),
      request('s1', UA.claudeCli, IP, min(3)),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.reason).toMatch(/notAgentic/);
    expect(found[0]!.evidence[0]!.summary).toMatch(/user.session.start/);
    expect(found[0]!.details.identityProviderSays).toBe('properties.agent.agentType = notAgentic');
  });

  it('fires for a headless browser logging in as a person without any identity-provider verdict', () => {
    expect(hits(agentSignedInAsPerson, [signIn('s1', 'bob@example.com', UA.headless, IP)])).toHaveLength(1);
  });

  it("stays quiet for browsers, CLIs, HTTP libraries, failed and non-interactive sign-ins, and an agent identity's own sign-in", () => {
    const failed = { ...signIn('s5', 'bob@example.com', UA.claudeCli, IP), outcome: 'failure' as const };
    const background = { ...signIn('s6', 'bob@example.com', UA.claudeCli, IP), interactive: false };
    expect(
      hits(agentSignedInAsPerson, [
        signIn('s1', 'bob@example.com', UA.chromeMac, IP),
        signIn('s2', 'bob@example.com', 'azsdk-python-identity/1.19.0 Python/3.12.3 (Linux-6.8.0-x86_64-with-glibc2.39)', IP),
        signIn('s3', 'bob@example.com', UA.pythonRequests, IP),
        withAgent(signIn('s4', 'agent-42@example.com', UA.claudeCli, IP), own),
        failed,
        background,
      ]),
    ).toEqual([]);
  });

  it('ignores the sign-in of a session with no user', () => {
    expect(
      hits(agentSignedInAsPerson, [
        ev({ time: min(0), kind: 'signin', action: 'x', interactive: true, sessionId: 'anon', userAgent: UA.claudeCli }),
      ]),
    ).toEqual([]);
  });
});
