import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface FixtureFile {
  /** Absolute path. */
  path: string;
  /** Relative to fixtures/, as a failure names it. */
  name: string;
  /** The format the fixture's folder is of (`log-format` needs its spec). */
  format: string;
  /** `--log-format` spec for the log-format fixtures. */
  logFormat?: string;
}

/** Every log file under fixtures/ (not the READMEs, agent registries or log_format specs), in name order. */
export function fixtureFiles(): FixtureFile[] {
  const out: FixtureFile[] = [];
  const names = (readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }) as string[]).sort();
  for (const name of names) {
    if (!/\//.test(name) || /(README\.md|\.ya?ml|\.conf)$/.test(name)) continue;
    const path = join(FIXTURES, name);
    if (!statSync(path).isFile()) continue;
    const format = name.split('/')[0]!;
    const file: FixtureFile = { path, name: relative(FIXTURES, path), format };
    if (format === 'log-format') {
      const dir = path.slice(0, path.lastIndexOf('/'));
      file.logFormat = readFileSync(join(dir, 'log_format.conf'), 'utf8');
    }
    out.push(file);
  }
  return out;
}

/** The shared corpus of real samples, beside the repository (CI has it; a clone may not). */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** Every sample of the shared corpus, for the long fuzz: none when the corpus is not there. */
export function corpusFiles(): FixtureFile[] {
  if (!existsSync(CORPUS)) return [];
  return (readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }) as string[])
    .sort()
    .filter((name) => name.includes('/') && !/\.md$/.test(name) && statSync(join(CORPUS, name)).isFile())
    .map((name) => ({ path: join(CORPUS, name), name: `corpus/${name}`, format: name.split('/')[0]! }));
}
