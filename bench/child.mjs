/**
 * Runs one measured workload in this (fresh) process, then prints one line to stdout:
 *   BENCH {"ms": ..., "maxRssKb": ..., "userMs": ..., "systemMs": ..., ...}
 *
 *   node bench/child.mjs baseline FILE...   read each file line by line and JSON.parse every line, nothing else
 *   node bench/child.mjs scan FILE...       a full `borrowscan scan` of the files (JSON report to /dev/null)
 *   node bench/child.mjs scan-one-thread FILE...   the same with --worker never
 *   node bench/child.mjs scan-report OUT FILE...   the same scan, with the JSON report written to OUT
 */
import { createReadStream } from 'node:fs';

const [mode, ...args] = process.argv.slice(2);

async function baseline(files) {
  let records = 0;
  let bytes = 0;
  for (const file of files) {
    // createReadStream's defaults (64 KiB chunks), as a plain script would read a file.
    const stream = createReadStream(file, { encoding: 'utf8' });
    let pending = '';
    for await (const chunk of stream) {
      const data = pending.length > 0 ? pending + chunk : chunk;
      let start = 0;
      for (;;) {
        const nl = data.indexOf('\n', start);
        if (nl < 0) break;
        if (nl > start) {
          JSON.parse(data.slice(start, nl));
          records++;
        }
        start = nl + 1;
      }
      pending = data.slice(start);
      bytes += chunk.length;
    }
    if (pending.trim().length > 0) {
      JSON.parse(pending);
      records++;
    }
  }
  return { records, chars: bytes };
}

async function scan(files, output, extra = []) {
  const { main } = await import(new URL('../dist/cli/main.js', import.meta.url).href);
  const code = await main(['node', 'borrowscan', 'scan', ...files, '--format', 'json', '-o', output, '--fail-on', 'none', '--no-progress', ...extra]);
  return { exitCode: code };
}

const t0 = performance.now();
let extra;
if (mode === 'baseline') extra = await baseline(args);
else if (mode === 'scan') extra = await scan(args, '/dev/null');
else if (mode === 'scan-one-thread') extra = await scan(args, '/dev/null', ['--worker', 'never']);
else if (mode === 'scan-report') extra = await scan(args.slice(1), args[0]);
else {
  process.stderr.write(`usage: node bench/child.mjs baseline|scan|scan-one-thread FILE... | scan-report OUT FILE...\n`);
  process.exit(2);
}
const ms = performance.now() - t0;
const usage = process.resourceUsage();
process.stdout.write(
  `BENCH ${JSON.stringify({ mode, ms, maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, ...extra })}\n`,
);
