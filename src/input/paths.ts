import { constants, type Dirent, type Stats } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-error.js';

export interface InputFile {
  /** As the user will see it: the path given, or a path under a given directory; `-` for stdin. */
  path: string;
  /** Named on the command line (an unknown format is then an error, not a skip). */
  explicit: boolean;
  /** Size in bytes, when known (not for stdin, a pipe or a device). */
  size?: number;
  /** Why it cannot be read, found while listing a folder (an unreadable folder, a broken link): reported, not read. */
  notRead?: string;
}

/** The calls path expansion makes; a test can make them fail. */
export interface PathFs {
  stat(path: string): Promise<Stats>;
  lstat(path: string): Promise<Stats>;
  readdir(path: string, options: { withFileTypes: true }): Promise<Dirent[]>;
  access(path: string, mode: number): Promise<void>;
}

const GLOB_CHARS = /[*?[\]{}]/;
/** Folders never read: a repository's history and installed packages hold no logs. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** A file found, with what tells it from other names of the same file. */
interface Found {
  file: InputFile;
  /** Device and inode: one file reached by two names (a symbolic or hard link) is read once. */
  id?: string;
  /** Reached through a symbolic link: another name of the same file is preferred as the one read. */
  linked: boolean;
}

/**
 * Turns the paths given on the command line into the files to read, in a stable order. Folders are read
 * recursively in name order, following symbolic links to files and folders; a file reached by two names is read
 * once (under its own name rather than a link's), a folder once (so a link loop ends). Whatever inside a folder
 * cannot be read (an unreadable folder or file, a broken link, a pipe) is listed as not read, with why, and the
 * rest is read; a path named on the command line that cannot be read is a usage error.
 */
export async function expandPaths(paths: string[], fs: PathFs = nodeFs): Promise<InputFile[]> {
  const walker = new Walker(fs);
  for (const p of paths) {
    if (p === '-') {
      walker.found.push({ file: { path: '-', explicit: true }, id: '-', linked: false });
      continue;
    }
    let info: Stats;
    try {
      info = await fs.stat(p);
    } catch (err) {
      if (GLOB_CHARS.test(p)) {
        await walker.glob(p);
        continue;
      }
      throw new UsageError(`cannot read ${p}: ${describeFsError(err)}`);
    }
    const linked = await isLink(fs, p);
    if (info.isDirectory()) {
      await walker.folder(p, info, linked, true);
      continue;
    }
    try {
      await fs.access(p, constants.R_OK);
    } catch (err) {
      throw new UsageError(`cannot read ${p}: ${describeFsError(err)}`);
    }
    walker.found.push({ file: { path: p, explicit: true, ...(info.isFile() ? { size: info.size } : {}) }, id: identity(info), linked });
  }
  return readOnce(walker.found);
}

class Walker {
  readonly found: Found[] = [];
  /** Folders read, by identity, with the path they were read under. */
  private readonly folders = new Map<string, string>();

  constructor(private readonly fs: PathFs) {}

  async folder(dir: string, info: Stats, linked: boolean, explicit: boolean): Promise<void> {
    const id = identity(info);
    const first = this.folders.get(id);
    if (first !== undefined) {
      if (!explicit) this.notRead(dir, `the same folder as ${first} (read once)`);
      return;
    }
    this.folders.set(id, dir);
    let entries: Dirent[];
    try {
      entries = await this.fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (explicit) throw new UsageError(`cannot read directory ${dir}: ${describeFsError(err)}`);
      this.notRead(dir, `folder could not be read: ${describeFsError(err)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() || entry.isFile()) await this.entry(full, entry.name, linked);
      else if (entry.isSymbolicLink()) await this.entry(full, entry.name, true);
      else this.notRead(full, notAFile(entry));
    }
  }

  async glob(pattern: string): Promise<void> {
    const { glob } = await import('tinyglobby');
    const matches = (await glob(pattern, { onlyFiles: true, dot: false, expandDirectories: false })).sort();
    if (matches.length === 0) throw new UsageError(`no file matches ${pattern}`);
    for (const m of matches) await this.entry(m, undefined, await isLink(this.fs, m));
  }

  /** A path in a folder (or a glob's match): followed when it is a link, then read as a file or a folder. */
  private async entry(path: string, name: string | undefined, linked: boolean): Promise<void> {
    let info: Stats;
    try {
      info = await this.fs.stat(path);
    } catch (err) {
      this.notRead(path, linked ? brokenLink(err) : `could not be read: ${describeFsError(err)}`);
      return;
    }
    if (info.isDirectory()) {
      if (name === undefined || !SKIPPED_FOLDERS.has(name)) await this.folder(path, info, linked, false);
    } else if (info.isFile()) {
      this.found.push({ file: { path, explicit: false, size: info.size }, id: identity(info), linked });
    } else {
      this.notRead(path, notAFile(info));
    }
  }

  private notRead(path: string, why: string): void {
    this.found.push({ file: { path, explicit: false, size: 0, notRead: why }, linked: false });
  }
}

/**
 * Each file once, where its preferred name comes: the first name that is no symbolic link, else the first. Another
 * name named on the command line is dropped (it was asked for and is read); one found in a folder is listed as not
 * read, saying under which name it is.
 */
function readOnce(found: Found[]): InputFile[] {
  const preferred = new Map<string, Found>();
  for (const f of found) {
    if (f.id === undefined) continue;
    const held = preferred.get(f.id);
    if (!held || (held.linked && !f.linked)) preferred.set(f.id, f);
  }
  const out: InputFile[] = [];
  for (const f of found) {
    const chosen = f.id === undefined ? f : preferred.get(f.id)!;
    if (chosen === f) out.push(f.file);
    else if (!f.file.explicit && resolve(f.file.path) !== resolve(chosen.file.path)) {
      out.push({ path: f.file.path, explicit: false, size: 0, notRead: `the same file as ${chosen.file.path} (read once)` });
    }
  }
  return out;
}

function identity(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}

async function isLink(fs: PathFs, path: string): Promise<boolean> {
  try {
    return (await fs.lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}

function brokenLink(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'a symbolic link to nothing: its target does not exist';
  if (code === 'ELOOP') return 'a symbolic link that loops back on itself';
  return `a symbolic link whose target could not be read: ${describeFsError(err)}`;
}

function notAFile(entry: Dirent | Stats): string {
  if (entry.isFIFO()) return 'a named pipe, not a file: a pipe in a folder is not read (name it on the command line to read it)';
  if (entry.isSocket()) return 'a socket, not a file';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device, not a file';
  return 'not a file or folder';
}
