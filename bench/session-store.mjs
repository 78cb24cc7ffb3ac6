#!/usr/bin/env node
/**
 * The session store's hot path alone: SessionStore.add, once per event, on events made up front (no reading, no
 * parsing), so that what a change to it costs per event shows without the noise of a whole scan.
 *
 *   node bench/session-store.mjs                 this checkout's dist/
 *   node bench/session-store.mjs --root DIR      another checkout's dist/ (say, main's), to compare
 *   node bench/session-store.mjs --events N --sessions N --runs N
 *
 * Events: N sessions, each a browser (a few IPs of one /24) and, in one session in five, python-requests from
 * another network; times mostly rising with one event in ten out of order. Prints ns per event (median of the runs)
 * and the heap the store holds at the end.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const root = resolve(flag('--root', resolve(dirname(fileURLToPath(import.meta.url)), '..')));
const eventCount = Number(flag('--events', '600000'));
const sessionCount = Number(flag('--sessions', '20000'));
const runs = Number(flag('--runs', '5'));

const { SessionStore } = await import(pathToFileURL(`${root}/dist/engine/sessions.js`).href);
const { createClientClassifier } = await import(pathToFileURL(`${root}/dist/clients/classify.js`).href);

const CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const T0 = Date.parse('2026-11-02T08:00:00Z');

let seed = 42;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 2 ** 32;
};

function makeEvents() {
  const events = [];
  for (let k = 0; k < eventCount; k++) {
    const s = k % sessionCount;
    const script = s % 5 === 0 && k % 7 === 0;
    const time = T0 + Math.floor((k / eventCount) * 10 * 3600_000) - (k % 10 === 0 ? Math.floor(rnd() * 600_000) : 0);
    const path = `/api/items/${k % 97}`;
    events.push({
      source: { file: 'bench.jsonl', line: k + 1 },
      format: 'access-log',
      kind: 'request',
      action: `GET ${path}`,
      outcome: 'success',
      method: 'GET',
      path,
      status: 200,
      time,
      sessionId: `102s${s}`,
      user: `user${s}@example.com`,
      userAgent: script ? 'python-requests/2.32.3' : CHROME,
      ip: script ? `203.0.113.${s % 250}` : `198.51.${s % 200}.${1 + (k % 3)}`,
    });
  }
  return events;
}

const events = makeEvents();
const times = [];
let heap = 0;
for (let r = 0; r < runs; r++) {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const store = new SessionStore(createClientClassifier());
  const t = process.hrtime.bigint();
  for (const e of events) store.add(e);
  times.push(Number(process.hrtime.bigint() - t) / eventCount);
  globalThis.gc?.();
  heap = process.memoryUsage().heapUsed - before;
  globalThis.kept = store;
  if (store.sessions.size !== sessionCount) throw new Error(`expected ${sessionCount} sessions, got ${store.sessions.size}`);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `${root}: ${eventCount} events, ${sessionCount} sessions: ${median.toFixed(0)} ns per event ` +
    `(runs ${times.map((t) => t.toFixed(0)).join(', ')}); heap held ${(heap / 1024 / 1024).toFixed(1)} MB` +
    (globalThis.gc ? '' : ' (run with --expose-gc for a steadier heap figure)'),
);
