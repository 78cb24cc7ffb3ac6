#!/usr/bin/env node
/**
 * The README's picture of the HTML report: scans the demo into an HTML report and has headless Chromium (Debian's
 * `chromium`, or BORROWSCAN_CHROMIUM) photograph its first findings, into docs/html-report.png.
 *
 *   npm run screenshot            (builds first)
 *   node scripts/screenshot.mjs --out FILE
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const out = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1] : join(ROOT, 'docs', 'html-report.png'));
const executablePath = process.env.BORROWSCAN_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`no Chromium at ${executablePath}: apt-get install chromium (or set BORROWSCAN_CHROMIUM)`);
  process.exit(2);
}

const html = join(mkdtempSync(join(tmpdir(), 'borrowscan-screenshot-')), 'demo.html');
try {
  execFileSync(process.execPath, [join(ROOT, 'bin', 'borrowscan.js'), 'scan', 'fixtures/demo', '-q', '--format', 'html', '-o', html], {
    cwd: ROOT,
  });
} catch (err) {
  // Exit 1 means findings, as the demo has; anything else is a failure.
  if (err.status !== 1) throw err;
}

const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
  ],
});
const page = await browser.newPage({ viewport: { width: 1150, height: 1000 }, deviceScaleFactor: 1 });
await page.goto(pathToFileURL(html).href);
// The counts, then the first two findings with their timelines.
const from = await page.locator('#counts').boundingBox();
const to = await page.locator('article.finding').nth(1).boundingBox();
await page.screenshot({
  path: out,
  fullPage: true,
  clip: { x: 0, y: Math.floor(from.y - 8), width: 1150, height: Math.ceil(to.y + to.height + 16 - from.y) },
});
await browser.close();
console.log(`wrote ${out}`);
