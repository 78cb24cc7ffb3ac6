import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlReporter } from '../../src/report/html.js';
import { HTML_STYLE } from '../../src/report/html-style.js';
import { runCli } from '../cli/run-cli.js';
import { finding } from '../helpers/finding.js';
import { writeInjectionFixture } from './injection-fixture.js';
import { render } from './render.js';
import { manyFindings, scanResult } from './scan-result.js';

/** Every start tag of the document with its attributes, as the HTML tokenizer would cut them. */
function tags(doc: string): string[] {
  return doc.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

describe('HTML report of hostile logs', () => {
  let doc = '';
  let findings = 0;

  beforeAll(async () => {
    const dir = writeInjectionFixture();
    const files = readdirSync(dir).map((f) => join(dir, f));
    const run = await runCli(['scan', ...files, '--format', 'html']);
    expect(run.stderr).toBe('');
    doc = run.stdout;
    const json = await runCli(['scan', ...files, '--format', 'json']);
    findings = JSON.parse(json.stdout).findings.length;
    expect(findings).toBe(2);
  });

  it('writes no script element, event-handler attribute, URL or style attribute from any log field', () => {
    expect(doc).not.toMatch(/<script/i);
    for (const tag of tags(doc)) {
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/\s(href|src|srcset|action|formaction|xlink:href|style)\s*=/i);
    }
    expect(tags(doc).some((t) => /^<(img|iframe|a|svg onload|object|embed)\b/i.test(t) && !t.startsWith('<svg class="timeline"'))).toBe(
      false,
    );
  });

  it('shows each hostile value as text, escaped, where a reader looks for it', () => {
    expect(doc).toContain('&lt;script&gt;alert(&quot;user&quot;)&lt;/script&gt;');
    expect(doc).toContain('&lt;iframe src=javascript:alert(6)&gt;');
    expect(doc).toContain('&quot; onmouseover=&quot;alert(4)&quot;');
    expect(doc).toContain('&lt;img src=x onerror=alert(7)&gt;.jsonl');
  });

  it('makes bidirectional overrides and isolates visible instead of letting them reorder the text', () => {
    expect(doc).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(doc).toContain('\\u202ecod.exe');
    expect(doc).toContain('\\u2066');
    // In the user name and the request path too.
    expect(doc).toContain('&lt;img src=x onerror=alert(1)&gt;\\u202e@example.com');
    expect(doc).toContain('/\\u2067x');
  });

  it('draws one timeline per finding, with one lane per client of the session', () => {
    expect(doc.match(/<figure class="timeline-figure">/g)).toHaveLength(findings);
    const lanes = doc.match(/<g class="lane [^"]*" data-lane="\d+">/g) ?? [];
    expect(lanes).toHaveLength(findings * 3);
    expect(doc.match(/class="lane role-[a-z-]+ focus"/g)).toHaveLength(findings);
  });

  it('forbids every request and script with a Content-Security-Policy that allows only its own style sheet', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(doc)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(doc)![1]!;
    expect(style).toBe(HTML_STYLE);
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(doc.match(/<style>/g)).toHaveLength(1);
  });
});

describe('HTML report contents', () => {
  it('says what was scanned: files, formats, events, skipped lines with reasons and coverage gaps', async () => {
    const result = scanResult([finding()], {
      inputs: [
        {
          path: 'okta.json',
          format: 'okta',
          events: 10,
          skipped: 1,
          errors: [{ line: 7, reason: 'invalid JSON: <eof>' }],
          errorsNotListed: 0,
          gaps: ['no session id: joined by user, IP and time'],
        },
        { path: 'notes.txt', format: null, events: 0, skipped: 0, errors: [], errorsNotListed: 0, notRead: 'no known log', gaps: [] },
      ],
    });
    const doc = await render(htmlReporter, result);
    expect(doc).toContain('okta.json:7</td><td>invalid JSON: &lt;eof&gt;');
    expect(doc).toContain('no session id: joined by user, IP and time');
    expect(doc).toContain('not read: no known log');
  });

  it('counts findings by severity and by rule', async () => {
    const doc = await render(htmlReporter, scanResult(manyFindings(6)));
    expect(doc).toMatch(/<td class="mono">agent-on-human-session<\/td>(<td class="num">\d+<\/td>){5}<\/tr>/);
    expect(doc).toContain('<tr><th>all rules</th><th class="num">2</th><th class="num">4</th>');
  });

  it('shows known and suppressed findings in sections of their own', async () => {
    const doc = await render(
      htmlReporter,
      scanResult([
        finding({ id: 'bs-1', status: 'new' }),
        finding({ id: 'bs-2', status: 'known' }),
        finding({
          id: 'bs-3',
          status: 'suppressed',
          suppression: { reason: 'QA <tests>', owner: null, expires: null, file: '.borrowscan-ignore.yaml', line: 4 },
        }),
      ]),
    );
    const section = (id: string) => new RegExp(`<section id="${id}">[\\s\\S]*?</section>`).exec(doc)?.[0] ?? '';
    expect(section('new')).toContain('bs-1');
    expect(section('known')).toContain('bs-2');
    expect(section('known')).not.toContain('bs-1');
    expect(section('suppressed')).toContain('QA &lt;tests&gt;');
  });

  it('draws the first --html-timelines timelines in full and lists the rest', async () => {
    const findings = manyFindings(5);
    const timeline = {
      session: 's',
      user: null,
      correlation: 'session-id' as const,
      firstSeen: '2026-11-02T09:00:00.000Z',
      lastSeen: '2026-11-02T10:00:00.000Z',
      signIn: null,
      signOut: null,
      lanesNotShown: 0,
      taskWindows: [],
      focus: 0,
      lanes: [
        {
          label: 'curl',
          userAgent: 'curl/8',
          class: 'cli' as const,
          role: 'automation' as const,
          agent: null,
          firstSeen: '2026-11-02T09:00:00.000Z',
          lastSeen: '2026-11-02T10:00:00.000Z',
          count: 2,
          signIn: null,
          networks: [],
          ips: [],
          evidence: [],
          buckets: { start: '2026-11-02T08:59:28.000Z', widthMs: 128_000, counts: [1, 0, 1] },
        },
      ],
    };
    const result = scanResult(findings, { timelines: { forFinding: () => timeline, forSession: () => timeline } });
    const doc = await render(htmlReporter, result, { color: false, htmlTimelines: 2 });
    expect(doc.match(/<figure class="timeline-figure">/g)).toHaveLength(2);
    expect(doc.match(/<tr id="finding-\d+"/g)).toHaveLength(3);
    expect(doc).toContain('Listed without a timeline');
    const all = await render(htmlReporter, result, { color: false, htmlTimelines: 0 });
    expect(all.match(/<figure class="timeline-figure">/g)).toHaveLength(5);
  });

  it('is the same text for the same input', async () => {
    const result = () => scanResult(manyFindings(3));
    expect(await render(htmlReporter, result())).toBe(await render(htmlReporter, result()));
  });
});
