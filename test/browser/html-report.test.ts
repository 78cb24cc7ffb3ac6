/// <reference lib="dom" />
// The page.evaluate callbacks run in the browser: DOM types for them.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { writeInjectionFixture } from '../report/injection-fixture.js';
import { HAS_CHROMIUM, launchChromium } from './chromium.js';

interface Opened {
  console: string[];
  requests: string[];
  figures: number;
  lanesPerFigure: number[];
  injected: string[];
  title: string;
  screenshot: Buffer;
}

/** Scans `paths` into an HTML file and the JSON report; what the JSON says each finding's timeline holds. */
async function reportOf(paths: string[]): Promise<{ file: string; lanes: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bs-browser-'));
  const file = join(dir, 'report.html');
  const json = join(dir, 'report.json');
  await runCli(['scan', ...paths, '-q', '--format', 'table', '-o', '/dev/null', '--html', file, '--json', json]);
  const findings = JSON.parse(readFileSync(json, 'utf8')).findings as { timeline: { lanes: unknown[] } }[];
  return { file, lanes: findings.map((f) => f.timeline.lanes.length) };
}

/** Opens a report file in Chromium: every console message and request, what the page shows, and a screenshot. */
async function open(browser: Browser, file: string): Promise<Opened> {
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const seen: Opened = { console: [], requests: [], figures: 0, lanesPerFigure: [], injected: [], title: '', screenshot: Buffer.alloc(0) };
  page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => seen.console.push(`pageerror: ${e.message}`));
  // Every request the page makes (one the CSP blocks included), besides the file itself; none may leave.
  page.on('request', (r) => {
    if (r.url() !== url) seen.requests.push(r.url());
  });
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url, { waitUntil: 'load' });
  seen.figures = await page.locator('figure.timeline-figure').count();
  seen.lanesPerFigure = await page.$$eval('figure.timeline-figure', (figs) => figs.map((f) => f.querySelectorAll('g.lane').length));
  seen.injected = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(
      document.querySelectorAll('script, iframe, img, object, embed, a, form, link, base, meta[http-equiv="refresh"]'),
    )) {
      found.push(el.tagName);
    }
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name) || /^(href|src|xlink:href|style|action|formaction)$/i.test(attr.name))
          found.push(`${el.tagName}[${attr.name}]`);
      }
    }
    return found;
  });
  seen.title = await page.title();
  seen.screenshot = await page.screenshot({ fullPage: true });
  await context.close();
  return seen;
}

/** How much of a PNG is not page background, and how many colours it has, measured by the browser itself. */
async function inkOf(browser: Browser, png: Buffer): Promise<{ ink: number; colours: number }> {
  const page = await browser.newPage();
  const result = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let ink = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r < 240 || g < 240 || b < 240) ink++;
      if (colours.size < 1000) colours.add((r << 16) | (g << 8) | b);
    }
    return { ink: ink / (data.length / 4), colours: colours.size };
  }, png.toString('base64'));
  await page.close();
  return result;
}

describe.skipIf(!HAS_CHROMIUM)('the HTML report in a real browser (headless Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, paths] of [
    ['the demo', () => ['fixtures/demo']],
    [
      'logs full of injection attempts',
      () => {
        const dir = writeInjectionFixture();
        return readdirSync(dir).map((f) => join(dir, f));
      },
    ],
  ] as const) {
    it(`opens the report of ${name}: no console error, no request, a timeline per finding with a lane per client, nothing injected, not blank`, async () => {
      const { file, lanes } = await reportOf(paths());
      const seen = await open(browser, file);
      expect(seen.console).toEqual([]);
      expect(seen.requests).toEqual([]);
      expect(seen.figures).toBe(lanes.length);
      expect(seen.lanesPerFigure).toEqual(lanes);
      expect(seen.injected).toEqual([]);
      expect(seen.title).toBe('borrowscan report');
      const { ink, colours } = await inkOf(browser, seen.screenshot);
      expect(ink).toBeGreaterThan(0.02);
      expect(colours).toBeGreaterThan(10);
    }, 120_000);
  }
});
