import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every test's temporary folder lives under one root made for this run and removed when it ends, so a run leaves
 * nothing in the system's temporary directory, whichever test forgot to clean up (or was interrupted). Tests keep
 * calling `tmpdir()`: the workers inherit TMPDIR from here, and the CLIs they run keep their code cache
 * (src/cli/code-cache.ts) under it too, not in the user's cache folder.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'borrowscan-test-run-'));
  const previous = process.env.TMPDIR;
  const previousCache = process.env.XDG_CACHE_HOME;
  process.env.TMPDIR = root;
  process.env.XDG_CACHE_HOME = join(root, 'cache');
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (previousCache === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = previousCache;
    rmSync(root, { recursive: true, force: true });
  };
}
