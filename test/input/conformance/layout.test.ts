import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LogFormat } from '../../../src/input/format.js';
import { FORMATS } from '../../../src/input/registry.js';

const INPUT = fileURLToPath(new URL('../../../src/input/', import.meta.url));
/** Folders of src/input that hold no format: what formats share, and the readers that feed them. */
const SHARED_FOLDERS = new Set(['common', 'records', 'parallel']);

/** A format compiled from the user's `--log-format` when a scan starts, so the registry cannot hold it. */
const COMPILED = new Set(['log-format']);

const folders = readdirSync(INPUT).filter((name) => statSync(join(INPUT, name)).isDirectory());
const formatFolders = folders.filter((name) => !SHARED_FOLDERS.has(name));

function importsOf(folder: string): { file: string; target: string }[] {
  const dir = join(INPUT, folder);
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => {
      const source = readFileSync(join(dir, file), 'utf8');
      return [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => ({
        file: `${folder}/${file}`,
        target: (m[1] ?? m[2])!,
      }));
    });
}

describe('format folders', () => {
  it('are found (the test looks where the formats are)', () => {
    expect(formatFolders).toContain('okta');
    expect(formatFolders).toContain('cloudtrail');
  });

  it('import no sibling format folder: what two formats share lives in src/input/common/', () => {
    const crossings: string[] = [];
    for (const folder of formatFolders) {
      for (const { file, target } of importsOf(folder)) {
        const sibling = /^\.\.\/([^./][^/]*)\//.exec(target)?.[1] ?? /\/input\/([^/]+)\//.exec(target)?.[1];
        if (sibling !== undefined && sibling !== folder && formatFolders.includes(sibling)) crossings.push(`${file} imports ${target}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('are each registered: a folder whose formats the registry lacks would never be tried', async () => {
    const unregistered: string[] = [];
    for (const folder of formatFolders.filter((f) => !COMPILED.has(f))) {
      const exports = (await import(join(INPUT, folder, 'index.ts'))) as Record<string, unknown>;
      const formats = Object.values(exports).filter(
        (v): v is LogFormat => typeof (v as LogFormat)?.detect === 'function' && typeof (v as LogFormat)?.id === 'string',
      );
      expect(formats.length, `${folder}/index.ts exports a format`).toBeGreaterThan(0);
      for (const f of formats) if (!FORMATS.includes(f)) unregistered.push(`${folder}: ${f.id}`);
    }
    expect(unregistered).toEqual([]);
  });
});
