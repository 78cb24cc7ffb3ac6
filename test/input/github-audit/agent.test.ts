import { describe, expect, it } from 'vitest';
import { githubAudit } from '../../../src/input/github-audit/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const base = { '@timestamp': 1793610000000, action: 'pull_request.create', org: 'acme', repo: 'acme/api' };
const map = (over: Record<string, unknown>) => expectEvent(githubAudit.map({ ...base, ...over }, CTX));

describe('github audit agent identity', () => {
  it('takes an agentic event for the agent acting for the person who started it, in its own session', () => {
    const e = map({ actor: 'Copilot', actor_is_agent: true, agent_session_id: '012345a6-b7c8-9012-de3f-45gh678i9012', user: 'octocat' });
    expect(e.agent).toEqual({ kind: 'own', agent: 'Copilot', onBehalfOf: 'octocat', proof: 'actor_is_agent = true' });
    expect(e).toMatchObject({ user: 'Copilot', sessionId: '012345a6-b7c8-9012-de3f-45gh678i9012' });
  });

  it('takes [bot] actors, actor_is_bot and GitHub App installation tokens for the app acting as itself', () => {
    expect(map({ actor: 'github-actions[bot]' }).agent).toEqual({
      kind: 'own',
      agent: 'github-actions[bot]',
      proof: 'actor = github-actions[bot]',
    });
    expect(map({ actor: 'deployer', actor_is_bot: 'true' }).agent).toMatchObject({ kind: 'own', proof: 'actor_is_bot = true' });
    expect(map({ actor: 'release-app', programmatic_access_type: 'GitHub App server-to-server token' }).agent).toMatchObject({
      proof: 'programmatic_access_type = GitHub App server-to-server token',
    });
  });

  it("says nothing of an agent for a person's own tokens, or actor_is_agent false", () => {
    expect(map({ actor: 'octocat', programmatic_access_type: 'Fine-grained personal access token' })).not.toHaveProperty('agent');
    expect(map({ actor: 'octocat', actor_is_agent: false, user: 'someone' })).not.toHaveProperty('agent');
    expect(map({ actor: 'octocat' }).sessionId).toBeUndefined();
  });
});
