import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const GOLDEN_DIR = fileURLToPath(new URL('./__golden__/', import.meta.url));

/** `npm run golden:update` sets this; it is the only way golden files are written. */
export const UPDATING = process.env.BORROWSCAN_GOLDEN_UPDATE === '1';

const UPDATE_HINT = 'run `npm run golden:update`, review the diff (git diff test/golden) and commit it';

/** Compares with `__golden__/<name>`; in update mode writes it instead. A missing file fails outside update mode. */
export function matchGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  const expected = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (UPDATING) {
    if (expected !== actual) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, actual);
    }
    return;
  }
  if (expected === undefined) throw new Error(`missing golden file test/golden/__golden__/${name}: ${UPDATE_HINT}`);
  expect(actual, `output differs from test/golden/__golden__/${name}; if the change is intended, ${UPDATE_HINT}`).toBe(expected);
}

/** Every file under `__golden__/`, as a name relative to it. */
export function goldenFiles(): string[] {
  if (!existsSync(GOLDEN_DIR)) return [];
  return (readdirSync(GOLDEN_DIR, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(GOLDEN_DIR, join(entry.parentPath, entry.name)))
    .sort();
}

/** Golden files no case produces: a failure in compare mode, removed in update mode. */
export function checkNoOrphans(caseNames: readonly string[]): void {
  const known = new Set(caseNames);
  const orphans = goldenFiles().filter((name) => !known.has(name));
  if (UPDATING) {
    for (const name of orphans) rmSync(join(GOLDEN_DIR, name));
    return;
  }
  expect(orphans, `golden files that no case produces (a case was renamed or removed?); ${UPDATE_HINT}`).toEqual([]);
}
