import { Composer, isMap, isSeq, LineCounter, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { UsageError } from '../shared/errors.js';
import { CONFIG_LIMITS } from './limits.js';
import { readConfigText } from './read-text.js';
import { parseTokens } from './yaml-depth.js';
import { checkNodes } from './yaml-nodes.js';

/**
 * Reads a YAML (or JSON: YAML is a superset) config file and validates it with a zod schema.
 * Every problem becomes one error line `file:line:column: what is wrong` (the first CONFIG_LIMITS.listedProblems,
 * then how many more), thrown as a UsageError (exit 2). Hostile files stop with such a line too: too big, not
 * UTF-8, nested too deep, an alias without its anchor, an alias bomb (limits.ts). Returns the validated value.
 */
export interface LoadedConfig<T> {
  data: T;
  /** 1-based line of the node at a path (`['suppressions', 2]`), for messages about a valid entry. */
  lineOf(path: (string | number)[]): number;
}

export async function loadConfig<T>(file: string, schema: z.ZodType<T>, what: string): Promise<LoadedConfig<T>> {
  return parseConfig(file, await readConfigText(file, what), schema);
}

export function parseConfig<T>(file: string, text: string, schema: z.ZodType<T>): LoadedConfig<T> {
  const lineCounter = new LineCounter();
  const where = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return `${file}:${pos.line}:${pos.col}`;
  };
  const fail = (offset: number, message: string) => new UsageError(`${where(offset)}: ${clip(message)}`);

  const doc = composeOne(text, lineCounter, fail);
  const problem = checkNodes(doc);
  if (problem) throw fail(problem.offset, problem.message);
  let data: unknown;
  try {
    // Aliases are checked above (and the library's own count rejects a plain anchor used 101 times).
    data = doc.toJS({ maxAliasCount: -1 });
  } catch (err) {
    throw fail(0, `cannot read this YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
  const result = schema.safeParse(data);
  const root = doc.contents as YamlNode | null;
  if (result.success) {
    return { data: result.data, lineOf: (path) => lineCounter.linePos(nodeAt(root, path)?.range?.[0] ?? 0).line };
  }
  if (root === null) throw fail(0, 'the file holds no YAML value: it is empty, or only comments');
  const issues = result.error.issues;
  const messages = issues.slice(0, CONFIG_LIMITS.listedProblems).map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const node = nodeAt(root, path, issue.code === 'unrecognized_keys' ? issueKeys(issue) : undefined);
    const suffix = path.length > 0 ? ` (${path.join('.')})` : '';
    return `${where(node?.range?.[0] ?? 0)}: ${clip(issue.message)}${suffix}`;
  });
  if (issues.length > CONFIG_LIMITS.listedProblems) {
    messages.push(`${file}: ${issues.length - CONFIG_LIMITS.listedProblems} more problem(s) not listed`);
  }
  throw new UsageError(messages.join('\n'));
}

/**
 * The file's one document, composed from the parser's tokens once their nesting is known to be safe to compose.
 * A YAML error, a second document or nesting past the limit is thrown as one line.
 */
function composeOne(text: string, lineCounter: LineCounter, fail: (offset: number, message: string) => UsageError): Document.Parsed {
  const parsed = parseTokens(text, lineCounter.addNewLine, CONFIG_LIMITS.depth);
  if ('deepAt' in parsed) throw fail(parsed.deepAt, `nested deeper than ${CONFIG_LIMITS.depth} levels`);
  const { tokens } = parsed;
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (doc) throw fail(next.range[0], 'a config file holds one YAML document; this is a second (after ---)');
    doc = next;
  }
  // compose(…, forceDoc) always ends with a document, even for empty text.
  const first = doc!;
  if (first.errors.length > 0) {
    const err = first.errors[0]!;
    throw fail(err.pos[0], err.message.split('\n')[0]!);
  }
  return first;
}

/** A message cut to CONFIG_LIMITS.messageLength characters: a huge value quoted back stays one readable line. */
function clip(message: string): string {
  if (message.length <= CONFIG_LIMITS.messageLength) return message;
  let cut = message.slice(0, CONFIG_LIMITS.messageLength);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}… (${message.length.toLocaleString('en')} characters)`;
}

function issueKeys(issue: z.core.$ZodIssue): string[] | undefined {
  return issue.code === 'unrecognized_keys' ? issue.keys : undefined;
}

/** The YAML node at a path, or for an unknown key, the key itself; falls back to the deepest node found. */
function nodeAt(root: YamlNode | null, path: (string | number)[], unknownKeys?: string[]): YamlNode | undefined {
  let node: YamlNode | null | undefined = root;
  for (const part of path) {
    if (isMap(node)) {
      const map: YamlNode = node;
      const pair: { key: unknown; value: unknown } | undefined = node.items.find(
        (p) => (p.key as { value?: unknown } | null)?.value === part,
      );
      if (!pair) return map;
      const value = pair.value as YamlNode | null;
      node = value ?? (pair.key as YamlNode);
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as YamlNode | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node ?? undefined;
    }
  }
  if (unknownKeys && isMap(node)) {
    const pair: { key: unknown } | undefined = node.items.find((p) =>
      unknownKeys.includes(String((p.key as { value?: unknown } | null)?.value)),
    );
    if (pair) return pair.key as YamlNode;
  }
  return node ?? undefined;
}
