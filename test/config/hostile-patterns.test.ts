import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedBy, loadAgentRegistry } from '../../src/config/agents.js';
import { loadSuppressions } from '../../src/config/suppressions.js';
import { finding } from '../helpers/finding.js';

/**
 * The loaders wire every user pattern to the linear matchers: with these patterns and inputs, the regexes they
 * replaced take O(n^20) steps (`.*a` twenty times over 50,000 characters) and would not finish before the test
 * timeout; the linear matchers answer in milliseconds. (glob.test.ts and path-glob.test.ts count the steps.)
 */

const STARS = `${'*a'.repeat(20)}*b`;
const LONG = 'a'.repeat(50_000);

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'borrowscan-hostile-')), name);
  writeFileSync(path, text);
  return path;
}

describe('hostile patterns in the config files answer at once', () => {
  it('agents.yaml: userAgents, ignore.userAgents, and allow paths, source:name, app:Name and mcp:name', async () => {
    const registry = await loadAgentRegistry(
      file(
        'agents.yaml',
        `agents:
  - name: a
    owner: o@example.com
    userAgents: ["${STARS}"]
    tasks:
      - name: t
        start: 2026-11-02T10:00:00Z
        end: 2026-11-02T11:00:00Z
        allow:
          - "GET /**/**/**/**/**/**/**/**/**/**/**/**/c"
          - "GET ${'/**/a'.repeat(12)}/**/b"
          - "s3.amazonaws.com:${STARS}"
          - "app:${STARS}"
          - "mcp:${STARS}"
ignore:
  userAgents: ["${STARS}"]
`,
      ),
    );
    expect(registry.matchAgent({ userAgent: LONG })).toBeUndefined();
    expect(registry.matchAgent({ userAgent: `${LONG}b` })?.name).toBe('a');
    expect(registry.isIgnored(LONG)).toBe(false);
    expect(registry.isIgnored(`${LONG}b`)).toBe(true);

    const tasks = registry.agents[0]!.tasks;
    const segments = `/${Array(2_000).fill('a').join('/')}`;
    expect(allowedBy(tasks, { kind: 'http', method: 'GET', path: segments })).toBeUndefined();
    expect(allowedBy(tasks, { kind: 'http', method: 'GET', path: `${segments}/c` })?.name).toBe('t');
    expect(allowedBy(tasks, { kind: 'operation', name: `s3.amazonaws.com:${LONG}` })).toBeUndefined();
    expect(allowedBy(tasks, { kind: 'app', name: LONG })).toBeUndefined();
    expect(allowedBy(tasks, { kind: 'app', name: `${LONG}B` })?.name).toBe('t');
    expect(allowedBy(tasks, { kind: 'mcp', name: LONG, method: 'POST', path: '/mcp' })).toBeUndefined();
    expect(allowedBy(tasks, { kind: 'mcp', name: `${LONG}B`, method: 'POST', path: '/mcp' })?.name).toBe('t');
  });

  it('the ignore file: user, session and userAgent globs', async () => {
    const [byUser, bySession, byAgent] = await loadSuppressions(
      file(
        '.borrowscan-ignore.yaml',
        `suppressions:
  - { rule: agent-on-human-session, user: "${STARS}", reason: r }
  - { rule: agent-on-human-session, session: "${STARS}", reason: r }
  - { rule: agent-on-human-session, userAgent: "${STARS}", reason: r }
`,
      ),
      ['agent-on-human-session'],
    );
    const hostile = finding({ user: LONG, session: LONG, client: { userAgent: LONG, class: 'cli', ip: null } });
    expect([byUser!.matches(hostile), bySession!.matches(hostile), byAgent!.matches(hostile)]).toEqual([false, false, false]);
    const matching = finding({ user: `${LONG}b`, session: `${LONG}b`, client: { userAgent: `${LONG}b`, class: 'cli', ip: null } });
    expect([byUser!.matches(matching), bySession!.matches(matching), byAgent!.matches(matching)]).toEqual([true, true, true]);
  });
});
