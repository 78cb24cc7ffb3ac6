#!/usr/bin/env node
/**
 * borrowscan benchmark: each input format against its own bare loop, side by side. Run after `npm run build`:
 *
 *   node bench/run.mjs                    every row, a million events per format, 3 rounds
 *   node bench/run.mjs --events 200000    smaller files
 *   node bench/run.mjs --runs 5           more rounds (medians are shown)
 *   node bench/run.mjs --only okta,demo   some rows: okta, access, nginx, csv, pair, demo, memory
 *   node bench/run.mjs --memory-events 1000000,5000000   the sizes of the memory rows
 *   node bench/run.mjs --sample-memory 16     the scans' budget for request samples in memory, MB (BORROWSCAN_SAMPLE_MEMORY)
 *   node bench/run.mjs --verify           also check the findings of the Okta + access pair against what was planted
 *   node bench/run.mjs --json             machine-readable results on stdout
 *   node bench/run.mjs --busy 1           a busy machine: 1 process spins on a core for the whole run (the
 *                                         `auto/1t` column then says whether --worker auto is slower than one thread
 *                                         while another process keeps a core busy)
 *
 * Files (one per format, generated deterministically by format-files.mjs into the git-ignored bench/.data/, reused
 * while they match):
 * Okta System Log NDJSON, an API access log as NDJSON (OpenTelemetry keys), the same requests as an nginx combined
 * log and as CSV. About 25,000 sessions per million events, with planted agents.
 *
 * Rows (every measurement runs in a fresh process, bench/child.mjs, which reports its peak RSS; wall time is from
 * spawn to exit, start-up included):
 *   okta, access      bare loop: Buffer split + JSON.parse + Map by session id; then `borrowscan scan FILE`
 *                     with --worker never (one thread) and --worker auto
 *   nginx             bare loop: Buffer split + one combined-log regex + Map by user and IP
 *   csv               bare loop: Buffer split + a plain comma split + Map by the session column
 *   pair              `borrowscan scan OKTA ACCESS` (--worker auto) against one DuckDB query over the same two files
 *                     (sessions begun by a browser sign-in, then used by another client)
 *   demo              `node bin/borrowscan.js scan fixtures/demo`, start-up included (median of 11)
 *   memory            the Okta + access pair streamed from the generator through named pipes into one scan (no
 *                     files on disk: one thread), at each size of --memory-events: peak RSS and time per event, with
 *                     the request samples past their budget spilled to a temporary file (README, Limits)
 * Before each run its files are read through once (a machine short of memory evicts them from the page cache).
 * Within a row the workloads take turns, round after round, so that a drifting machine load weighs on each alike;
 * a ratio is the median of the rounds' own ratios (its two workloads ran back to back). Each row shows the load
 * average (1 minute) over its rounds: on a shared machine, compare figures taken at a low load.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureFormatFile } from './format-files.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const DATA = join(HERE, '.data');
const CHILD = join(HERE, 'child.mjs');
const MB = 1e6;

/** Targets of issue 12: the scan's speed as a share of the bare loop's, on one thread and with --worker auto. */
const TARGETS = {
  okta: { oneThread: 1.0, worker: 1.5 },
  access: { oneThread: 0.8 },
  nginx: { oneThread: 0.6 },
  csv: { oneThread: 0.5 },
  /** DuckDB's time / the scan's: the scan within twice DuckDB's time. */
  pair: 0.5,
  demoSeconds: 0.2,
  peakRssMb: 300,
};
const FORMAT_ROWS = {
  okta: { title: 'Okta NDJSON', bare: (file) => ['bare-json', 'okta', file], bareTitle: 'split + JSON.parse + Map' },
  access: { title: 'access log NDJSON', bare: (file) => ['bare-json', 'access', file], bareTitle: 'split + JSON.parse + Map' },
  nginx: { title: 'nginx combined', bare: (file) => ['bare-text', file], bareTitle: 'split + regex + Map' },
  // CSV is read on the main thread whatever --worker says (a quoted value may span lines, so it cannot be cut into
  // blocks of lines): its auto column times the same work twice, and shows only the noise between runs.
  csv: { title: 'access log CSV', bare: (file) => ['bare-csv', file], bareTitle: 'split + comma split + Map', oneThreadOnly: true },
};
const ALL_ROWS = ['okta', 'access', 'nginx', 'csv', 'pair', 'demo', 'memory'];

