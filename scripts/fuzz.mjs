#!/usr/bin/env node
/**
 * The long fuzz: `npm run fuzz -- [--seed N] [--runs N] [--out DIR] [--max-huge BYTES] [--stall SECONDS]`.
 *
 * Runs the CLI fuzz of test/fuzz/ (damaged fixtures and shared-corpus samples through main(), every report format,
 * twice) with RUNS cases and huge values up to MAX-HUGE bytes (past the 16 MB record limit by default), and the
 * parser properties of the suite with their runs multiplied; prints the seed first, so that any run can be repeated. A failing case is
 * shrunk and written to OUT (default fuzz-failures/) with its input and a command that reads it again. A case
 * that makes no progress for STALL seconds is a hang: the run is stopped and that case written to OUT too.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const USAGE = 'usage: npm run fuzz -- [--seed N] [--runs N] [--out DIR] [--max-huge BYTES] [--stall SECONDS]';
const args = process.argv.slice(2);
const options = { seed: undefined, runs: '2000', out: 'fuzz-failures', 'max-huge': String(17 * 1024 * 1024), stall: '300' };
for (let i = 0; i < args.length; i++) {
  const m = /^--(seed|runs|out|max-huge|stall)(?:=(.*))?$/.exec(args[i]);
  if (!m) {
    console.error(`fuzz: unknown argument ${JSON.stringify(args[i])}\n${USAGE}`);
    process.exit(2);
  }
  const value = m[2] ?? args[++i];
  if (value === undefined || (m[1] !== 'out' && !/^-?\d+$/.test(value))) {
    console.error(`fuzz: --${m[1]} needs ${m[1] === 'out' ? 'a folder' : 'a whole number'}\n${USAGE}`);
    process.exit(2);
  }
  options[m[1]] = value;
}
const seed = options.seed ?? String(Math.floor(Math.random() * 2 ** 31));
const out = resolve(options.out);
const progress = join(tmpdir(), `borrowscan-fuzz-progress-${process.pid}.json`);
const scale = String(Math.max(1, Math.round(Number(options.runs) / 100)));

console.log(`fuzz: seed ${seed}, ${options.runs} cases, huge values up to ${options['max-huge']} bytes; failures go to ${out}`);
console.log(`fuzz: run it again with: npm run fuzz -- --seed ${seed} --runs ${options.runs}`);

const files = [
  'test/fuzz/cli.fuzz.test.ts',
  'test/input/records/readers.property.test.ts',
  'test/input/decode.property.test.ts',
  'test/input/detect.property.test.ts',
  'test/input/field-map.property.test.ts',
  'test/cli/args.property.test.ts',
  'test/input/common/linear-matchers.property.test.ts',
];
const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...files], {
  stdio: 'inherit',
  env: {
    ...process.env,
    FUZZ_SEED: seed,
    FUZZ_RUNS: options.runs,
    FUZZ_SCALE: scale,
    FUZZ_OUT: out,
    FUZZ_MAX_HUGE: options['max-huge'],
    FUZZ_PROGRESS: progress,
    FUZZ_CORPUS: '1',
  },
});

// A hang shows as a case that does not change: the watchdog stops the run and keeps the case.
let last = '';
let since = Date.now();
const watchdog = setInterval(() => {
  const now = existsSync(progress) ? readFileSync(progress, 'utf8') : '';
  if (now !== last) {
    last = now;
    since = Date.now();
    return;
  }
  if (now !== '' && Date.now() - since > Number(options.stall) * 1000) {
    mkdirSync(out, { recursive: true });
    const kept = join(out, `hang-seed-${seed}-${Date.now()}.json`);
    copyFileSync(progress, kept);
    console.error(`fuzz: no progress for ${options.stall} s: a hang; the case is in ${kept}`);
    child.kill('SIGKILL');
  }
}, 5000);

child.on('exit', (code, signal) => {
  clearInterval(watchdog);
  rmSync(progress, { force: true });
  console.log(`fuzz: seed ${seed} ${code === 0 ? 'passed' : 'FAILED'}`);
  process.exit(code ?? (signal ? 1 : 0));
});
