/** Preloaded into a measured process (node --import): writes its peak RSS in KB to the file BENCH_RSS_FILE names, at exit. */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
