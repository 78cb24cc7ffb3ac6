import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CodeCache, MAX_ENTRIES, openCodeCache, ownFolder, STALE_VERSION_DAYS } from '../../src/cli/code-cache.js';
import { bundleLoader } from '../../src/cli/load-bundle.js';
import { REPO } from './spawn-cli.js';

// The bin compiles the bundle's chunks through a code cache in the user's cache folder (issue 12). Whatever that
// folder holds (nothing, damaged entries, entries of another build) or whether it can be written at all, a command
// prints exactly what it prints without the cache.

const work = mkdtempSync(join(tmpdir(), 'borrowscan-code-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => mkdtempSync(join(work, `case-${dirs++}-`));
const cacheFolder = (xdg: string) => join(xdg, 'borrowscan', 'code-cache', `node-${process.version}-${process.arch}`);
const entriesIn = (xdg: string): string[] => {
  try {
    return readdirSync(cacheFolder(xdg)).sort();
  } catch {
    return [];
  }
};

describe('the code cache folder', () => {
  it('is off with BORROWSCAN_CODE_CACHE=0, off or false', () => {
    for (const value of ['0', 'off', 'false', ' OFF ']) expect(openCodeCache({ BORROWSCAN_CODE_CACHE: value })).toBeUndefined();
    expect(openCodeCache({ XDG_CACHE_HOME: freshDir() })).toBeDefined();
  });

  it('gives back what was stored for the same source, and nothing for another source', () => {
    const xdg = freshDir();
    const cache = openCodeCache({ XDG_CACHE_HOME: xdg })!;
    expect(cache.entry('a.js', 'one').read()).toBeUndefined();
    cache.entry('a.js', 'one').write(Buffer.from('compiled'));
    expect(cache.entry('a.js', 'one').read()?.toString()).toBe('compiled');
    expect(cache.entry('a.js', 'two').read()).toBeUndefined();
    expect(cache.entry('b.js', 'one').read()).toBeUndefined();
  });

  it('has no folder without a home folder or an absolute XDG_CACHE_HOME: never the shared temporary directory', () => {
    const noHome = () => '';
    const homeless = () => {
      throw new Error('no home');
    };
    expect(openCodeCache({ XDG_CACHE_HOME: 'relative/cache' }, noHome)).toBeUndefined();
    expect(openCodeCache({}, homeless)).toBeUndefined();
    expect(openCodeCache({}, () => 'relative-home')).toBeUndefined();
    expect(openCodeCache({ XDG_CACHE_HOME: 'relative/cache' }, () => freshDir())).toBeDefined();
  });

  it('neither reads nor writes a folder that others can write (code from there would run as this user)', () => {
    const xdg = freshDir();
    const cache = openCodeCache({ XDG_CACHE_HOME: xdg })!;
    cache.entry('a.js', 'one').write(Buffer.from('compiled'));
    expect(cache.entry('a.js', 'one').read()?.toString()).toBe('compiled');
    const folder = cacheFolder(xdg);
    expect(ownFolder(folder)).toBe(true);
    chmodSync(folder, 0o777);
    const later = openCodeCache({ XDG_CACHE_HOME: xdg })!;
    expect(later.entry('a.js', 'one').read()).toBeUndefined();
    later.entry('b.js', 'two').write(Buffer.from('other'));
    expect(entriesIn(xdg).some((name) => name.startsWith('b.js-'))).toBe(false);
    // The same for the folder above it (another user could swap the version folder for one of theirs).
    chmodSync(folder, 0o700);
    chmodSync(join(folder, '..'), 0o777);
    expect(openCodeCache({ XDG_CACHE_HOME: xdg })!.entry('a.js', 'one').read()).toBeUndefined();
    chmodSync(join(folder, '..'), 0o700);
    expect(openCodeCache({ XDG_CACHE_HOME: xdg })!.entry('a.js', 'one').read()?.toString()).toBe('compiled');
  });

  it('gives nothing for an entry damaged or cut short', () => {
    const xdg = freshDir();
    const cache = openCodeCache({ XDG_CACHE_HOME: xdg })!;
    cache.entry('a.js', 'one').write(Buffer.from('compiled code'));
    const [name] = entriesIn(xdg);
    const path = join(cacheFolder(xdg), name!);
    const stored = readFileSync(path);
    const damaged = Buffer.from(stored);
    damaged[damaged.length - 1] = damaged.at(-1)! ^ 1;
    writeFileSync(path, damaged);
    expect(cache.entry('a.js', 'one').read()).toBeUndefined();
    writeFileSync(path, stored.subarray(0, stored.length - 3));
    expect(cache.entry('a.js', 'one').read()).toBeUndefined();
    writeFileSync(path, '');
    expect(cache.entry('a.js', 'one').read()).toBeUndefined();
  });

  it('writes nothing, and throws nothing, where the folder cannot be made', () => {
    const notAFolder = join(freshDir(), 'file');
    writeFileSync(notAFolder, 'x');
    const cache = openCodeCache({ XDG_CACHE_HOME: notAFolder })!;
    expect(() => cache.entry('a.js', 'one').write(Buffer.from('compiled'))).not.toThrow();
    expect(cache.entry('a.js', 'one').read()).toBeUndefined();
  });
});

describe('tidying the code cache', () => {
  const DAY = 24 * 60 * 60;
  /** Sets a file's or folder's modification time to `daysAgo` days before now. */
  const age = (path: string, daysAgo: number) => {
    const at = Date.now() / 1000 - daysAgo * DAY;
    utimesSync(path, at, at);
  };
  const hex = (n: number) => n.toString(16).padStart(40, '0');

  it('keeps the newest entries up to its size, and removes nothing that is not an entry', () => {
    const xdg = freshDir();
    const cache = openCodeCache({ XDG_CACHE_HOME: xdg })!;
    cache.entry('main.js', 'first').write(Buffer.from('code'));
    const folder = cacheFolder(xdg);
    // Entries of older builds, the k-th written k days ago, and files the cache did not write.
    const old = Array.from({ length: MAX_ENTRIES + 5 }, (_, k) => `chunk-${k}.js-${hex(k)}.code`);
    for (const [k, name] of old.entries()) {
      writeFileSync(join(folder, name), 'x');
      age(join(folder, name), k + 1);
    }
    for (const other of ['notes.txt', 'chunk.js-abc.code']) {
      writeFileSync(join(folder, other), 'keep');
      age(join(folder, other), 400);
    }
    cache.entry('main.js', 'second').write(Buffer.from('new code'));
    cache.tidy?.();
    const left = entriesIn(xdg);
    expect(left).toContain('notes.txt');
    expect(left).toContain('chunk.js-abc.code');
    expect(cache.entry('main.js', 'second').read()?.toString()).toBe('new code');
    expect(cache.entry('main.js', 'first').read()?.toString()).toBe('code');
    // The two just written and the newest of the old ones make up the entries kept; the oldest are gone.
    expect(old.filter((name) => left.includes(name))).toEqual(old.slice(0, MAX_ENTRIES - 2));
    expect(left.filter((name) => name.endsWith('.code')).length).toBe(MAX_ENTRIES + 1);
  });

  it('removes the folders of Node versions no run wrote to for a long time, and only those', () => {
    const xdg = freshDir();
    const cache = openCodeCache({ XDG_CACHE_HOME: xdg })!;
    cache.entry('main.js', 'source').write(Buffer.from('code'));
    const root = join(cacheFolder(xdg), '..');
    const folder = (name: string, daysAgo: number, mode = 0o700) => {
      const path = join(root, name);
      mkdirSync(path, { mode });
      writeFileSync(join(path, `main.js-${hex(1)}.code`), 'x');
      chmodSync(path, mode);
      age(path, daysAgo);
      return path;
    };
    const stale = folder('node-v18.20.0-x64', STALE_VERSION_DAYS + 1);
    const recent = folder('node-v22.1.0-arm64', STALE_VERSION_DAYS - 1);
    const notOurs = folder('node-modules-backup', 900);
    const othersCanWrite = folder('node-v16.0.0-x64', 900, 0o777);
    age(cacheFolder(xdg), 900);
    cache.tidy?.();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(notOurs)).toBe(true);
    expect(existsSync(othersCanWrite)).toBe(true);
    // The running version's own folder stays, however old.
    expect(cache.entry('main.js', 'source').read()?.toString()).toBe('code');
  });

  it('removes nothing from a folder that others can write', () => {
    const xdg = freshDir();
    const cache = openCodeCache({ XDG_CACHE_HOME: xdg })!;
    cache.entry('main.js', 'source').write(Buffer.from('code'));
    const folder = cacheFolder(xdg);
    for (let k = 0; k < MAX_ENTRIES + 3; k++) writeFileSync(join(folder, `chunk-${k}.js-${hex(k)}.code`), 'x');
    chmodSync(folder, 0o777);
    const later = openCodeCache({ XDG_CACHE_HOME: xdg })!;
    later.tidy?.();
    expect(entriesIn(xdg).length).toBe(MAX_ENTRIES + 4);
  });
});

describe('the bundle loader', () => {
  /** A bundle of two CommonJS chunks, the second required by the first. */
  function twoChunks(): string {
    const dir = freshDir();
    writeFileSync(join(dir, 'main.js'), "'use strict';\nconst b = require('./b.js');\nexports.answer = () => b.half * 2;\n");
    writeFileSync(join(dir, 'b.js'), "'use strict';\nexports.half = 21;\n");
    return dir;
  }

  it('runs the chunks with and without a cache, and stores code only for chunks that had none', () => {
    const dir = twoChunks();
    const xdg = freshDir();
    /** Runs the bundle; the names of the chunks whose code it stored. */
    const run = (withCache: boolean): string[] => {
      const disk = openCodeCache({ XDG_CACHE_HOME: xdg })!;
      const stored: string[] = [];
      const cache: CodeCache = {
        entry: (name, source) => {
          const entry = disk.entry(name, source);
          return {
            read: () => entry.read(),
            write: (data) => {
              stored.push(name);
              entry.write(data);
            },
          };
        },
      };
      const loader = bundleLoader(withCache ? cache : undefined, (s) => import(s));
      expect((loader.load(join(dir, 'main.js')) as { answer: () => number }).answer()).toBe(42);
      loader.saveCode();
      return stored.sort();
    };
    expect(run(false)).toEqual([]);
    expect(entriesIn(xdg)).toEqual([]);
    expect(run(true)).toEqual(['b.js', 'main.js']);
    expect(entriesIn(xdg)).toHaveLength(2);
    // The code is there and V8 takes it: nothing to store again.
    expect(run(true)).toEqual([]);
  });

  it('tidies the cache after a run that stored code, and not after one that stored none', () => {
    const dir = twoChunks();
    const disk = openCodeCache({ XDG_CACHE_HOME: freshDir() })!;
    let tidied = 0;
    const cache: CodeCache = { entry: (name, source) => disk.entry(name, source), tidy: () => tidied++ };
    const run = () => {
      const loader = bundleLoader(cache, (s) => import(s));
      loader.load(join(dir, 'main.js'));
      loader.saveCode();
    };
    run();
    expect(tidied).toBe(1);
    run();
    expect(tidied).toBe(1);
  });

  it('compiles again, and stores new code, when V8 rejects what the cache holds', () => {
    const dir = twoChunks();
    const xdg = freshDir();
    const cache = openCodeCache({ XDG_CACHE_HOME: xdg })!;
    const source = readFileSync(join(dir, 'b.js'), 'utf8');
    // An intact entry (its digest matches) whose payload is not V8's code.
    cache.entry('b.js', source).write(Buffer.alloc(256, 7));
    const loader = bundleLoader(cache, (s) => import(s));
    expect((loader.load(join(dir, 'main.js')) as { answer: () => number }).answer()).toBe(42);
    loader.saveCode();
    expect(cache.entry('b.js', source).read()?.equals(Buffer.alloc(256, 7))).toBe(false);
  });
});

describe('the bin with its code cache', () => {
  const BIN = join(REPO, 'bin', 'borrowscan.js');
  const scan = (env: Record<string, string>, nodeFlags: string[] = []) =>
    spawnSync(process.execPath, [...nodeFlags, BIN, 'scan', 'fixtures/demo', '--no-progress', '--format', 'json'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', ...env },
    });
  const withoutCache = scan({ BORROWSCAN_CODE_CACHE: '0' });
  const same = (run: ReturnType<typeof scan>) => {
    expect(run.stderr).toBe(withoutCache.stderr);
    expect(run.status).toBe(withoutCache.status);
    expect(run.stdout).toBe(withoutCache.stdout);
  };

  it('writes nothing when turned off', () => {
    const xdg = freshDir();
    same(scan({ BORROWSCAN_CODE_CACHE: '0', XDG_CACHE_HOME: xdg }));
    expect(entriesIn(xdg)).toEqual([]);
  });

  it('prints the same report with no cache yet, then with the cache it wrote', () => {
    const xdg = freshDir();
    same(scan({ XDG_CACHE_HOME: xdg }));
    expect(entriesIn(xdg).length).toBeGreaterThan(3);
    same(scan({ XDG_CACHE_HOME: xdg }));
  });

  it('prints the same report when every entry is damaged, and writes them anew', () => {
    const xdg = freshDir();
    scan({ XDG_CACHE_HOME: xdg });
    const names = entriesIn(xdg);
    for (const [i, name] of names.entries()) {
      const path = join(cacheFolder(xdg), name);
      const bytes = readFileSync(path);
      writeFileSync(path, i % 2 === 0 ? bytes.subarray(0, bytes.length >> 1) : Buffer.alloc(bytes.length, 0xa5));
    }
    same(scan({ XDG_CACHE_HOME: xdg }));
    // Each entry is whole again: its first 20 bytes are the SHA-1 of the rest.
    const intact = (bytes: Buffer) => createHash('sha1').update(bytes.subarray(20)).digest().equals(bytes.subarray(0, 20));
    expect(names.filter((name) => !intact(readFileSync(join(cacheFolder(xdg), name))))).toEqual([]);
    same(scan({ XDG_CACHE_HOME: xdg }));
  });

  it('prints the same report, and nothing more, when the cache folder cannot be written', () => {
    const blocked = join(freshDir(), 'not-a-folder');
    writeFileSync(blocked, '');
    same(scan({ XDG_CACHE_HOME: blocked }));
    const readOnlyParent = freshDir();
    mkdirSync(join(readOnlyParent, 'borrowscan'));
    writeFileSync(join(readOnlyParent, 'borrowscan', 'code-cache'), '');
    same(scan({ XDG_CACHE_HOME: readOnlyParent }));
  });

  it('with --enable-source-maps (Node requires the chunks itself), the same report and no cache', () => {
    const xdg = freshDir();
    same(scan({ XDG_CACHE_HOME: xdg }, ['--enable-source-maps']));
    expect(entriesIn(xdg)).toEqual([]);
  });
});
