#!/usr/bin/env node
/**
 * Where a scan's time goes, stage by stage, on one thread: each stage runs in a fresh process and adds one step to
 * the one before, so that the differences are the steps' costs (CPU time, which a busy machine inflates less than
 * wall time). Run after `npm run build`:
 *
 *   node bench/stages.mjs FILE [--runs 3]
 *
 *   read      records split and mapped to events, nothing else (readInput with an empty onEvent)
 *   sessions  + every event added to the session store
 *   observe   + the rules that judge each event as it streams
 *   scan      the whole scan (joins, rules over sessions, the JSON report to /dev/null)
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const STAGES = ['read', 'sessions', 'observe', 'scan'];

async function stage(name, file) {
  const dist = new URL('../dist/', import.meta.url);
  const t0 = performance.now();
  if (name === 'scan') {
    const { main } = await import(new URL('cli/main.js', dist).href);
    await main([
      'node',
      'borrowscan',
      'scan',
      file,
      '--format',
      'json',
      '-o',
      '/dev/null',
      '--fail-on',
      'none',
      '--no-progress',
      '-q',
      '--worker',
      'never',
    ]);
  } else {
    const { readInput } = await import(new URL('input/read.js', dist).href);
    const { FORMATS } = await import(new URL('input/registry.js', dist).href);
    const { createSessionStore } = await import(new URL('engine/correlate.js', dist).href);
    const { RULES } = await import(new URL('rules/index.js', dist).href);
    const { newRuleContext } = await import(new URL('rules/rule.js', dist).href);
    const { observerFor } = await import(new URL('engine/detect.js', dist).href);
    const store = createSessionStore(statSync(file).size);
    const observe = observerFor(RULES, newRuleContext(store.sessions, undefined));
    const onEvent =
      name === 'read'
        ? () => {}
        : name === 'sessions'
          ? (e) => store.add(e)
          : (e) => {
              store.add(e);
              observe?.(e, store.lastSession, store.lastClient);
            };
    await readInput({ path: file, explicit: true, size: statSync(file).size }, { formats: FORMATS, onEvent });
  }
  const ms = performance.now() - t0;
  const u = process.resourceUsage();
  return { ms, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, rssMb: u.maxRSS / 1024 };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, child: { type: 'string' } },
});
if (values.child) {
  process.stdout.write(`${JSON.stringify(await stage(values.child, positionals[0]))}\n`);
} else {
  const file = positionals[0];
  if (!file) {
    process.stderr.write('usage: node bench/stages.mjs FILE [--runs N]\n');
    process.exit(2);
  }
  const samples = Object.fromEntries(STAGES.map((s) => [s, []]));
  for (let i = 0; i < Number(values.runs); i++) {
    for (const s of STAGES) {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), file, '--child', s], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      samples[s].push(JSON.parse(r.stdout.trim().split('\n').at(-1)));
    }
  }
  const med = (list, k) => [...list.map((x) => x[k])].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
  let before = 0;
  for (const s of STAGES) {
    const cpu = med(samples[s], 'cpuMs');
    process.stdout.write(
      `${s.padEnd(9)} CPU ${(cpu / 1000).toFixed(2)} s (+${((cpu - before) / 1000).toFixed(2)})  wall ${(med(samples[s], 'ms') / 1000).toFixed(2)} s  RSS ${med(samples[s], 'rssMb').toFixed(0)} MB\n`,
    );
    before = cpu;
  }
}
