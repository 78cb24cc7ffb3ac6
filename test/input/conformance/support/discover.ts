import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMATS } from '../../../../src/input/registry.js';

export { CORPUS, corpusExists as haveCorpus } from '../../../helpers/corpus.js';
export const FIXTURES = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));

/** Files that are not logs: a case's README, and the nginx `log_format` a log-format case is written with. */
const NOT_LOGS = /(^|\/)(README\.md|FORMATS\.md|SOURCES\.md|log_format\.conf)$/;

/** Every log file under a root, as paths relative to it, sorted. */
export function logFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((relative) => statSync(join(root, relative)).isFile() && !NOT_LOGS.test(relative))
    .sort();
}

/** Folders named after something other than the one format they hold. */
const FOLDER_FORMATS: Readonly<Record<string, readonly string[]>> = {
  nginx: ['combined-log'],
  apache: ['combined-log'],
  envoy: ['envoy', 'envoy-json'],
  'access-log': ['access-log', 'access-log-csv'],
  'log-format': ['log-format'],
};
/** Fixture folders that hold no single format: the demo's day, the declared-agents case. */
const MIXED_FOLDERS = new Set(['demo', 'agents']);
/** Corpus folder of SIEM re-exports, whose files are named `<format>__<file>`. */
const SIEM_FOLDER = 'siem-normalized';

const REGISTERED = new Set([...FORMATS.map((f) => f.id), 'log-format']);

/**
 * The formats a file's place says it is: its top folder (corpus and fixtures), or the `<format>__` prefix of a SIEM
 * re-export. Empty when they are all unregistered (such a file must not be read); undefined for mixed folders.
 */
export function formatsByPlace(relative: string): readonly string[] | undefined {
  const [folder] = relative.split('/');
  if (folder === undefined || !relative.includes('/') || MIXED_FOLDERS.has(folder)) return undefined;
  const name = folder === SIEM_FOLDER ? basename(relative).split('__')[0]! : folder;
  return (FOLDER_FORMATS[name] ?? [name]).filter((id) => REGISTERED.has(id));
}
