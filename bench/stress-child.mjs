/**
 * Runs `borrowscan ARGS` in this (fresh) process through dist/cli/main.js, then prints one line to stderr:
 *   STRESS {"ms": ..., "maxRssKb": ..., "exit": ...}
 * (A file, not `node -e`: the parsing worker inherits the process's flags, and `--input-type` stops it.)
 */
const { main } = await import(new URL('../dist/cli/main.js', import.meta.url).href);
const t0 = performance.now();
const exit = await main(['node', 'borrowscan', ...process.argv.slice(2)]);
const ms = performance.now() - t0;
process.stderr.write(`\nSTRESS ${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, exit })}\n`);
process.exitCode = exit;