const { values: opts } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    'memory-events': { type: 'string', default: '1000000,5000000' },
    'sample-memory': { type: 'string' },
    verify: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    busy: { type: 'string', default: '0' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  const text = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  process.stdout.write(`${text.slice(text.indexOf('/**') + 4, text.indexOf('*/')).replace(/^ \* ?/gm, '')}\n`);
  process.exit(0);
}
const events = Number(opts.events);
const runs = Number(opts.runs);
const memorySizes = opts['memory-events'].split(',').map(Number);
const rows = opts.only ? opts.only.split(',') : ALL_ROWS;
if (!Number.isInteger(events) || events < 1000) fail('--events must be an integer of at least 1000');
if (!Number.isInteger(runs) || runs < 1) fail('--runs must be a positive integer');
if (memorySizes.some((n) => !Number.isInteger(n) || n < 1000)) fail('--memory-events must be integers of at least 1000');
if (opts['sample-memory'] !== undefined) {
  if (!(Number(opts['sample-memory']) > 0)) fail('--sample-memory must be a number of megabytes above 0');
  // Children inherit it: every scan of this run keeps that many megabytes of request samples in memory.
  process.env.BORROWSCAN_SAMPLE_MEMORY = opts['sample-memory'];
}
const busy = Number(opts.busy);
if (!Number.isInteger(busy) || busy < 0 || busy > 16) fail('--busy must be a whole number of processes from 0 to 16');
for (const r of rows) if (!ALL_ROWS.includes(r)) fail(`--only: no row "${r}" (rows: ${ALL_ROWS.join(', ')})`);
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) fail('dist/cli/main.js not found: run `npm run build` first');

const say = opts.json ? (s) => process.stderr.write(`${s}\n`) : (s) => process.stdout.write(`${s}\n`);
const result = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  eventsPerFormat: events,
  runs,
  loadAtStart: round(loadavg()[0], 2),
  busyProcesses: busy,
  formats: {},
};
const spinners = startSpinners(busy);

const files = {};
const needFiles = rows.filter((r) => r in FORMAT_ROWS || r === 'pair');
for (const format of new Set(needFiles.flatMap((r) => (r === 'pair' ? ['okta', 'access'] : [r])))) {
  files[format] = ensureFormatFile({ dir: DATA, format, events, log: say });
}

for (const format of rows.filter((r) => r in FORMAT_ROWS)) result.formats[format] = await formatRow(format);
if (rows.includes('pair')) result.pair = await pairRow();
if (rows.includes('demo')) result.demo = await demoRow();
if (rows.includes('memory')) result.memory = await memoryRows();
if (opts.verify) result.verify = await verify();

for (const spinner of spinners) spinner.kill();
if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else printReport(result);

// ---------------------------------------------------------------------------------------------------------------

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

/** Processes that keep a core busy each (`--busy`), until this one exits. */
function startSpinners(count) {
  const spinners = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  const stop = () => {
    for (const spinner of spinners) spinner.kill();
  };
  process.on('exit', stop);
  // Interrupted, the run must not leave them spinning.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }
  return spinners;
}

function round(n, digits) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Spawns `node bench/child.mjs ARGS` and returns its wall time (spawn to exit), in-process time and peak RSS. */
function runChild(args, { allowExit = [0] } = {}) {
  const load = loadavg()[0];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      const line = out.split('\n').find((l) => l.startsWith('BENCH '));
      if (!allowExit.includes(code) || !line) {
        reject(new Error(`child ${args.join(' ')} exited with ${code}\n${err.slice(-4000)}`));
        return;
      }
      const parsed = JSON.parse(line.slice(6));
      if (parsed.exitCode !== undefined && parsed.exitCode !== 0) {
        reject(new Error(`the scan exited with ${parsed.exitCode}\n${err.slice(-4000)}`));
        return;
      }
      resolve({ wallMs, load, ...parsed });
    });
  });
}

/**
 * Reads files through once, so that the workload after it finds them in the page cache: a machine short of memory
 * evicts them between runs, and a read from disk would weigh on one workload and not the one it is compared with.
 */
function warm(paths) {
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (const path of paths) {
    const fd = openSync(path, 'r');
    try {
      while (readSync(fd, buffer, 0, buffer.length, null) > 0);
    } finally {
      closeSync(fd);
    }
  }
}

