#!/usr/bin/env node
/**
 * borrowscan stress run: hostile inputs, timed, with each scan's peak memory. Run after `npm run build`:
 *
 *   node bench/stress.mjs            every case
 *   node bench/stress.mjs --only gz  the cases whose name contains "gz"
 *   node bench/stress.mjs --json     machine-readable results on stdout
 *
 * Cases (files are generated under the system's temporary directory and deleted afterwards):
 *   long line N MB, skipped        an NDJSON Okta export whose second line is N MB (20, 40, 80), at the default
 *                                  --max-record-size (16 MB): the line is skipped with its reason, the others read
 *   long line N MB, read           the same with --max-record-size 256MB: the line is read whole
 *   text line 80 MB, worker        a text access log with an 80 MB line, --worker always: the block reader drops it
 *   NDJSON line 200 MB             one 200 MB line between two events, default limit
 *   gzip bomb 2 GB                 a 2 MB gzip file that expands to one event and then 2 GB without a newline
 *   sessions 1M, one client each   1,000,000 sessions of one Chrome request each (OpenTelemetry access NDJSON, every
 *                                  session with its own id, user and IP: bench/session-data.mjs)
 *   sessions 250k, 4 clients each  1,000,000 clients: 250,000 such sessions of four requests, each from a user agent
 *                                  no other session uses
 *                                  (the two session cases each run with --worker never, auto and always; the load
 *                                  column is the 1-minute load average as each scan starts: auto shares parsing only
 *                                  while it leaves a core spare)
 * Before this limit, reading a line took time quadratic in its length (20, 40, 80 MB: 7, 18, 51 s) and the last
 * two ran until killed.
 *
 * Each scan runs in a fresh process (`node bench/stress.mjs --child ...`), which reports its wall time and its own
 * peak RSS (process.resourceUsage().maxRSS) when it ends. Timing and memory belong here, not in unit tests.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { writeSessions } from './session-data.mjs';

const MB = 1024 * 1024;

/** In a fresh process: one scan, then one line with its time and peak memory. */
async function child([report, ...args]) {
  const { main } = await import(new URL('../dist/cli/main.js', import.meta.url).href);
  const t0 = performance.now();
  const code = await main([
    'node',
    'borrowscan',
    'scan',
    ...args,
    '--format',
    'json',
    '-o',
    report,
    '--fail-on',
    'none',
    '--no-progress',
    '-q',
  ]);
  const ms = performance.now() - t0;
  process.stdout.write(`STRESS ${JSON.stringify({ code, ms, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

async function run() {
  const { values: opts } = parseArgs({
    options: { only: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (opts.help) {
    const text = readFileSync(fileURLToPath(import.meta.url), 'utf8');
    process.stdout.write(`${text.slice(text.indexOf('/**') + 4, text.indexOf('*/')).replace(/^ \* ?/gm, '')}\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'borrowscan-stress-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  const results = [];
  try {
    for (const c of cases(dir)) {
      if (opts.only && !c.name.includes(opts.only)) continue;
      if (!opts.json) process.stderr.write(`${c.name}: generating ... `);
      const file = await c.make();
      const bytes = statSync(file).size;
      const reportPath = join(dir, 'report.json');
      for (const variant of c.variants ?? [{ label: '', flags: [] }]) {
        if (!opts.json) process.stderr.write(`scanning${variant.label} ... `);
        const load = loadavg()[0];
        const measured = await measure([reportPath, file, ...c.flags, ...variant.flags]);
        const report = JSON.parse(readFileSync(reportPath, 'utf8'));
        const input = report.inputs[0];
        results.push({
          case: `${c.name}${variant.label}`,
          fileMb: bytes / MB,
          seconds: measured.ms / 1000,
          peakRssMb: measured.maxRssKb / 1024,
          load,
          events: input.events,
          skipped: input.skipped,
          reason: input.errors[0]?.reason ?? '',
        });
        rmSync(reportPath, { force: true });
      }
      if (!opts.json) process.stderr.write('done\n');
      rmSync(file, { force: true });
    }
  } finally {
    cleanup();
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else printTable(results);
}

function measure(args) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('STRESS '));
      if (!line) reject(new Error(`the scan exited with ${code} and no measurement`));
      else resolve(JSON.parse(line.slice('STRESS '.length)));
    });
  });
}

