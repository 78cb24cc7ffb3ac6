import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
 * architecture. `BORROWSCAN_CODE_CACHE=0` (or `off`, `false`) turns it off.
 */
export interface CodeCache {
  /** The entry for this source of the chunk so named. */
  entry(name: string, source: string): CodeCacheEntry;
}

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