/** Runs each workload once per round, `runs` rounds, its files read through first; returns the samples in round order. */
async function inTurns(title, workloads, paths) {
  const samples = workloads.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [w, { name, args }] of workloads.entries()) {
      say(`${title}: ${name}${runs > 1 ? ` (${i + 1}/${runs})` : ''}, load ${loadavg()[0].toFixed(2)} ...`);
      warm(paths);
      samples[w].push(await runChild(args));
    }
  }
  return samples;
}

function summarize(samples, eventCount, bytes) {
  const wallS = median(samples.map((s) => s.wallMs)) / 1000;
  return {
    wallS: round(wallS, 3),
    cpuS: round(median(samples.map((s) => s.userMs + s.systemMs)) / 1000, 3),
    eventsPerSec: Math.round(eventCount / wallS),
    mbPerSec: round(bytes / MB / wallS, 1),
    peakRssMb: round(Math.max(...samples.map((s) => s.maxRssKb)) / 1024, 1),
    roundWallS: samples.map((s) => round(s.wallMs / 1000, 3)),
  };
}

/** Speed of `b` as a share of `a`'s, round by round (a's wall time / b's), and its median. */
function paired(a, b) {
  const ratios = a.map((s, i) => s.wallMs / b[i].wallMs);
  return { median: round(median(ratios), 3), min: round(Math.min(...ratios), 3), max: round(Math.max(...ratios), 3) };
}

function loadRange(...sampleLists) {
  const loads = sampleLists.flat().map((s) => s.load);
  return [round(Math.min(...loads), 2), round(Math.max(...loads), 2)];
}

async function formatRow(format) {
  const file = files[format];
  const spec = FORMAT_ROWS[format];
  const scanArgs = (worker) => ['scan', '/dev/null', file.path, '--worker', worker];
  const [bare, one, auto] = await inTurns(
    format,
    [
      { name: `bare loop (${spec.bareTitle})`, args: spec.bare(file.path) },
      { name: 'scan --worker never', args: scanArgs('never') },
      { name: 'scan --worker auto', args: scanArgs('auto') },
    ],
    [file.path],
  );
  const target = TARGETS[format];
  const oneThread = paired(bare, one);
  const worker = paired(bare, auto);
  const workerVsOne = paired(one, auto);
  return {
    title: spec.title,
    file: relative(ROOT, file.path),
    bytes: file.bytes,
    events: file.events,
    sessions: file.sessions,
    load: loadRange(bare, one, auto),
    bare: summarize(bare, file.events, file.bytes),
    oneThread: summarize(one, file.events, file.bytes),
    worker: summarize(auto, file.events, file.bytes),
    ratioOneThread: oneThread,
    ratioWorker: worker,
    workerVsOneThread: workerVsOne,
    targets: {
      oneThread: target.oneThread,
      oneThreadMet: oneThread.median >= target.oneThread,
      worker: target.worker,
      workerMet: target.worker === undefined ? undefined : worker.median >= target.worker,
      workerNeverSlower: workerVsOne.median >= 0.97,
      oneThreadOnly: FORMAT_ROWS[format].oneThreadOnly === true,
    },
  };
}

async function pairRow() {
  const okta = files.okta;
  const access = files.access;
  const [duck, scan] = await inTurns(
    'pair',
    [
      { name: 'DuckDB query', args: ['duckdb', okta.path, access.path] },
      { name: 'scan --worker auto', args: ['scan', '/dev/null', okta.path, access.path, '--worker', 'auto'] },
    ],
    [okta.path, access.path],
  );
  const n = okta.events + access.events;
  const bytes = okta.bytes + access.bytes;
  const ratio = paired(duck, scan);
  return {
    files: [relative(ROOT, okta.path), relative(ROOT, access.path)],
    events: n,
    bytes,
    load: loadRange(duck, scan),
    duckdb: { ...summarize(duck, n, bytes), rows: duck[0].rows },
    scan: summarize(scan, n, bytes),
    /** DuckDB's time as a share of the scan's: 0.5 is the scan in twice DuckDB's time. */
    ratio,
    targets: { ratio: TARGETS.pair, met: ratio.median >= TARGETS.pair },
  };
}

