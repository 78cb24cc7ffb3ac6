import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHROME_MAC, oktaEvent } from '../cli/okta-lines.js';
import { CORPUS, corpusExists } from '../helpers/corpus.js';
import { countSends } from '../helpers/sharing.js';

// The worker thread runs the built JavaScript, so these tests drive dist/ (npm test builds it first).
const repo = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(repo, 'dist');
const built = existsSync(join(dist, 'input', 'parallel', 'parse-worker.js'));
if (!built) console.warn('dist/ is not built (npm test builds it first): skipping the shared-parsing tests');
if (!corpusExists) console.warn(`corpus not found at ${CORPUS}: skipping the shared-parsing corpus comparison`);

type Scan = typeof import('../../src/engine/scan.js').scan;
const load = async () => {
  const run = (await import(join(dist, 'engine', 'scan.js'))) as { scan: Scan };
  const read = (await import(join(dist, 'input', 'read.js'))) as typeof import('../../src/input/read.js');
  const registry = (await import(join(dist, 'input', 'registry.js'))) as typeof import('../../src/input/registry.js');
  const parallel = (await import(join(dist, 'input', 'parallel', 'index.js'))) as typeof import('../../src/input/parallel/index.js');
  return { scan: run.scan, readInput: read.readInput, FORMATS: registry.FORMATS, createSharing: parallel.createSharing };
};

/** A result as data: the timelines compared as what they draw, finding by finding (the result holds them as functions). */
function plain({ timelines, ...rest }: Awaited<ReturnType<Scan>>) {
  return { ...rest, timelines: [...rest.findings].map((f) => timelines?.forFinding(f)) };
}

/** Both ways of reading, with blocks small enough that every fixture is cut into many. */
async function bothWays(paths: string[]) {
  const { scan } = await load();
  const never = plain(await scan({ paths, worker: 'never' }));
  const always = plain(await scan({ paths, worker: 'always', blockBytes: 512 }));
  return { never, always };
}

const dir = mkdtempSync(join(tmpdir(), 'borrowscan-shared-'));

/** An Okta export with a BOM, CRLF line ends, malformed lines, a line longer than many blocks and no final newline. */
function awkwardOktaExport(): { path: string; badLines: number[]; events: number } {
  const lines: string[] = [];
  const badLines: number[] = [];
  let events = 0;
  for (let i = 0; i < 3000; i++) {
    if (i % 997 === 500) {
      lines.push('{"published": "2026-11-02T08:00:00Z", "eventType": ');
      badLines.push(i + 1);
      continue;
    }
    if (i % 450 === 7) {
      lines.push('');
      continue;
    }
    const minute = String(i % 60).padStart(2, '0');
    const e = oktaEvent({
      published: `2026-11-02T${String(8 + (i % 9)).padStart(2, '0')}:${minute}:00Z`,
      eventType: i % 50 === 0 ? 'user.session.start' : 'user.authentication.sso',
      user: `user${i % 37}@example.com`,
      session: `102s${i % 41}`,
      ua: i % 3 === 0 ? CHROME_MAC : i % 3 === 1 ? 'python-requests/2.32.3' : `curl/8.${i % 7}.0`,
      ip: `198.51.100.${i % 200}`,
    });
    if (i === 1234) (e as { displayMessage: string }).displayMessage = 'x'.repeat(20_000);
    lines.push(JSON.stringify(e));
    events++;
  }
  const path = join(dir, 'okta-awkward.ndjson');
  writeFileSync(path, `\ufeff${lines.join('\r\n')}`);
  return { path, badLines, events };
}

