import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { readInput } from '../../src/input/read.js';
import { FORMATS } from '../../src/input/registry.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { AUTOMATION_CLASSES } from '../../src/model/client.js';
import { classifyClient } from '../../src/clients/classify.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Every identity-provider format, with a fixture folder that holds a person's interactive sign-in. */
const IDP_FIXTURES: [format: string, folder: string][] = [
  ['okta', 'okta/array-pretty'],
  ['entra-signin', 'entra-signin/graph-value'],
  ['entra-signin-csv', 'entra-signin-csv/user-signins'],
  ['google-workspace', 'google-workspace/api-page'],
  ['auth0', 'auth0/log-streams'],
  ['github-audit', 'github-audit/stream-ndjson'],
  ['cloudtrail', 'cloudtrail/console-session-reused'],
  ['ocsf', 'ocsf/security-lake-cloudtrail'],
];

async function humanSignIns(folder: string): Promise<NormalizedEvent[]> {
  const events: NormalizedEvent[] = [];
  const dir = join(FIXTURES, folder);
  for (const name of readdirSync(dir)
    .filter((n) => !n.endsWith('.md'))
    .sort()) {
    await readInput({ path: join(dir, name), explicit: true }, { formats: FORMATS, onEvent: (e) => events.push(e) });
  }
  return events.filter(
    (e) =>
      e.kind === 'signin' &&
      e.outcome === 'success' &&
      e.interactive === true &&
      e.user !== undefined &&
      e.ip !== undefined &&
      !AUTOMATION_CLASSES.has(classifyClient(e.userAgent, e.clientHint).class),
  );
}

/** An API access log in which python-requests rides on the sign-in's session, by the strongest key the IdP gave. */
function agentAccessLog(signIn: NormalizedEvent): { lines: string; expected: string } {
  const base = { 'user_agent.original': 'python-requests/2.32.3', 'http.request.method': 'GET', 'http.response.status_code': 200 };
  const join = signIn.sessionId
    ? { key: { 'session.id': signIn.sessionId }, expected: 'session-id' }
    : signIn.tokenId
      ? { key: { jti: signIn.tokenId }, expected: 'token-id' }
      : { key: { 'enduser.id': signIn.user, 'client.address': signIn.ip }, expected: 'user-ip-time' };
  const lines = [1, 2, 3].map((i) =>
    JSON.stringify({
      timestamp: new Date(signIn.time + i * 60_000).toISOString(),
      ...base,
      'url.path': `/api/records/${i}`,
      'client.address': '203.0.113.200',
      ...join.key,
    }),
  );
  return { lines: `${lines.join('\n')}\n`, expected: join.expected };
}

describe('joining identity-provider sessions to access logs', () => {
  it.each(IDP_FIXTURES)('%s: finds an agent riding on a human session across sources', async (format, folder) => {
    const signIns = (await humanSignIns(folder)).filter((e) => e.format === format);
    expect(signIns.length, `${folder} has an interactive human sign-in`).toBeGreaterThan(0);
    const signIn = signIns[0]!;
    const { lines, expected } = agentAccessLog(signIn);
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-join-'));
    const accessLog = join(dir, 'api-access.jsonl');
    writeFileSync(accessLog, lines);
    const result = await scan({ paths: [join(FIXTURES, folder), accessLog] });
    const found = [...result.findings].filter(
      (f) => f.rule === 'agent-on-human-session' && f.client.userAgent === 'python-requests/2.32.3',
    );
    expect(found.map((f) => [f.user?.toLowerCase(), f.correlation])).toEqual([[signIn.user!.toLowerCase(), expected]]);
    expect(found[0]!.evidence.some((e) => e.file === accessLog)).toBe(true);
  });
});
