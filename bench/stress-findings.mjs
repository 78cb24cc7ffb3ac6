/**
 * Stress: a scan with a very large number of findings, every report at once.
 *
 *   npm run stress:findings                   300,000 sessions (each a browser sign-in, then python-requests on it)
 *   npm run stress:findings -- --sessions N
 *
 * Writes (deterministically, into the git-ignored bench/.data/) an Okta System Log of N sessions, each signed in
 * interactively with Chrome and then used by python-requests from another network: N critical
 * agent-on-human-session findings. Then runs, each in a fresh process:
 *   1. `scan --format json -o /dev/null`: the scan and the JSON report alone;
 *   2. `scan` with the table on stdout (to a file) plus --json, --jsonl, --csv, --sarif, --markdown, --html and
 *      --ocsf-findings files.
 * Prints wall time and peak RSS of each and checks every report is complete: N JSON/JSONL/CSV findings, 25,000
 * SARIF results with the rest counted, a Markdown report under 1 MiB and a table that lists 20 and counts the rest.
 * Not a test: figures depend on the machine (README, "Limits").
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = new URL('..', import.meta.url).pathname;
const CHILD = new URL('./stress-child.mjs', import.meta.url).pathname;
const argIndex = process.argv.indexOf('--sessions');
const SESSIONS = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 300_000;
const CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const START = Date.UTC(2026, 10, 2, 7);

function event(time, type, user, session, ua, ip) {
  return JSON.stringify({
    uuid: `${session}-${time}`,
    published: new Date(time).toISOString(),
    eventType: type,
    version: '0',
    severity: 'INFO',
    displayMessage: type,
    actor: { id: '00u1', type: 'User', alternateId: user, displayName: user },
    client: { userAgent: { rawUserAgent: ua, os: 'Unknown', browser: 'UNKNOWN' }, ipAddress: ip, device: 'Computer', zone: 'null' },
    authenticationContext: { externalSessionId: session, authenticationStep: 0 },
    outcome: { result: 'SUCCESS', reason: null },
    transaction: { type: 'WEB', id: 'tx', detail: {} },
    debugContext: { debugData: {} },
    target: null,
  });
}

async function writeLog(file, sessions) {
  const out = createWriteStream(`${file}.tmp`);
  let buffer = '';
  for (let i = 0; i < sessions; i++) {
    const t = START + i * 1000;
    const user = `user${i}@example.com`;
    const session = `102stress${i}`;
    buffer += `${event(t, 'user.session.start', user, session, CHROME, '198.51.100.7')}\n`;
    buffer += `${event(t + 600_000, 'user.authentication.sso', user, session, 'python-requests/2.32.3', '203.0.113.50')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((resolve) => out.once('drain', resolve));
      buffer = '';
    }
  }
  await new Promise((resolve) => out.end(buffer, resolve));
  renameSync(`${file}.tmp`, file);
}

/** Runs `borrowscan ARGS` in a fresh process (stress-child.mjs), stdout to `stdoutFile`; returns time and peak RSS. */
function run(args, stdoutFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { cwd: ROOT, stdio: ['ignore', openSync(stdoutFile, 'w'), 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', () => {
      const line = stderr.split('\n').find((l) => l.startsWith('STRESS '));
      if (!line) return reject(new Error(`no measurement; stderr:\n${stderr}`));
      resolve({ ...JSON.parse(line.slice(7)), stderr: stderr.replace(/\n?STRESS .*\n/, '') });
    });
  });
}

/** The last `bytes` of a file: the reports are far larger than a string can be. */
function tail(file, bytes = 4096) {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(bytes, size));
    readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

async function countLines(file, accept = () => true) {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file) })) if (accept(line)) n++;
  return n;
}

function check(what, ok, detail) {
  process.stdout.write(`  ${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? `: ${detail}` : ''}\n`);
  if (!ok) process.exitCode = 1;
}

const mb = (bytes) => (bytes / 1048576).toFixed(1);

const dataDir = join(ROOT, 'bench/.data');
mkdirSync(dataDir, { recursive: true });
const log = join(dataDir, `findings-${SESSIONS}.ndjson`);
if (!existsSync(log)) {
  process.stdout.write(`writing ${log} (${SESSIONS} sessions)...\n`);
  await writeLog(log, SESSIONS);
}
process.stdout.write(`input: ${log}, ${mb(statSync(log).size)} MB, ${SESSIONS * 2} events, ${SESSIONS} sessions\n\n`);