describe.skipIf(!built)('parsing shared with a worker thread gives the same report as one thread', () => {
  const awkward = awkwardOktaExport();

  it('on every fixture (all formats, gzip, arrays, CSV, text logs)', async () => {
    const { never, always } = await bothWays([join(repo, 'fixtures')]);
    expect(never.summary.events).toBeGreaterThan(100);
    expect(always).toEqual(never);
  });

  it('with a custom --log-format, which the worker compiles the same way', async () => {
    const { scan } = await load();
    const fixture = join(repo, 'fixtures', 'log-format', 'agent-headers');
    const logFormat = readFileSync(join(fixture, 'log_format.conf'), 'utf8');
    const paths = [join(fixture, 'access.log')];
    const never = plain(await scan({ paths, logFormat, worker: 'never' }));
    const always = plain(await scan({ paths, logFormat, worker: 'always', blockBytes: 64 }));
    expect(never.inputs[0]).toMatchObject({ format: 'log-format', events: 5, skipped: 3 });
    expect(always).toEqual(never);
  });

  it.skipIf(!corpusExists)('on the shared corpus of real exports', async () => {
    const { never, always } = await bothWays([CORPUS]);
    expect(never.summary.events).toBeGreaterThan(100);
    expect(always).toEqual(never);
  });

  it('on an awkward export: skipped lines keep their numbers, every good line is an event', async () => {
    const { never, always } = await bothWays([awkward.path]);
    expect(always).toEqual(never);
    const input = always.inputs[0]!;
    expect(input.errors.map((e) => e.line)).toEqual(awkward.badLines);
    expect(input.events).toBe(awkward.events);
    expect([...always.findings].length).toBeGreaterThan(0);
  });

  it('reads a gzip file whole on the main thread: a compressed stream cannot be cut into blocks', async () => {
    const gz = join(dir, 'okta-awkward.ndjson.gz');
    writeFileSync(gz, gzipSync(readFileSync(awkward.path)));
    const { never, always } = await bothWays([gz]);
    expect(always).toEqual(never);
    expect(always.inputs[0]!.errors.map((e) => e.line)).toEqual(awkward.badLines);
  });

  it('does send blocks to the worker, and the events match a read on one thread', async () => {
    const { readInput, FORMATS, createSharing } = await load();
    const sharing = createSharing({}, 0, 4096);
    const sent = countSends(sharing);
    const file = { path: awkward.path, explicit: true, size: statSync(awkward.path).size };
    const shared: unknown[] = [];
    const alone: unknown[] = [];
    try {
      await readInput(file, { formats: FORMATS, sharing, onEvent: (e) => shared.push(e) });
    } finally {
      await sharing.close();
    }
    await readInput(file, { formats: FORMATS, onEvent: (e) => alone.push(e) });
    expect(sent()).toBeGreaterThan(10);
    expect(shared).toEqual(alone);
  });

  it('takes back blocks the worker has not started and parses them in their turn: the events match a read on one thread', async () => {
    const { readInput, FORMATS, createSharing } = await load();
    const sharing = createSharing({}, 0, 4096);
    const claimed = new Set<unknown>();
    let sent = 0;
    let decoded = 0;
    const helper = sharing.helper;
    sharing.helper = () => {
      const h = helper();
      const parse = h.parse.bind(h);
      const takeBack = h.takeBack.bind(h);
      const decode = h.decode.bind(h);
      // Every other block is claimed back at once, before the worker can start it, as when the worker is behind; the
      // others are left to the worker.
      h.parse = (block) => {
        const s = parse(block);
        if (s && sent++ % 2 === 0 && takeBack(s)) claimed.add(s);
        return s;
      };
      h.takeBack = (s) => claimed.has(s);
      h.decode = (...args) => {
        decoded++;
        decode(...args);
      };
      return h;
    };
    const file = { path: awkward.path, explicit: true, size: statSync(awkward.path).size };
    const shared: unknown[] = [];
    const alone: unknown[] = [];
    let sharedReport: Awaited<ReturnType<typeof readInput>> | undefined;
    try {
      sharedReport = await readInput(file, { formats: FORMATS, sharing, onEvent: (e) => shared.push(e) });
    } finally {
      await sharing.close();
    }
    const aloneReport = await readInput(file, { formats: FORMATS, onEvent: (e) => alone.push(e) });
    expect(claimed.size).toBeGreaterThan(50);
    expect(decoded).toBeGreaterThan(50);
    expect(shared).toEqual(alone);
    expect(sharedReport).toEqual(aloneReport);
  });

  it('when the worker stops mid-file, parses the blocks it did not answer here: every event, a warning, later files on one thread', async () => {
    const { readInput, FORMATS, createSharing } = await load();
    const sharing = createSharing({}, 0, 4096);
    // The thread dies under the third block, as it would if it ran out of memory.
    const sent = countSends(sharing, (n, h) => {
      if (n === 3) void h.close();
    });
    const file = { path: awkward.path, explicit: true, size: statSync(awkward.path).size };
    const alone: unknown[] = [];
    const aloneReport = await readInput(file, { formats: FORMATS, onEvent: (e) => alone.push(e) });
    const runs: { events: unknown[]; report: Awaited<ReturnType<typeof readInput>> }[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const events: unknown[] = [];
        runs.push({ events, report: await readInput(file, { formats: FORMATS, sharing, onEvent: (e) => events.push(e) }) });
      }
    } finally {
      await sharing.close();
    }
    expect(sent()).toBe(3);
    expect(runs[0]!.report.warning).toMatch(/parsing thread .*; the rest of the file was read on the main thread/);
    expect(runs[0]!.events).toEqual(alone);
    expect(runs[0]!.report.errors).toEqual(aloneReport.errors);
    expect(runs[0]!.report.events).toBe(awkward.events);
    // The next file is not sent to the stopped worker at all, and reads as on one thread, with no warning.
    expect(runs[1]!.events).toEqual(alone);
    expect(runs[1]!.report).toEqual(aloneReport);
  });

  it('stops the worker once its policy retires it (memory past the limit): the same events, no warning, later files on one thread', async () => {
    const { readInput, FORMATS, createSharing } = await load();
    const sharing = createSharing({}, 0, 4096);
    const sent = countSends(sharing);
    let retired = false;
    let stopped = 0;
    const retire = sharing.retire;
    sharing.retire = () => {
      stopped++;
      retire();
    };
    sharing.policy = () => ({
      waitsForWorker: true,
      get retired() {
        return retired;
      },
      get sharing() {
        return !retired;
      },
      send: (pending) => {
        if (sent() >= 12) retired = true;
        return !retired && pending < 4;
      },
      patience: () => Infinity,
      parsedHere: () => undefined,
      decoded: () => undefined,
      parsedThere: () => undefined,
      blockDone: () => undefined,
    });
    const file = { path: awkward.path, explicit: true, size: statSync(awkward.path).size };
    const alone: unknown[] = [];
    const aloneReport = await readInput(file, { formats: FORMATS, onEvent: (e) => alone.push(e) });
    const shared: unknown[] = [];
    let sharedReport: Awaited<ReturnType<typeof readInput>> | undefined;
    try {
      sharedReport = await readInput(file, { formats: FORMATS, sharing, onEvent: (e) => shared.push(e) });
      expect(stopped).toBe(1);
      expect(sharing.usable()).toBe(false);
    } finally {
      await sharing.close();
    }
    expect(sent()).toBe(12);
    expect(shared).toEqual(alone);
    expect(sharedReport).toEqual(aloneReport);
  });

  it('reads standard input on the main thread (it cannot be read twice or cut ahead)', async () => {
    const { scan } = await load();
    const { Readable } = await import('node:stream');
    const text = JSON.stringify(
      oktaEvent({
        published: '2026-11-02T08:00:00Z',
        eventType: 'user.session.start',
        user: 'a@example.com',
        session: '102x',
        ua: CHROME_MAC,
        ip: '198.51.100.1',
      }),
    );
    const result = await scan({ paths: ['-'], worker: 'always', blockBytes: 16, stdin: Readable.from([Buffer.from(`${text}\n`)]) });
    expect(result.summary.events).toBe(1);
  });

  it('stops the worker and fails with a usage error when a file named explicitly is no log', async () => {
    const { scan } = await load();
    const notALog = join(dir, 'notes.txt');
    writeFileSync(notALog, 'shopping list\nmilk\n');
    await expect(scan({ paths: [awkward.path, notALog], worker: 'always', blockBytes: 512 })).rejects.toThrow(
      /is not a log borrowscan can read/,
    );
  });

  it('says why `always` cannot share when formats come from the API', async () => {
    const { scan, FORMATS } = await load();
    await expect(scan({ paths: [awkward.path], worker: 'always', formats: FORMATS })).rejects.toThrow(
      /--worker always: cannot share parsing/,
    );
  });
});
