/**
 * The data-lake benchmark (README, "At data-lake scale"): the same events scanned by the streaming engine as NDJSON
 * and by the DuckDB engine as Parquet, each in a fresh process, with wall time and peak RSS.
 *
 *   npm run build && node bench/lake.mjs                 10,000,000 events (about 5.5 GB of NDJSON, 2.6 GB ... see README)
 *   node bench/lake.mjs --events 1000000                 a smaller run
 *   node bench/lake.mjs --keep                           keep the data in bench/.data (deleted by default: disk is limited)
 *
 * Steps: generate the benchmark data set (bench/generate.mjs, streaming), `borrowscan export --to ocsf-parquet`,
 * `borrowscan scan --format json` on the NDJSON, `borrowscan scan --engine duckdb --format json` on the Parquet;
 * then the two reports' finding ids are compared. Check `uptime` first: the machine is shared.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDataset } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const events = Number(args.includes('--events') ? args[args.indexOf('--events') + 1] : 10_000_000);
const keep = args.includes('--keep');
const dir = join(ROOT, 'bench/.data', `lake-${events}`);
mkdirSync(dir, { recursive: true });

function run(label, cliArgs) {
  const rssFile = join(dir, `${label}.rss`);
  const out = join(dir, `${label}.json`);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', join(ROOT, 'bench/rss-at-exit.mjs'), join(ROOT, 'bin/borrowscan.js'), ...cliArgs], {
      cwd: ROOT,
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0 && code !== 1) return reject(new Error(`${label} exited ${code}: ${stderr}`));
      resolve({ label, seconds, peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024, out });
    });
  });
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average before: ${load()} (2 shared cores)`);
const t0 = performance.now();
const data = ensureDataset({ dir, events, log: (s) => console.log(s) });
console.log(
  `data: ${data.events.toLocaleString('en-US')} events, ${(data.bytes / 1e9).toFixed(2)} GB NDJSON, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
const ndjson = data.files.map((f) => f.path);
const parquet = join(dir, 'events.parquet');

const exp = await run('export', ['export', ...ndjson, '--to', 'ocsf-parquet', '-o', parquet, '-q']);
console.log(
  `export --to ocsf-parquet: ${exp.seconds.toFixed(1)} s, peak RSS ${exp.peakRssMb.toFixed(0)} MB, ${(statSync(parquet).size / 1e9).toFixed(2)} GB Parquet`,
);
const streaming = await run('streaming', ['scan', ...ndjson, '--format', 'json', '-o', join(dir, 'streaming.json'), '-q']);
console.log(`streaming engine on NDJSON: ${streaming.seconds.toFixed(1)} s, peak RSS ${streaming.peakRssMb.toFixed(0)} MB`);
const duck = await run('duckdb', ['scan', '--engine', 'duckdb', parquet, '--format', 'json', '-o', join(dir, 'duckdb.json'), '-q']);
console.log(`DuckDB engine on Parquet:   ${duck.seconds.toFixed(1)} s, peak RSS ${duck.peakRssMb.toFixed(0)} MB`);

const ids = (file) =>
  JSON.parse(readFileSync(file, 'utf8'))
    .findings.map((f) => `${f.id} ${f.count} ${f.firstSeen} ${f.lastSeen}`)
    .sort();
const a = ids(join(dir, 'streaming.json'));
const b = ids(join(dir, 'duckdb.json'));
const same = a.length === b.length && a.every((x, i) => x === b[i]);
console.log(`findings: streaming ${a.length}, duckdb ${b.length}: ${same ? 'identical ids, counts and times' : 'DIFFERENT'}`);
console.log(`load average after: ${load()}`);
if (!keep) rmSync(dir, { recursive: true, force: true });
process.exitCode = same ? 0 : 1;
