/**
 * Runs one measured workload in this (fresh) process, then prints one line to stdout:
 *   BENCH {"ms": ..., "maxRssKb": ..., "userMs": ..., "systemMs": ..., ...}
 *
 *   node bench/child.mjs bare-json okta|access FILE   Buffer split + JSON.parse + Map by session id
 *   node bench/child.mjs bare-text FILE               Buffer split + one combined-log regex + Map by user and IP
 *   node bench/child.mjs bare-csv FILE                Buffer split + a plain comma split + Map by the session column
 *   node bench/child.mjs scan OUT ARGS...             `borrowscan scan ARGS --format json -o OUT --fail-on none`
 *   node bench/child.mjs duckdb OKTA ACCESS           the core join as one DuckDB query (see sql below)
 *
 * The bare loops are what a person would write to read the file as fast as they could, with the least work that
 * still looks at every record: the scan's speed is given as a share of theirs.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const [mode, ...args] = process.argv.slice(2);
const READ_BYTES = 1 << 20;

/** Calls `line(buffer, start, end)` for every non-empty line of the file (bytes, without the newline). */
function eachLine(file, line) {
  const fd = openSync(file, 'r');
  let buffer = Buffer.allocUnsafe(2 * READ_BYTES);
  let held = 0;
  try {
    for (;;) {
      if (buffer.length - held < READ_BYTES) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, held);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, held, READ_BYTES, null);
      const end = held + n;
      let start = 0;
      for (;;) {
        const nl = buffer.indexOf(10, start);
        if (nl < 0 || nl >= end) break;
        if (nl > start) line(buffer, start, nl);
        start = nl + 1;
      }
      if (n === 0) {
        if (end > start) line(buffer, start, end);
        break;
      }
      buffer.copy(buffer, 0, start, end);
      held = end - start;
    }
  } finally {
    closeSync(fd);
  }
}

function count(sessions, key) {
  sessions.set(key, (sessions.get(key) ?? 0) + 1);
}

function bareJson(kind, file) {
  const sessions = new Map();
  let records = 0;
  const sessionOf = kind === 'okta' ? (o) => o.authenticationContext?.externalSessionId : (o) => o['session.id'];
  eachLine(file, (buffer, start, end) => {
    count(sessions, sessionOf(JSON.parse(buffer.toString('utf8', start, end))));
    records++;
  });
  return { records, sessions: sessions.size };
}

const COMBINED = /^(\S+) \S+ (\S+) \[([^\]]*)\] "([^"]*)" (\d{3}) (\d+|-) "([^"]*)" "([^"]*)"/;

function bareText(file) {
  const sessions = new Map();
  let records = 0;
  eachLine(file, (buffer, start, end) => {
    const m = COMBINED.exec(buffer.toString('utf8', start, end));
    if (m) count(sessions, `${m[2]}@${m[1]}`);
    records++;
  });
  return { records, sessions: sessions.size };
}

function bareCsv(file) {
  const sessions = new Map();
  let records = 0;
  eachLine(file, (buffer, start, end) => {
    if (records++ === 0) return;
    count(sessions, buffer.toString('utf8', start, end).split(',')[5]);
  });
  return { records: records - 1, sessions: sessions.size };
}

async function scan([output, ...rest]) {
  const { main } = await import(new URL('../dist/cli/main.js', import.meta.url).href);
  const code = await main([
    'node',
    'borrowscan',
    'scan',
    ...rest,
    '--format',
    'json',
    '-o',
    output,
    '--fail-on',
    'none',
    '--no-progress',
    '-q',
  ]);
  return { exitCode: code };
}

/**
 * What an analyst might run instead: sessions that began with a browser sign-in in Okta and then made requests with
 * a client that is no browser (nor the mobile app), by session and user agent. DuckDB reads only the columns named.
 */
async function duckdb([okta, access]) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  const quote = (path) => `'${path.replace(/'/g, "''")}'`;
  const sql = `
    WITH signin AS (
      SELECT authenticationContext.externalSessionId AS sid, min(published) AS started
      FROM read_json(${quote(okta)}, format = 'newline_delimited')
      WHERE eventType = 'user.session.start' AND client.userAgent.rawUserAgent LIKE 'Mozilla/%'
      GROUP BY 1)
    SELECT s.sid, a."user_agent.original" AS ua, count(*) AS requests
    FROM signin s JOIN read_json(${quote(access)}, format = 'newline_delimited') a ON a."session.id" = s.sid
    WHERE NOT regexp_matches(a."user_agent.original", '^(Mozilla|ExampleMobile)/')
    GROUP BY 1, 2`;
  const rows = (await connection.runAndReadAll(sql)).getRows();
  return { rows: rows.length };
}

/**
 * Opt-in (BENCH_MEMORY_TRACE=1): where the peak RSS falls. A worker thread reads the process's RSS every 20 ms (it
 * runs while the scan's own thread is busy in a synchronous stage); this thread records its heap, typed arrays and
 * external memory every 100 ms while it is free (reading is asynchronous). Reports the RSS peak's time and the last
 * heap sample before it, so that a peak after reading (detect, report) shows as such. Off, nothing of it runs.
 */
async function traceMemory() {
  const { Worker } = await import('node:worker_threads');
  const started = performance.now();
  const watcher = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = 0, at = 0; const t0 = Date.now();
     const timer = setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak) { peak = r; at = Date.now() - t0; } }, 20);
     parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage({ peak, at }); });`,
    { eval: true },
  );
  const mb = (b) => Math.round(b / 104857.6) / 10;
  const heap = [];
  const sample = () => {
    const m = process.memoryUsage();
    heap.push({
      atMs: Math.round(performance.now() - started),
      rssMb: mb(m.rss),
      heapUsedMb: mb(m.heapUsed),
      heapTotalMb: mb(m.heapTotal),
      externalMb: mb(m.external),
      arrayBuffersMb: mb(m.arrayBuffers),
    });
  };
  const timer = setInterval(sample, 100);
  return {
    async stop() {
      clearInterval(timer);
      sample();
      const peak = await new Promise((resolve) => {
        watcher.once('message', resolve);
        watcher.postMessage('stop');
      });
      await watcher.terminate();
      const before = heap.filter((h) => h.atMs <= peak.at).at(-1);
      const maxHeap = heap.reduce((a, h) => (h.heapUsedMb > a.heapUsedMb ? h : a), heap[0]);
      return {
        rssPeakMb: mb(peak.peak),
        rssPeakAtMs: peak.at,
        lastHeapSampleMs: heap.at(-2)?.atMs,
        atRssPeak: before,
        atHeapPeak: maxHeap,
        end: heap.at(-1),
      };
    },
  };
}

const t0 = performance.now();
const trace = process.env.BENCH_MEMORY_TRACE ? await traceMemory() : undefined;
let extra;
if (mode === 'bare-json') extra = bareJson(args[0], args[1]);
else if (mode === 'bare-text') extra = bareText(args[0]);
else if (mode === 'bare-csv') extra = bareCsv(args[0]);
else if (mode === 'scan') extra = await scan(args);
else if (mode === 'duckdb') extra = await duckdb(args);
else {
  process.stderr.write(
    'usage: node bench/child.mjs bare-json okta|access FILE | bare-text FILE | bare-csv FILE | scan OUT ARGS... | duckdb OKTA ACCESS\n',
  );
  process.exit(2);
}
const ms = performance.now() - t0;
if (trace) extra = { ...extra, memoryTrace: await trace.stop() };
const usage = process.resourceUsage();
process.stdout.write(
  `BENCH ${JSON.stringify({ mode, ms, maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, ...extra })}\n`,
);
