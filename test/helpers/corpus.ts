import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared corpus sits next to the repository: `<repo>/../shared/corpus`. */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
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

/** True when the corpus is there (it is in CI; a user's clone has none). */
export const haveCorpus = corpusExists;

/** Every file under a corpus folder, recursively, sorted. */
export function corpusFiles(folder: string): string[] {
  const root = join(CORPUS, folder);
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
    .map((relative) => join(root, relative))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/** Every corpus file outside the given folders. */
export function corpusFilesOutside(...folders: string[]): string[] {
  return corpusFiles('.').filter((path) => !folders.some((f) => path.startsWith(join(CORPUS, f, '/'))));
}

/** Records in a JSON file: the `Records` array of an S3 delivery file, one pretty-printed object, or its non-blank lines. */
export function jsonRecordCount(path: string): number {
  const content = readFileSync(path, 'utf8');
  try {
    const whole: unknown = JSON.parse(content);
    if (Array.isArray(whole)) return whole.length;
    const records = (whole as { Records?: unknown }).Records;
    return Array.isArray(records) ? records.length : 1;
  } catch {
    return content.split('\n').filter((line) => line.trim().length > 0).length;
  }
}
