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

const t0 = performance.now();
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
const usage = process.resourceUsage();
process.stdout.write(
  `BENCH ${JSON.stringify({ mode, ms, maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, ...extra })}\n`,
);
