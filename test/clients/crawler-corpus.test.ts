import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyClient } from '../../src/clients/classify.js';
import { oktaEvent, CHROME_MAC } from '../cli/okta-lines.js';
import { runCli } from '../cli/run-cli.js';

/** A peer's list of 2,116 example user agents of bots, crawlers, libraries and tools (MIT), next to the repository. */
const LIST = fileURLToPath(new URL('../../../shared/reference/crawler-user-agents.json', import.meta.url));
const haveList = existsSync(LIST);
if (!haveList) console.warn(`crawler-user-agents.json not found at ${LIST}: skipping the crawler-list tests`);

/**
 * Entries of the list that are a person's app, not a robot: an in-app browser's WebView, which the list files under
 * the scraper that copies it (80legs) and under a link-preview fetcher. borrowscan keeps them native apps.
 */
const PEOPLES_APPS = new Set([
  'Mozilla/5.0 (Linux; Android 15; CPH2557 Build/AP3A.240617.008; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/142.0.7444.142 Mobile Safari/537.36 Instagram 406.0.0.58.159 Android (35/15; 480dpi; 1080x2400; OPPO; CPH2557; OP573DL1; mt6833; en_MY; 822918295; IABMV/1) NV/1',
  'Mozilla/5.0 (Linux; Android 16; Pixel 10 Pro XL Build/CP1A.260305.018; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/146.0.7680.174 Mobile Safari/537.36 MetaIAB Facebook',
]);

const instances = (): string[] => (JSON.parse(readFileSync(LIST, 'utf8')) as { instances: string[] }[]).flatMap((entry) => entry.instances);

const list = (uas: string[]) => uas.map((ua) => `  ${ua}`).join('\n');

describe.skipIf(!haveList)("crawler-user-agents.json (a peer's list of robots and tools)", () => {
  it('classifies none of its entries as a browser or a native app, but the two in-app WebViews it holds', () => {
    const human = instances().filter((ua) => ['browser', 'native-app'].includes(classifyClient(ua).class));
    expect(
      human.filter((ua) => !PEOPLES_APPS.has(ua)),
      `classified as a person's client:\n${list(human)}`,
    ).toEqual([]);
    expect(
      [...PEOPLES_APPS].every((ua) => instances().includes(ua)),
      'the exceptions are entries of the list',
    ).toBe(true);
  });

  it("raises a finding for at least 99% of its entries when each rides a person's browser session", async () => {
    const uas = instances();
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-crawlers-'));
    const okta: string[] = [];
    const access: string[] = [];
    uas.forEach((ua, i) => {
      const session = `102crawler${i}`;
      okta.push(
        JSON.stringify(
          oktaEvent({
            published: '2026-11-02T09:00:00.000Z',
            eventType: 'user.session.start',
            user: 'bob@example.com',
            session,
            ua: CHROME_MAC,
            ip: '198.51.100.7',
          }),
        ),
      );
      access.push(
        JSON.stringify({
          timestamp: '2026-11-02T09:30:00.000Z',
          'session.id': session,
          'enduser.id': 'bob@example.com',
          'user_agent.original': ua,
          'http.request.method': 'GET',
          'url.path': '/api/records',
          'http.response.status_code': 200,
          'client.address': '198.51.100.7',
        }),
      );
    });
    writeFileSync(join(dir, 'okta.ndjson'), okta.join('\n'));
    writeFileSync(join(dir, 'access.ndjson'), access.join('\n'));

    const run = await runCli(['scan', dir, '--format', 'json', '--fail-on', 'none']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: { session: string }[] };
    const found = new Set(report.findings.map((f) => f.session));
    const missed = uas.filter((_ua, i) => !found.has(`102crawler${i}`));
    const share = 1 - missed.length / uas.length;
    expect(share, `${missed.length} of ${uas.length} raise no finding:\n${list(missed)}`).toBeGreaterThanOrEqual(0.99);
  });
});
