import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every test's temporary folder lives under one root made for this run and removed when it ends, so a run leaves
 * nothing in the system's temporary directory, whichever test forgot to clean up (or was interrupted). Tests keep
 * calling `tmpdir()`: the workers inherit TMPDIR from here.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'borrowscan-test-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
