import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared corpus sits next to the repository: `<repo>/../shared/corpus`. */
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
export const corpusExists = existsSync(CORPUS);

/** Records in a file: the elements of a top-level JSON array, else its non-blank lines (NDJSON). */
export function recordCount(path: string): number {
  const text = readFileSync(path, 'utf8');
  if (text.trimStart().startsWith('[')) return (JSON.parse(text) as unknown[]).length;
  return text.split('\n').filter((line) => line.trim().length > 0).length;
}

export function filesIn(folder: string, prefix = ''): string[] {
  return readdirSync(join(CORPUS, folder))
    .filter((name) => name.startsWith(prefix))
    .sort()
    .map((name) => join(CORPUS, folder, name));
}

/** Every corpus file that is not of the given format, in its own folder or as a SIEM re-export. */
export function filesOfOtherFormats(format: string): string[] {
  const files = (readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }) as string[])
    .map((relative) => join(CORPUS, relative))
    .filter((path) => statSync(path).isFile());
  return files.filter((path) => {
    const relative = path.slice(CORPUS.length);
    if (!relative.includes('/')) return false;
    if (relative.startsWith(`${format}/`)) return false;
    return !(relative.startsWith('siem-normalized/') && basename(path).startsWith(`${format}__`));
  });
}

export const fileName = (path: string): string => path.split('/').pop()!;
