import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHROME_MAC, oktaEvent } from '../../cli/okta-lines.js';
import { countSends } from '../../helpers/sharing.js';

// The worker thread runs the built JavaScript, so these tests drive dist/ (npm test builds it first).
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const dist = join(repo, 'dist');
const built = existsSync(join(dist, 'input', 'parallel', 'parse-worker.js'));

const load = async () => {
  const read = (await import(join(dist, 'input', 'read.js'))) as typeof import('../../../src/input/read.js');
  const registry = (await import(join(dist, 'input', 'registry.js'))) as typeof import('../../../src/input/registry.js');
  const parallel = (await import(join(dist, 'input', 'parallel', 'index.js'))) as typeof import('../../../src/input/parallel/index.js');
  return { readInput: read.readInput, FORMATS: registry.FORMATS, createSharing: parallel.createSharing };
};

const LIMIT = 2048;
const dir = mkdtempSync(join(tmpdir(), 'borrowscan-overlong-'));

const event = (i: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    ...oktaEvent({
      published: `2026-11-02T09:${String(i % 60).padStart(2, '0')}:00.000Z`,
      eventType: i % 7 === 0 ? 'user.session.start' : 'user.authentication.sso',
      user: `u${i % 5}@example.com`,
      session: `102s${i % 5}`,
      ua: i % 3 === 0 ? 'python-requests/2.32.3' : CHROME_MAC,
      ip: '198.51.100.7',
    }),
    ...extra,
  });

/** A JSON line padded to exactly `bytes` bytes of UTF-8 with `char` (one, two or three bytes long). */
function lineOf(i: number, bytes: number, char = 'x'): string {
  const bare = event(i, { pad: '' });
  const width = Buffer.byteLength(char);
  const room = bytes - Buffer.byteLength(bare);
  const line = event(i, { pad: char.repeat(Math.floor(room / width)) + 'y'.repeat(room % width) });
  expect(Buffer.byteLength(line)).toBe(bytes);
  return line;
}

/**
 * Lines at the limit and past it, everywhere a block can cut: first, among others, straddling blocks, as the last
 * line without its newline; exactly at the limit with LF and with CRLF; in two- and three-byte characters; with
 * bytes that are no UTF-8 (each is read as U+FFFD, three bytes, so the line is longer decoded than on disk).
 */
function awkwardFile(): Buffer {
  const parts: (string | Buffer)[] = [];
  const add = (line: string | Buffer, end = '\n') => parts.push(line, end);
  add(event(0));
  add(lineOf(1, LIMIT * 40));
  for (let i = 2; i < 400; i++) {
    if (i % 37 === 0) add(lineOf(i, LIMIT + 1));
    else if (i % 37 === 1) add(lineOf(i, LIMIT), '\r\n');
    else if (i % 37 === 2) add(lineOf(i, LIMIT + 1), '\r\n');
    else if (i % 37 === 3) add(lineOf(i, LIMIT, 'é'));
    else if (i % 37 === 4) add(lineOf(i, LIMIT + 2, '€'));
    else if (i % 37 === 5) {
      const line = Buffer.from(lineOf(i, LIMIT - 600));
      // 300 bytes that are no UTF-8, inside the string value: 300 bytes on disk, 900 decoded.
      add(Buffer.concat([line.subarray(0, line.length - 2), Buffer.alloc(300, 0xff), line.subarray(line.length - 2)]));
    } else if (i % 37 === 6) add(lineOf(i, LIMIT * 10));
    else add(event(i));
  }
  parts.push(lineOf(400, LIMIT * 5));
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
}

/** Reads the file as the scan does, with the worker (counting the blocks it was sent) or without. */
async function read(path: string, blockBytes?: number) {
  const { readInput, FORMATS, createSharing } = await load();
  const sharing = blockBytes === undefined ? undefined : createSharing({}, 0, blockBytes);
  const sent = sharing ? countSends(sharing) : () => 0;
  const events: unknown[] = [];
  try {
    const report = await readInput(
      { path, explicit: true, size: 1 },
      { formats: FORMATS, sharing, maxRecordBytes: LIMIT, onEvent: (e) => events.push(e) },
    );
    return { report, events, sent: sent() };
  } finally {
    await sharing?.close();
  }
}

describe.skipIf(!built)('records over --max-record-size, read with a worker thread and on one thread', () => {
  it('give the same report: the same lines skipped for the same reason, the same events', async () => {
    const path = join(dir, 'okta-overlong.ndjson');
    writeFileSync(path, awkwardFile());
    const alone = await read(path);
    expect(alone.report.format).toBe('okta');
    const long = Array.from({ length: 398 }, (_, k) => k + 2).filter((i) => [0, 2, 4, 5, 6].includes(i % 37));
    expect(alone.report.errors.map((e) => e.line)).toEqual([2, ...long.map((i) => i + 1), 401]);
    expect(new Set(alone.report.errors.map((e) => e.reason))).toEqual(new Set(['record larger than 2 KB (--max-record-size), skipped']));
    expect(alone.events.length).toBe(401 - alone.report.errors.length);
    for (const blockBytes of [64, 1000, 4096, 100_000]) {
      const shared = await read(path, blockBytes);
      expect(shared.sent, `blocks of ${blockBytes} bytes`).toBeGreaterThan(0);
      expect(shared.report, `blocks of ${blockBytes} bytes`).toEqual(alone.report);
      expect(shared.events, `blocks of ${blockBytes} bytes`).toEqual(alone.events);
    }
  });
});
