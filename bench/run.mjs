#!/usr/bin/env node
/**
 * borrowscan benchmark. Run after `npm run build`:
 *
 *   node bench/run.mjs                  about 1,000,000 events (Okta NDJSON + OpenTelemetry API access NDJSON)
 *   node bench/run.mjs --events 200000  another size
 *   node bench/run.mjs --gb 1           about 1 GB of input, to check peak memory on a large input (slow: not a test)
 *   node bench/run.mjs --json           machine-readable results on stdout
 *   node bench/run.mjs --runs 3         repeat each measurement, report the median
 *   node bench/run.mjs --verify         also compare the scan's findings with what the generator planted
 *   node bench/run.mjs --profile        also CPU-profile the scan and list the functions with the most self time
 *
 * The data set is generated deterministically into bench/.data/ (gitignored) and reused while it matches.
 * Each measurement runs in a fresh child process (bench/child.mjs), which reports its own peak RSS
 * (process.resourceUsage().maxRSS) at exit:
 *   baseline         read the same files line by line and JSON.parse every line, nothing else;
 *   scan             `borrowscan scan FILES --format json -o /dev/null --fail-on none --no-progress`
 *                    (parsing shared with a worker thread on a machine with two or more cores: --worker auto);
 *   scan, 1 thread   the same with --worker never, for comparison.
 * With --runs N, the three take turns N times (a drifting machine load then weighs on each alike); medians are shown,
 * and the speed ratio is the median of the rounds' ratios (baseline and scan of one round ran back to back).
 * Targets: scan speed at least half the baseline's, peak RSS of the scan under 500 MB.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureDataset } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const DATA = join(HERE, '.data');
const CHILD = join(HERE, 'child.mjs');
const MB = 1e6;
const TARGET_RATIO = 0.5;
const TARGET_RSS_MB = 500;

const { values: opts } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    gb: { type: 'string' },
    runs: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  const text = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  process.stdout.write(`${text.slice(text.indexOf('/**') + 4, text.indexOf('*/')).replace(/^ \* ?/gm, '')}\n`);
  process.exit(0);
}

const events = Number(opts.events);
const gb = opts.gb !== undefined ? Number(opts.gb) : undefined;
const runs = Number(opts.runs);
if (!Number.isInteger(events) || events < 1000) fail('--events must be an integer of at least 1000');
if (gb !== undefined && !(gb > 0)) fail('--gb must be a positive number');
if (!Number.isInteger(runs) || runs < 1) fail('--runs must be a positive integer');
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) fail('dist/cli/main.js not found: run `npm run build` first');

const say = opts.json ? (s) => process.stderr.write(`${s}\n`) : (s) => process.stdout.write(`${s}\n`);

const data = ensureDataset({ dir: DATA, events, bytes: gb !== undefined ? Math.round(gb * 1e9) : undefined, log: say });
const files = data.files.map((f) => f.path);
say(
  `data set: ${data.events.toLocaleString('en-US')} events, ${data.sessions.toLocaleString('en-US')} sessions, ` +
    `${(data.bytes / MB).toFixed(1)} MB in ${files.map((f) => relative(ROOT, f)).join(', ')}` +
    (data.reused ? ' (reused)' : ` (generated in ${data.seconds.toFixed(1)} s)`),
);

const [baseline, scan, scanOneThread] = await measureInTurns([
  ['baseline', ['baseline', ...files]],
  ['scan', ['scan', ...files]],
  ['scan, 1 thread', ['scan-one-thread', ...files]],
]);
const paired = pairedRatio(baseline, scan);
const pairedOneThread = pairedRatio(baseline, scanOneThread);
const ratio = paired.median;

const result = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  dataset: { events: data.events, bytes: data.bytes, sessions: data.sessions, planted: data.planted, files: data.files.map((f) => ({ ...f, path: relative(ROOT, f.path) })) },
  runs,
  baseline,
  scan,
  scanOneThread,
  ratio: round(ratio, 3),
  ratioRange: [round(paired.min, 3), round(paired.max, 3)],
  ratioOneThread: round(pairedOneThread.median, 3),
  targets: { ratio: TARGET_RATIO, ratioMet: ratio >= TARGET_RATIO, peakRssMb: TARGET_RSS_MB, peakRssMet: scan.peakRssMb < TARGET_RSS_MB },
};