/** `node bin/borrowscan.js scan fixtures/demo`: the whole command as a person runs it, start-up included. */
async function demoRow() {
  const times = [];
  const loads = [];
  for (let i = 0; i < 11; i++) {
    loads.push(loadavg()[0]);
    const t0 = performance.now();
    const code = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'borrowscan.js'), 'scan', 'fixtures/demo', '--no-progress', '--no-color'], {
        cwd: ROOT,
        stdio: 'ignore',
      });
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 1) fail(`the demo exited with ${code} (1 expected: it has findings)`);
    times.push((performance.now() - t0) / 1000);
  }
  const node = [];
  for (let i = 0; i < 11; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    node.push((performance.now() - t0) / 1000);
  }
  const seconds = median(times);
  return {
    seconds: round(seconds, 3),
    min: round(Math.min(...times), 3),
    nodeAloneSeconds: round(median(node), 3),
    load: [round(Math.min(...loads), 2), round(Math.max(...loads), 2)],
    targets: { seconds: TARGETS.demoSeconds, met: seconds < TARGETS.demoSeconds },
  };
}

/** The Okta + access pair streamed through named pipes into one scan, at each size: nothing is written to disk. */
async function memoryRows() {
  const { sampleMemoryBytes } = await import(new URL('../dist/engine/timeline.js', import.meta.url).href);
  const sampleMemoryMb = round(sampleMemoryBytes() / 1024 / 1024, 2);
  const out = [];
  for (const n of memorySizes) {
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-bench-'));
    try {
      const pipes = ['okta', 'access'].map((format) => {
        const path = join(dir, `${format}.ndjson`);
        execFileSync('mkfifo', [path]);
        return { format, path };
      });
      say(`memory: ${n.toLocaleString('en-US')} events per format streamed into one scan, load ${loadavg()[0].toFixed(2)} ...`);
      // Each writer blocks opening its pipe until the scan opens it: the scan reads one file after the other.
      const writers = pipes.map(({ format, path }) =>
        spawn('sh', ['-c', `exec "$0" "$1" "$2" "$3" > "$4"`, process.execPath, join(HERE, 'format-files.mjs'), format, String(n), path], {
          stdio: ['ignore', 'ignore', 'pipe'],
        }),
      );
      const summaries = writers.map(
        (w) =>
          new Promise((resolve, reject) => {
            let err = '';
            w.stderr.on('data', (d) => (err += d));
            w.on('close', (code) => (code === 0 ? resolve(JSON.parse(err.trim().split('\n').at(-1))) : reject(new Error(err))));
          }),
      );
      const sample = await runChild(['scan', '/dev/null', ...pipes.map((p) => p.path), '--worker', 'never']);
      const written = await Promise.all(summaries);
      const eventCount = written.reduce((a, s) => a + s.events, 0);
      out.push({
        eventsPerFormat: n,
        events: eventCount,
        load: round(sample.load, 2),
        wallS: round(sample.wallMs / 1000, 2),
        microsPerEvent: round((sample.wallMs * 1000) / eventCount, 2),
        cpuMicrosPerEvent: round(((sample.userMs + sample.systemMs) * 1000) / eventCount, 2),
        peakRssMb: round(sample.maxRssKb / 1024, 1),
        sampleMemoryMb,
        met: sample.maxRssKb / 1024 < TARGETS.peakRssMb,
        ...(sample.memoryTrace ? { memoryTrace: sample.memoryTrace } : {}),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

/** Scans the pair once more with the report kept, and counts findings by rule and severity against what was planted. */
async function verify() {
  const report = join(DATA, `report-${events}.json`);
  say('verifying findings ...');
  await runChild(['scan', report, files.okta.path, files.access.path]);
  const parsed = JSON.parse(readFileSync(report, 'utf8'));
  const found = {};
  for (const f of parsed.findings) {
    const key = f.rule === 'agent-on-human-session' ? `${f.rule}:${f.severity}` : f.rule;
    found[key] = (found[key] ?? 0) + 1;
  }
  const planted = files.access.planted;
  return {
    report: relative(ROOT, report),
    sessions: parsed.summary.sessions,
    rows: Object.keys({ ...planted, ...found }).map((finding) => ({ finding, planted: planted[finding] ?? 0, found: found[finding] ?? 0 })),
  };
}

function printReport(r) {
  const n = (x) => x.toLocaleString('en-US');
  const f2 = (x) => x.toFixed(2);
  const load = ([a, b]) => (a === b ? f2(a) : `${f2(a)}-${f2(b)}`);
  const met = (ok) => (ok === undefined ? '' : ok ? 'met' : 'NOT met');
  say('');
  const busyNote = r.busyProcesses > 0 ? `; busy: ${r.busyProcesses} other process${r.busyProcesses > 1 ? 'es' : ''} spinning` : '';
  say(
    `borrowscan benchmark: ${n(r.eventsPerFormat)} events per format, ${r.runs} rounds, ${r.node}, ${r.cpu} (${r.cores} cores)${busyNote}`,
  );
  const table = [
    [
      'input',
      'MB',
      'sessions',
      'bare s',
      '1 thread s',
      'x bare',
      'target',
      'auto s',
      'x bare',
      'target',
      'auto/1t',
      'RSS 1t/auto MB',
      'load',
    ],
  ];
  for (const row of Object.values(r.formats)) {
    table.push([
      row.title,
      (row.bytes / MB).toFixed(0),
      n(row.sessions),
      f2(row.bare.wallS),
      f2(row.oneThread.wallS),
      `${f2(row.ratioOneThread.median)}`,
      `>= ${row.targets.oneThread} ${met(row.targets.oneThreadMet)}`,
      f2(row.worker.wallS),
      `${f2(row.ratioWorker.median)}`,
      row.targets.worker === undefined ? '' : `>= ${row.targets.worker} ${met(row.targets.workerMet)}`,
      `${f2(row.workerVsOneThread.median)}${row.targets.oneThreadOnly ? ' (not shared)' : row.targets.workerNeverSlower ? '' : ' SLOWER'}`,
      `${row.oneThread.peakRssMb.toFixed(0)} / ${row.worker.peakRssMb.toFixed(0)}`,
      load(row.load),
    ]);
  }
  if (table.length > 1) printTable(table);
  if (r.pair) {
    const p = r.pair;
    say('');
    say(
      `Okta + access pair (${(p.bytes / MB).toFixed(0)} MB, ${n(p.events)} events): DuckDB ${f2(p.duckdb.wallS)} s (${p.duckdb.rows} rows), ` +
        `scan ${f2(p.scan.wallS)} s; DuckDB/scan ${f2(p.ratio.median)} (rounds ${f2(p.ratio.min)}-${f2(p.ratio.max)}; target >= ${p.targets.ratio}: ` +
        `${met(p.targets.met)}); peak RSS DuckDB ${p.duckdb.peakRssMb.toFixed(0)} MB, scan ${p.scan.peakRssMb.toFixed(0)} MB; load ${load(p.load)}`,
    );
  }
  if (r.demo) {
    const d = r.demo;
    say('');
    say(
      `demo (node bin/borrowscan.js scan fixtures/demo): ${f2(d.seconds)} s median, ${f2(d.min)} s best (node -e 0 alone: ${f2(d.nodeAloneSeconds)} s); ` +
        `target < ${d.targets.seconds} s: ${met(d.targets.met)}; load ${load(d.load)}`,
    );
  }
  if (r.memory) {
    say('');
    const budget = r.memory[0]?.sampleMemoryMb;
    say(
      `memory: the Okta + access pair streamed through named pipes into one scan (one thread; request samples: ${budget} MB in memory, the rest spilled)`,
    );
    const mem = [['events per format', 'events', 'wall s', 'us/event', 'CPU us/event', 'peak RSS MB', 'target < 300 MB', 'load']];
    for (const m of r.memory) {
      mem.push([
        n(m.eventsPerFormat),
        n(m.events),
        f2(m.wallS),
        f2(m.microsPerEvent),
        f2(m.cpuMicrosPerEvent),
        m.peakRssMb.toFixed(0),
        met(m.met),
        f2(m.load),
      ]);
    }
    printTable(mem);
  }
  if (r.verify) {
    say('');
    say(`findings of the pair (report kept in ${r.verify.report}; ${n(r.verify.sessions)} sessions):`);
    for (const row of r.verify.rows)
      say(`  ${row.finding.padEnd(34)} planted ${String(row.planted).padStart(6)}   found ${String(row.found).padStart(6)}`);
  }
}

function printTable(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) say(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}