const out = mkdtempSync(join(tmpdir(), 'borrowscan-stress-'));
const files = {
  json: 'r.json',
  jsonl: 'r.jsonl',
  csv: 'r.csv',
  sarif: 'r.sarif',
  markdown: 'r.md',
  html: 'r.html',
  'ocsf-findings': 'r.ocsf.jsonl',
};
const path = (name) => join(out, name);
try {
  const alone = await run(['scan', log, '--format', 'json', '-o', '/dev/null', '--no-progress'], path('alone.txt'));
  const all = await run(
    ['scan', log, '--no-progress', ...Object.entries(files).flatMap(([format, file]) => [`--${format}`, path(file)])],
    path('table.txt'),
  );
  process.stdout.write('| run | wall s | peak RSS MB | exit |\n| --- | ---: | ---: | ---: |\n');
  process.stdout.write(
    `| scan, JSON to /dev/null | ${(alone.ms / 1000).toFixed(1)} | ${(alone.maxRssKb / 1024).toFixed(0)} | ${alone.exit} |\n`,
  );
  process.stdout.write(
    `| scan, table + JSON, JSONL, CSV, SARIF, Markdown, HTML, OCSF files | ${(all.ms / 1000).toFixed(1)} | ${(all.maxRssKb / 1024).toFixed(0)} | ${all.exit} |\n\n`,
  );

  process.stdout.write('reports:\n');
  for (const [format, file] of Object.entries({ table: 'table.txt', ...files }))
    process.stdout.write(`  ${format.padEnd(13)} ${mb(statSync(path(file)).size).padStart(8)} MB\n`);
  // GitHub takes a SARIF upload of at most 10 MB gzip-compressed.
  process.stdout.write(
    `  sarif.gz ${mb(gzipSync(readFileSync(path(files.sarif))).length).padStart(8)} MB (GitHub's upload limit: 10 MB)\n`,
  );
  process.stdout.write('\nchecks:\n');
  check('exit code 1 (findings), both runs', alone.exit === 1 && all.exit === 1, `${alone.exit}, ${all.exit}`);
  check(`JSON lists ${SESSIONS} findings`, (await countLines(path(files.json), (l) => l.startsWith('      "id": "bs-'))) === SESSIONS);
  check('JSON is complete', /\n {2}"staleSuppressions": \[\][\s\S]*\n\}\n$/.test(tail(path(files.json))));
  check(`JSONL has ${SESSIONS} lines`, (await countLines(path(files.jsonl))) === SESSIONS);
  check(`CSV has ${SESSIONS} rows and a header`, (await countLines(path(files.csv))) === SESSIONS + 1);
  const sarifResults = await countLines(path(files.sarif), (l) => l.startsWith('          "ruleId": '));
  const expectedSarif = Math.min(SESSIONS, 25_000);
  check(`SARIF has ${expectedSarif} results`, sarifResults === expectedSarif, String(sarifResults));
  if (SESSIONS > 25_000) {
    check('SARIF counts what it left out', tail(path(files.sarif)).includes(`"resultsLeftOut": ${SESSIONS - 25_000}`));
    check('stderr says so', all.stderr.includes(`${SESSIONS - 25_000} of ${SESSIONS} findings are not in this SARIF report`));
  }
  const md = readFileSync(path(files.markdown), 'utf8');
  check(
    'Markdown is under 1 MiB and says what it left out',
    Buffer.byteLength(md) <= 1048576 && md.includes('**Not listed here:**'),
    `${Buffer.byteLength(md)} bytes`,
  );
  const drawn = Math.min(200, SESSIONS);
  check(
    `HTML draws ${drawn} timelines`,
    (await countLines(path(files.html), (l) => l.includes('<figure class="timeline-figure">'))) === drawn,
  );
  check(
    `HTML lists the other ${SESSIONS - drawn}`,
    (await countLines(path(files.html), (l) => l.startsWith('<tr id="finding-'))) === SESSIONS - drawn,
  );
  check('HTML is complete', tail(path(files.html)).endsWith('</body></html>\n'));
  check(`OCSF findings has ${SESSIONS} lines`, (await countLines(path(files['ocsf-findings']))) === SESSIONS);
  check(
    'JSON carries a timeline per finding',
    (await countLines(path(files.json), (l) => l.startsWith('      "timeline": {'))) === SESSIONS,
  );
  const table = readFileSync(path('table.txt'), 'utf8');
  check(
    'table lists 20 and counts the rest',
    (table.match(/^ {2}agent-on-human-session /gm) ?? []).length === Math.min(20, SESSIONS) &&
      (SESSIONS <= 20 || table.includes(`${SESSIONS - 20} more agent-on-human-session (critical) not listed`)),
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