if (opts.verify) result.verify = await verify();
if (opts.profile) result.profile = await profile();

if (opts.json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  printTable(result);
}

// ---------------------------------------------------------------------------------------------------------------

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function round(n, digits) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Spawns `node bench/child.mjs ARGS` and returns its wall time (spawn to exit), in-process time and peak RSS. */
function runChild(args, nodeArgs = []) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      const line = out.split('\n').find((l) => l.startsWith('BENCH '));
      if (code !== 0 || !line) {
        reject(new Error(`child ${args[0]} exited with ${code}\n${err.slice(-4000)}`));
        return;
      }
      resolve({ wallMs, ...JSON.parse(line.slice(6)), stderr: err });
    });
  });
}

/**
 * Runs each workload once per round, `runs` rounds, and summarizes each by its median wall time. Each summary also
 * keeps its wall times in round order (`roundWallS`), so that workloads can be compared round by round.
 */
async function measureInTurns(workloads) {
  const samples = workloads.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [w, [name, args]] of workloads.entries()) {
      say(`running ${name}${runs > 1 ? ` (${i + 1}/${runs})` : ''} ...`);
      samples[w].push(await runChild(args));
    }
  }
  return workloads.map(([name], w) => ({ ...summarize(name, [...samples[w]]), roundWallS: samples[w].map((x) => round(x.wallMs / 1000, 3)) }));
}

/**
 * Speed of `b` relative to `a`: the median over rounds of a's wall time / b's. The two ran back to back in each round,
 * under the same load; a ratio of separate medians would mix a quiet minute of one with a busy minute of the other.
 */
function pairedRatio(a, b) {
  const ratios = a.roundWallS.map((t, i) => t / b.roundWallS[i]).sort((x, y) => x - y);
  return { median: ratios[Math.floor((ratios.length - 1) / 2)], min: ratios[0], max: ratios[ratios.length - 1] };
}

function summarize(name, samples) {
  samples.sort((a, b) => a.wallMs - b.wallMs);
  const s = samples[Math.floor((samples.length - 1) / 2)];
  if (name.startsWith('scan') && s.exitCode !== 0) fail(`the scan exited with ${s.exitCode}:\n${s.stderr}`);
  const seconds = s.wallMs / 1000;
  return {
    wallS: round(seconds, 3),
    inProcessS: round(s.ms / 1000, 3),
    cpuS: round((s.userMs + s.systemMs) / 1000, 3),
    eventsPerSec: Math.round(data.events / seconds),
    mbPerSec: round(data.bytes / MB / seconds, 1),
    peakRssMb: round((s.maxRssKb * 1024) / MB, 1),
  };
}

/** Scans once more with the report kept, and counts findings by rule and severity against what was planted. */
async function verify() {
  const out = join(DATA, `report-${data.key}.json`);
  say('verifying findings ...');
  await runChild(['scan-report', out, ...files]);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const found = {};
  for (const f of report.findings) {
    const key = f.rule === 'agent-on-human-session' ? `${f.rule}:${f.severity}` : f.rule;
    found[key] = (found[key] ?? 0) + 1;
  }
  const planted = data.planted;
  const rows = ['agent-on-human-session:high', 'agent-on-human-session:critical', 'session-context-change', 'inhuman-cadence'].map((k) => ({
    finding: k,
    planted: planted[k] ?? 0,
    found: found[k] ?? 0,
  }));
  const unexpected = Object.keys(found).filter((k) => !rows.some((r) => r.finding === k));
  return {
    report: relative(ROOT, out),
    sessions: report.summary.sessions,
    events: report.summary.events,
    skipped: report.summary.skipped,
    rows,
    unexpected: unexpected.map((k) => ({ finding: k, found: found[k] })),
    quietPlanted: { derivedSessions: planted.derivedQuiet, serviceAccounts: planted.serviceQuiet },
  };
}

