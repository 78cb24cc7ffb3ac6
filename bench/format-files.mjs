/**
 * Writes the files of the per-format benchmark (run.mjs), one per format, each with exactly the number of events
 * asked for, from the seeded world of world.mjs (formats in render.mjs). A file is reused when its manifest matches;
 * `streamFormat` writes the same lines to a stream instead (a pipe into a scan, to spare the disk at 5 million events).
 * (generate.mjs writes the Okta + API pair of the data-lake benchmark, lake.mjs.)
 *
 *   node bench/format-files.mjs FORMAT EVENTS      writes FORMAT's EVENTS lines to standard output
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMATS } from './render.mjs';
import { SEED, sessions } from './world.mjs';

/** Bump when the generated content changes, so that old files are not reused. */
const GENERATOR_VERSION = 5;
const FLUSH_CHARS = 8 * 1024 * 1024;

/**
 * The lines of one format, in pieces of about 8 MB, and what they hold.
 * @returns {Generator<string, { events: number, sessions: number, planted: Record<string, number> }>}
 */
export function* formatText(format, events) {
  const spec = FORMATS[format];
  if (!spec) throw new Error(`unknown format ${format}; known: ${Object.keys(FORMATS).join(', ')}`);
  const planted = {};
  let written = 0;
  let sessionCount = 0;
  let parts = spec.header ? [spec.header, '\n'] : [];
  let chars = 0;
  for (const session of sessions({ events })) {
    const list = session[spec.source];
    if (list.length === 0) continue;
    const take = Math.min(list.length, events - written);
    for (let i = 0; i < take; i++) {
      const line = spec.line(list[i]);
      parts.push(line, '\n');
      chars += line.length + 1;
    }
    written += take;
    sessionCount++;
    if (take === list.length && session.planted) planted[session.planted] = (planted[session.planted] ?? 0) + 1;
    if (chars >= FLUSH_CHARS) {
      yield parts.join('');
      parts = [];
      chars = 0;
    }
    if (written >= events) break;
  }
  if (parts.length > 0) yield parts.join('');
  return { events: written, sessions: sessionCount, planted };
}

/**
 * The file of `format` with `events` events under `dir`, written unless a matching one is there.
 * @returns {{ format: string, path: string, bytes: number, events: number, sessions: number, planted: Record<string, number>, reused: boolean, seconds: number }}
 */
export function ensureFormatFile({ dir, format, events, log = () => {} }) {
  const path = join(dir, `${format}-${events}.${FORMATS[format].extension}`);
  const manifestPath = `${path}.manifest.json`;
  mkdirSync(dir, { recursive: true });
  if (existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
      if (m.version === GENERATOR_VERSION && m.seed === SEED && existsSync(path) && statSync(path).size === m.bytes)
        return { ...m, path, reused: true, seconds: 0 };
    } catch {
      // Unreadable manifest: write the file again.
    }
  }
  log(`generating ${events.toLocaleString('en-US')} ${format} events into ${path} ...`);
  const t0 = performance.now();
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  let bytes = 0;
  let summary;
  try {
    const pieces = formatText(format, events);
    for (;;) {
      const next = pieces.next();
      if (next.done) {
        summary = next.value;
        break;
      }
      const buffer = Buffer.from(next.value, 'utf8');
      writeSync(fd, buffer);
      bytes += buffer.length;
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  const manifest = { version: GENERATOR_VERSION, seed: SEED, format, bytes, ...summary };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, path, reused: false, seconds: (performance.now() - t0) / 1000 };
}

/** Writes a format's lines to a stream, waiting when it is full; resolves with what they hold. */
export async function streamFormat(format, events, out) {
  const pieces = formatText(format, events);
  for (;;) {
    const next = pieces.next();
    if (next.done) return next.value;
    if (!out.write(next.value)) await new Promise((resolve) => out.once('drain', resolve));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [format, events] = process.argv.slice(2);
  streamFormat(format, Number(events), process.stdout).then(
    (summary) => process.stderr.write(`${JSON.stringify(summary)}\n`),
    (err) => {
      process.stderr.write(`${err.stack}\n`);
      process.exit(2);
    },
  );
}