function okta(i) {
  return JSON.stringify({
    uuid: `u${i}`,
    published: `2026-11-02T09:0${i}:00.000Z`,
    eventType: 'user.session.start',
    actor: { id: '00u1', type: 'User', alternateId: 'bob@example.com' },
    client: { userAgent: { rawUserAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' }, ipAddress: '198.51.100.7' },
    authenticationContext: { externalSessionId: '102stress' },
    outcome: { result: 'SUCCESS' },
  });
}

const NGINX =
  '198.51.100.23 - - [03/Mar/2026:09:00:01 +0100] "GET /app HTTP/2.0" 200 5321 "-" "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"';

/** Writes `before`, then `mb` MB of `x`, then `after`, a piece at a time (the generator holds 1 MB). */
function writeLong(path, before, mb, after) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.on('finish', () => resolve(path));
    const piece = Buffer.alloc(MB, 0x78);
    let left = mb;
    out.write(before);
    const pump = () => {
      while (left > 0) {
        left--;
        if (!out.write(piece)) return void out.once('drain', pump);
      }
      out.end(after);
    };
    pump();
  });
}

/** A gzip file that expands to one event, then `gb` GB of `A` without a newline. */
function gzipBomb(path, gb) {
  return new Promise((resolve, reject) => {
    const gz = createGzip({ level: 9 });
    const out = createWriteStream(path);
    gz.pipe(out);
    out.on('finish', () => resolve(path));
    gz.on('error', reject);
    const piece = Buffer.alloc(4 * MB, 0x41);
    let left = (gb * 1024) / 4;
    gz.write(`${okta(1)}\n`);
    const pump = () => {
      while (left > 0) {
        left--;
        if (!gz.write(piece)) return void gz.once('drain', pump);
      }
      gz.end();
    };
    pump();
  });
}

function cases(dir) {
  const ndjsonLong = (mb) => () =>
    writeLong(join(dir, `okta-${mb}mb.ndjson`), `${okta(1)}\n{"eventType":"user.session.start","pad":"`, mb, `"}\n${okta(2)}\n`);
  return [
    ...[20, 40, 80].map((mb) => ({ name: `long line ${mb} MB, skipped`, make: ndjsonLong(mb), flags: [] })),
    ...[20, 40, 80].map((mb) => ({ name: `long line ${mb} MB, read`, make: ndjsonLong(mb), flags: ['--max-record-size', '256MB'] })),
    {
      name: 'text line 80 MB, worker',
      make: () => writeLong(join(dir, 'access.log'), `${NGINX}\n${NGINX.replace('GET /app', 'GET /')}`, 80, `\n${NGINX}\n`),
      flags: ['--worker', 'always'],
    },
    { name: 'NDJSON line 200 MB', make: ndjsonLong(200), flags: [] },
    { name: 'gzip bomb 2 GB', make: () => gzipBomb(join(dir, 'bomb.ndjson.gz'), 2), flags: [] },
    ...[
      ['sessions 1M, one client each', 1_000_000, 1],
      ['sessions 250k, 4 clients each', 250_000, 4],
    ].map(([name, sessions, clients]) => {
      const path = join(dir, 'sessions.jsonl');
      // Each way of parsing: `auto` starts the worker only while a core is spare, and stops it once the scan holds
      // 512 MiB; `always` keeps it to the end.
      const variants = ['never', 'auto', 'always'].map((mode) => ({ label: `, --worker ${mode}`, flags: ['--worker', mode] }));
      return { name, make: () => writeSessions(createWriteStream(path), sessions, clients).then(() => path), flags: [], variants };
    }),
  ];
}

function printTable(results) {
  const rows = results.map((r) => [
    r.case,
    r.fileMb.toFixed(1),
    r.seconds.toFixed(2),
    r.peakRssMb.toFixed(0),
    r.load.toFixed(1),
    String(r.events),
    String(r.skipped),
    r.reason.length > 60 ? `${r.reason.slice(0, 57)}...` : r.reason,
  ]);
  const head = ['case', 'file MB', 'wall s', 'peak RSS MB', 'load', 'events', 'skipped', 'first skip reason'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i > 0 && i < 7 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  process.stdout.write(`${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

if (process.argv[2] === '--child') await child(process.argv.slice(3));
else await run();