/** CPU-profiles one scan and sums self time per function and per file. */
async function profile() {
  const dir = join(DATA, 'profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  say('profiling the scan ...');
  await runChild(['scan', ...files], ['--cpu-prof', '--cpu-prof-dir', dir]);
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!file) return { error: 'no .cpuprofile written' };
  return { file: relative(ROOT, file), ...summarizeProfile(JSON.parse(readFileSync(file, 'utf8'))) };
}

function summarizeProfile(prof, top = 20) {
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
  }
  const byFunction = new Map();
  const byFile = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    total += us;
    const where = shortUrl(frame.url);
    const fn = `${frame.functionName || '(anonymous)'}  ${where ? `${where}:${frame.lineNumber + 1}` : ''}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const fileKey = where || frame.functionName || '(native)';
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
  }
  const list = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), percent: round((100 * us) / total, 1) }));
  return { totalMs: Math.round(total / 1000), functions: list(byFunction), files: list(byFile) };
}

function shortUrl(url) {
  if (!url) return '';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (path.startsWith(ROOT)) return relative(ROOT, path);
  return path.startsWith('node:') ? path : basename(path);
}

function printTable(r) {
  const n = (x) => x.toLocaleString('en-US');
  const rows = [
    ['', 'wall s', 'events/s', 'MB/s', 'peak RSS MB'],
    ['baseline (read + JSON.parse)', r.baseline.wallS.toFixed(2), n(r.baseline.eventsPerSec), r.baseline.mbPerSec.toFixed(1), r.baseline.peakRssMb.toFixed(0)],
    ['borrowscan scan', r.scan.wallS.toFixed(2), n(r.scan.eventsPerSec), r.scan.mbPerSec.toFixed(1), r.scan.peakRssMb.toFixed(0)],
    ['borrowscan scan --worker never', r.scanOneThread.wallS.toFixed(2), n(r.scanOneThread.eventsPerSec), r.scanOneThread.mbPerSec.toFixed(1), r.scanOneThread.peakRssMb.toFixed(0)],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  say('');
  say(`borrowscan benchmark: ${n(r.dataset.events)} events, ${(r.dataset.bytes / MB).toFixed(1)} MB, ${r.node}, ${r.cpu}`);
  for (const row of rows) say(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   '));
  say('');
  const range = r.runs > 1 ? `, rounds ${r.ratioRange[0].toFixed(2)} to ${r.ratioRange[1].toFixed(2)}` : '';
  say(`speed ratio (scan / baseline, median of rounds${range}): ${r.ratio.toFixed(2)}  (target >= ${TARGET_RATIO}: ${r.targets.ratioMet ? 'met' : 'NOT met'}); on one thread: ${r.ratioOneThread.toFixed(2)}`);
  say(`peak RSS of the scan: ${r.scan.peakRssMb.toFixed(0)} MB  (target < ${TARGET_RSS_MB} MB: ${r.targets.peakRssMet ? 'met' : 'NOT met'})`);
  if (r.verify) {
    say('');
    say(`findings (report kept in ${r.verify.report}; ${n(r.verify.sessions)} sessions):`);
    for (const row of r.verify.rows) say(`  ${row.finding.padEnd(34)} planted ${String(row.planted).padStart(6)}   found ${String(row.found).padStart(6)}`);
    for (const row of r.verify.unexpected) say(`  ${row.finding.padEnd(34)} not planted       found ${String(row.found).padStart(6)}`);
    say(`  quiet on purpose: ${n(r.verify.quietPlanted.derivedSessions)} derived sessions, ${n(r.verify.quietPlanted.serviceAccounts)} service-account sessions`);
  }
  if (r.profile && !r.profile.error) {
    say('');
    say(`CPU profile of the scan (${r.profile.file}), ${n(r.profile.totalMs)} ms sampled; top self time:`);
    for (const f of r.profile.functions) say(`  ${String(f.percent.toFixed(1)).padStart(5)}%  ${String(n(f.selfMs)).padStart(7)} ms  ${f.name}`);
    say('  by file:');
    for (const f of r.profile.files.slice(0, 10)) say(`  ${String(f.percent.toFixed(1)).padStart(5)}%  ${String(n(f.selfMs)).padStart(7)} ms  ${f.name}`);
  }
}
