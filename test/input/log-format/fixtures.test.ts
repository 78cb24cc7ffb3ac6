import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../../src/input/read.js';
import { FORMATS } from '../../../src/input/registry.js';
import { compileLogFormat } from '../../../src/input/log-format/index.js';
import type { NormalizedEvent } from '../../../src/model/event.js';
import { fixture, nonBlankLines, readDetected, skipsByLine, utc } from '../combined-log/helpers.js';

const SPEC = readFileSync(fixture('log-format/agent-headers/log_format.conf'), 'utf8');
const LOG = fixture('log-format/agent-headers/access.log');
/** Every secret written in the fixture: cookie, Authorization values, the query token. */
const SECRETS = ['FAKE-SESSION', 'c0ffee', 'FAKE-BEARER', 'eyJhbGci', 'Y2k6RkFLRS1QQVNTV09SRA', 'FAKE-QUERY-TOKEN', 'Bearer', 'Basic'];

describe('log-format fixture: agent-headers', () => {
  it('is detected among the registry formats (score 1 beats combined-log) and maps every header it knows', async () => {
    const format = compileLogFormat(SPEC);
    const { report, events } = await readDetected(LOG, [format, ...FORMATS]);
    expect(report.format).toBe('log-format');
    expect(events.map((e) => [e.source.line, e.action, e.status])).toEqual([
      [1, 'GET /app/dashboard', 200],
      [2, 'GET /api/projects', 200],
      [3, 'POST /api/projects/4711/files', 201],
      [4, 'POST /mcp', 200],
      [5, 'POST /mcp', 401],
    ]);
    const [browser, withToken, agent, mcp, basic] = events as [NormalizedEvent, NormalizedEvent, NormalizedEvent, NormalizedEvent, NormalizedEvent];
    expect(browser).toMatchObject({ time: utc('2026-03-03T09:00:01Z'), ip: '198.51.100.23', tokenId: undefined, clientHint: undefined });
    expect(browser.sessionId).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(withToken.sessionId).toBe(browser.sessionId);
    expect(withToken.tokenId).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(agent).toMatchObject({ sessionId: browser.sessionId, tokenId: withToken.tokenId, clientHint: { app: 'https://chatgpt.com' } });
    expect(agent.userAgent).toContain('ChatGPT-User/1.0');
    expect(mcp).toMatchObject({ sessionId: 'mcp-sess-1f2e3d4c5b6a', ip: '203.0.113.77', userAgent: 'node' });
    expect(mcp.tokenId).toMatch(/^sha256:/);
    expect(mcp.tokenId).not.toBe(withToken.tokenId);
    expect(basic).toMatchObject({ user: 'ci', sessionId: undefined, outcome: 'failure' });
    expect(basic.tokenId).toMatch(/^sha256:/);

    expect(skipsByLine(report)).toEqual({
      6: 'request line is not METHOD PATH PROTOCOL: "\\x16\\x03\\x01\\x02\\x00\\x01"',
      7: 'line does not match the --log-format: "192.0.2.66 - - [03/Mar/2026:09:06:01 +00…"',
      8: 'no readable time ($time_local: "31/Foo/2026:09:06:02 +0000")',
    });
    expect(events.length + report.skipped).toBe(nonBlankLines(LOG));
  });

  it('never lets a credential or query string into an event', async () => {
    const { events } = await readDetected(LOG, [compileLogFormat(SPEC)]);
    const shown = JSON.stringify(events);
    for (const secret of SECRETS) expect(shown).not.toContain(secret);
    for (const e of events) expect(e.path).not.toMatch(/[?#]/);
  });

  it('reads the same when forced', async () => {
    const format = compileLogFormat(SPEC);
    const events: NormalizedEvent[] = [];
    const report = await readInput({ path: LOG, explicit: true }, { formats: FORMATS, forced: format, onEvent: (e) => events.push(e) });
    expect(report).toMatchObject({ format: 'log-format', events: 5, skipped: 3 });
  });
});
