import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { CodeCache, CodeCacheEntry } from './code-cache.js';

/**
 * Runs the bundle (dist/bundle/, CommonJS chunks: scripts/bundle.mjs) with its chunks compiled through vm.Script, so
 * that V8's code for them can come from a code cache (code-cache.ts) instead of being compiled on every run. A chunk
 * is a CommonJS module body: `require('./chunk.js')` loads another chunk this way, anything else (node: built-ins,
 * packages) goes to Node's own require; the bundle's `import()` of a package comes back here as `importExternal`
 * (vm scripts cannot run `import()` themselves without an experimental option).
 */
export interface BundleLoader {
  /** The exports of the chunk at this path, run once. */
  load(path: string): Record<string, unknown>;
  /**
   * Stores V8's code for every chunk that had none cached, with all the functions the run compiled so far; the cache
   * then removes what it no longer has room for.
   */
  saveCode(): void;
}

type ImportExternal = (specifier: string) => Promise<unknown>;

interface Chunk {
  exports: Record<string, unknown>;
}

const WRAPPER_PARAMS = 'exports, require, module, __filename, __dirname, __importExternal';

export function bundleLoader(cache: CodeCache | undefined, importExternal: ImportExternal): BundleLoader {
  const chunks = new Map<string, Chunk>();
  const uncached: { script: Script; entry: CodeCacheEntry }[] = [];

  function load(path: string): Record<string, unknown> {
    const known = chunks.get(path);
    if (known) return known.exports;
    const chunk: Chunk = { exports: {} };
    chunks.set(path, chunk);
    const source = readFileSync(path, 'utf8');
    const entry = cache?.entry(basename(path), source);
    const cachedData = entry?.read();
    // The wrapper opens on the source's first line, so that line numbers (and the source map) still match.
    const script = new Script(`(function (${WRAPPER_PARAMS}) {${source}\n})`, { filename: path, cachedData });
    if (entry && (cachedData === undefined || script.cachedDataRejected === true)) uncached.push({ script, entry });
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    const dir = dirname(path);
    const outer = createRequire(path);
    const require = (id: string) => (id.startsWith('./') ? load(join(dir, id)) : outer(id));
    run.call(chunk.exports, chunk.exports, require, chunk, path, dir, importExternal);
    return chunk.exports;
  }

  function saveCode(): void {
    const written = uncached.splice(0);
    for (const { script, entry } of written) entry.write(script.createCachedData());
    if (written.length > 0) cache?.tidy?.();
  }

  return { load, saveCode };
}
