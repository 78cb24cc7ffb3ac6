import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/**
 * V8's compiled code for the bundle's chunks, kept on disk between runs (issue 12: compiling the chunks' source was
 * 16 to 20 ms of every scan, and Node 20 has no module.enableCompileCache). Optional and never a correctness risk:
 *
 * - an entry is named by the SHA-1 of the chunk's source, so a rebuilt or edited chunk never meets old code;
 * - an entry starts with the SHA-1 of its own payload, so a damaged or cut file is not handed to V8;
 * - V8 itself rejects data made by another V8 version or other flags (`cachedDataRejected`);
 * - a folder that cannot be read or written only costs the compile it would have saved;
 * - V8 runs cached code without checking it against the source, so whoever can write the folder could make this
 *   process run code of theirs: the cache is used only in a folder (and a parent) that this user owns and no one else
 *   can write, and never in the shared temporary directory (without a home folder there is no cache).
 *
 * It lives in `$XDG_CACHE_HOME/borrowscan/code-cache`, else `~/.cache/...`, in a folder per Node version and
 * architecture. `BORROWSCAN_CODE_CACHE=0` (or `off`, `false`) turns it off. Each build's chunks have names and
 * sources of their own, so a run that wrote entries then removes the oldest beyond MAX_ENTRIES (`tidy`), and the
 * folders of Node versions no run has written to for STALE_VERSION_DAYS.
 */
export interface CodeCache {
  /** The entry for this source of the chunk so named. */
  entry(name: string, source: string): CodeCacheEntry;
  /** After entries were written: removes the oldest beyond the cache's size, quietly, as far as it can. */
  tidy?(): void;
}

/**
 * Entries kept in a version's folder, the newest written: a build has about 40 chunks of about 50 KB of code each, and
 * a scan runs about 10 of them, so a few builds stay cached (about 6 MB at most) and older ones go. An entry still in
 * use that goes is only compiled and written again.
 */
export const MAX_ENTRIES = 128;
/** A Node version's folder that no run wrote to for this long is removed (the user has moved to another Node). */
export const STALE_VERSION_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;
/** An entry's name: the chunk's file name and the SHA-1 of its source; a file being written adds `.PID.tmp`. */
const ENTRY_NAME = /^[\w.-]+-[0-9a-f]{40}\.code(?:\.\d+\.tmp)?$/;
const VERSION_FOLDER = /^node-v\d+\.\d+\.\d+[\w.-]*$/;

export interface CodeCacheEntry {
  /** The cached code, if an intact entry is there. */
  read(): Buffer | undefined;
  /** Stores the code; quietly does nothing if the folder cannot be written. */
  write(data: Buffer): void;
}

const DIGEST_BYTES = 20;

/** The cache the environment asks for, or undefined when it is turned off. */
export function openCodeCache(env: NodeJS.ProcessEnv = process.env, home: () => string = homedir): CodeCache | undefined {
  const setting = env.BORROWSCAN_CODE_CACHE?.trim().toLowerCase();
  if (setting === '0' || setting === 'off' || setting === 'false') return undefined;
  const root = cacheRoot(env, home);
  if (root === undefined) return undefined;
  return new DiskCodeCache(join(root, 'borrowscan', 'code-cache', `node-${process.version}-${process.arch}`));
}

function cacheRoot(env: NodeJS.ProcessEnv, homedir: () => string): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return xdg;
  try {
    const home = homedir();
    if (home && isAbsolute(home)) return join(home, '.cache');
  } catch {
    // No home folder (a user without one): no cache.
  }
  return undefined;
}

/** Group and others may not write. */
const WRITABLE_BY_OTHERS = 0o022;

/**
 * Whether a folder is this user's alone to write: owned by this user (on POSIX) and not writable by group or others.
 * On Windows, where modes say nothing of that, a folder under the user's own profile is taken as theirs.
 */
export function ownFolder(path: string): boolean {
  try {
    const stat = statSync(path);
    if (!stat.isDirectory()) return false;
    const uid = process.getuid?.();
    if (uid === undefined) return true;
    return stat.uid === uid && (stat.mode & WRITABLE_BY_OTHERS) === 0;
  } catch {
    return false;
  }
}

function sha1(data: string | Buffer): Buffer {
  return createHash('sha1').update(data).digest();
}

class DiskCodeCache implements CodeCache {
  /** Whether the folder is this user's alone (and so its entries): checked once, when first needed. */
  private trusted: boolean | undefined;

  constructor(private readonly dir: string) {}

  entry(name: string, source: string): CodeCacheEntry {
    const path = join(this.dir, `${name}-${sha1(source).toString('hex')}.code`);
    return { read: () => (this.isTrusted() ? readEntry(path) : undefined), write: (data) => this.writeEntry(path, data) };
  }

  /** The folder and its parent (the node-version folder's) are this user's alone to write. */
  private isTrusted(): boolean {
    this.trusted ??= ownFolder(this.dir) && ownFolder(dirname(this.dir));
    return this.trusted;
  }

  private writeEntry(path: string, data: Buffer): void {
    // Written aside and renamed into place: a run reading the entry meanwhile sees all of it or none.
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      if (this.trusted !== true) {
        mkdirSync(this.dir, { recursive: true, mode: 0o700 });
        this.trusted = undefined;
        if (!this.isTrusted()) return;
      }
      writeFileSync(temporary, Buffer.concat([sha1(data), data]));
      renameSync(temporary, path);
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing was written, or it cannot be removed either: the entry is simply not there.
      }
    }
  }

  tidy(): void {
    if (!this.isTrusted()) return;
    removeOldestEntries(this.dir);
    removeStaleVersions(dirname(this.dir), this.dir, Date.now() - STALE_VERSION_DAYS * DAY_MS);
  }
}

/** When each file of a folder was last written (files that vanish or cannot be read meanwhile are left out). */
function modified(dir: string, names: readonly string[]): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  for (const name of names) {
    try {
      out.push({ name, at: statSync(join(dir, name)).mtimeMs });
    } catch {
      // Removed by another run meanwhile.
    }
  }
  return out;
}

function removeQuietly(path: string, recursive = false): void {
  try {
    rmSync(path, { force: true, recursive });
  } catch {
    // Another run removed it, or it cannot be removed: it stays, and costs only its room.
  }
}

/** Only files named as entries are counted and removed: whatever else the folder holds is not the cache's. */
function removeOldestEntries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => ENTRY_NAME.test(name));
  } catch {
    return;
  }
  if (names.length <= MAX_ENTRIES) return;
  const newestFirst = modified(dir, names).sort((a, b) => b.at - a.at || (a.name < b.name ? -1 : 1));
  for (const { name } of newestFirst.slice(MAX_ENTRIES)) removeQuietly(join(dir, name));
}

/** Folders of other Node versions, named as this cache names them and this user's alone, unwritten since `before`. */
function removeStaleVersions(root: string, current: string, before: number): void {
  let names: string[];
  try {
    names = readdirSync(root).filter((name) => VERSION_FOLDER.test(name) && join(root, name) !== current);
  } catch {
    return;
  }
  for (const { name, at } of modified(root, names)) {
    const path = join(root, name);
    if (at < before && ownFolder(path)) removeQuietly(path, true);
  }
}

function readEntry(path: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  if (file.length <= DIGEST_BYTES) return undefined;
  const data = file.subarray(DIGEST_BYTES);
  return sha1(data).equals(file.subarray(0, DIGEST_BYTES)) ? data : undefined;
}
