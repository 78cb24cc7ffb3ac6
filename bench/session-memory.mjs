#!/usr/bin/env node
/**
 * What a session costs in memory: the scan's read and correlate stages on generated sessions, in this process, with
 * the heap measured once every event is in the store. Run after `npm run build`, with --expose-gc for exact figures:
 *
 *   node --expose-gc bench/session-memory.mjs                          1,000,000 sessions of one browser request
 *   node --expose-gc bench/session-memory.mjs --sessions 250000 --clients 4
 *                                                                      sessions of 4 distinct user agents each
 *   node --expose-gc bench/session-memory.mjs --snapshot FILE          also write a heap snapshot after reading
 *   node --expose-gc bench/session-memory.mjs --root DIR               another checkout's dist/, to compare
 *
 * With --clients 1 every session is one Chrome request (one shared client identity); with --clients N > 1 each
 * session has N requests from N user agents no other session uses (N distinct client identities per session).
 * Each session has its own id, user and IP. Prints heap bytes per session (heapUsed after a full GC, less the heap
 * before reading), the bytes the columnar pools outside the heap fill (activity rows, request samples, evidence; room
 * they reserve and never touch costs address space, not memory), RSS, and the reading time.
 * The peak RSS of a whole scan of the same data is `node bench/stress.mjs --only sessions`.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import { writeSessions } from './session-data.mjs';

const { values: opts } = parseArgs({
  options: {
    sessions: { type: 'string', default: '1000000' },
    clients: { type: 'string', default: '1' },
    snapshot: { type: 'string' },
    root: { type: 'string' },
  },
});
const root = resolve(opts.root ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const sessions = Number(opts.sessions);
const clients = Number(opts.clients);
const load = async (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { openInputs, readInputs } = await load('engine/read.js');
const { createSessionStore, joinStage } = await load('engine/correlate.js');
const { observerFor } = await load('engine/detect.js');
const { RULES } = await load('rules/index.js');
const { newRuleContext } = await load('rules/rule.js');

const dir = mkdtempSync(join(tmpdir(), 'borrowscan-session-memory-'));
try {
  const file = join(dir, 'sessions.jsonl');
  await writeSessions(createWriteStream(file), sessions, clients);
  const MB = 1024 * 1024;
  globalThis.gc?.();
  const before = process.memoryUsage();
  const options = { paths: [file], worker: 'never' };
  const opened = await openInputs(options);
  const store = createSessionStore(opened.totalBytes);
  const context = newRuleContext(store.sessions);
  const observe = observerFor(RULES, context);
  const t0 = performance.now();
  await readInputs(opened, options, undefined, (event) => {
    store.add(event);
    observe?.(event, store.lastSession, store.lastClient);
  });
  const readMs = performance.now() - t0;
  globalThis.gc?.();
  const after = process.memoryUsage();
  if (opts.snapshot) writeHeapSnapshot(opts.snapshot);
  const t1 = performance.now();
  joinStage(store, RULES);
  const joinMs = performance.now() - t1;
  const heap = after.heapUsed - before.heapUsed;
  const { activity, samples, evidence } = store;
  // The activity pool's typed columns: those of one entry per row, and the rows of counts and of networks it hands out
  // apart from its rows, where it has them (an older pool's counts and networks are per row).
  const perRow = (c) => (c.length / activity.levels.length) * c.BYTES_PER_ELEMENT;
  const apart = activity.countRows === undefined ? [] : [activity.counts];
  if (activity.networkRows !== undefined) apart.push(activity.networks, activity.networkFirst);
  const columns = Object.values(activity).filter((v) => ArrayBuffer.isView(v) && !apart.includes(v));
  const rowBytes = columns.reduce((sum, c) => sum + perRow(c), 0);
  const countBytes = activity.countRows === undefined ? 0 : activity.countRows * 32 * activity.counts.BYTES_PER_ELEMENT;
  const networkBytes = activity.networkRows === undefined ? 0 : activity.networkRows * 3 * (4 + 8);
  // The evidence pool's columns, where the store has one (its summaries are strings on the heap).
  const buffers =
    activity.rows * rowBytes + countBytes + networkBytes + samples.size * (8 + 4 + 4 + 4 + 4) + (evidence?.size ?? 0) * (8 + 4 + 4 + 4);
  const kept = store.sessions.size;
  process.stdout.write(
    `${root}: ${kept} sessions, ${kept * clients} clients: heap ${(heap / MB).toFixed(1)} MB ` +
      `(${Math.round(heap / kept)} B per session), pools ${(buffers / MB).toFixed(1)} MB ` +
      `(${Math.round(buffers / kept)} B per session), RSS ${(after.rss / MB).toFixed(0)} MB; ` +
      `reading ${(readMs / 1000).toFixed(1)} s, joins ${(joinMs / 1000).toFixed(1)} s` +
      `${globalThis.gc ? '' : ' (run with --expose-gc for exact heap figures)'}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
