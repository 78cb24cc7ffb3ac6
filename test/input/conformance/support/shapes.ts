import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { listClaims } from '../../../../src/input/detect.js';
import type { Container } from '../../../../src/input/format.js';
import { FIXTURES, logFiles } from './discover.js';
import { formatsFor } from './read.js';
import { fileText } from './records.js';

/** Records of each fixture file, as its container reader hands them to a format. */
function recordsOf(text: string, container: Container): unknown[] {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim().length > 0);
  if (container === 'text') return lines;
  if (container === 'csv') {
    const [header, ...rows] = parseCsv(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
    const cells = (header ?? []).map((c) => c.trim());
    return rows.map((row) => Object.fromEntries(cells.map((name, i) => [name, row[i] ?? ''])));
  }
  try {
    const whole: unknown = JSON.parse(text);
    const inner = Array.isArray(whole)
      ? whole
      : (['records', 'Records', 'value', 'items'].map((k) => (whole as Record<string, unknown>)?.[k]).find(Array.isArray) as
          | unknown[]
          | undefined);
    return inner ?? [whole];
  } catch {
    return lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as unknown];
      } catch {
        return [];
      }
    });
  }
}

const MAX_PER_FORMAT = 60;

/** The records of every fixture, by the id of the format that reads the file: the shapes property tests start from. */
export function fixtureShapes(): Map<string, unknown[]> {
  const shapes = new Map<string, unknown[]>();
  for (const relative of logFiles(FIXTURES)) {
    const path = join(FIXTURES, relative);
    const text = fileText(path);
    const claims = listClaims(text.slice(0, 64 * 1024), formatsFor(path));
    for (const { format } of claims) {
      const list = shapes.get(format.id) ?? [];
      for (const r of recordsOf(text, format.container)) if (list.length < MAX_PER_FORMAT) list.push(r);
      shapes.set(format.id, list);
    }
  }
  return shapes;
}

/** Values logs hold where a field should be: placeholders, wrong types, damaged times, hostile text. */
const ODD_VALUES = fc.constantFrom<unknown>(
  '',
  '-',
  'null',
  null,
  'redacted',
  '0',
  0,
  -1,
  1e21,
  1.5,
  true,
  [],
  {},
  [[]],
  'yesterday',
  '2026-13-45T99:00:00Z',
  '2022-03-22 14:21:53.225',
  '1793606400000000000',
  '\u0000\u001b[31m',
  '\u202e',
  'GET /a?token=x HTTP/1.1',
  '../../etc/passwd',
);
const VALUE = fc.oneof(ODD_VALUES, fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 40 }));

/** A change at one of the record's paths; `top` picks among its top-level keys only, where formats look first. */
type Op = { kind: 'drop' | 'retype' | 'lower'; at: number; top: boolean } | { kind: 'set'; at: number; top: boolean; value: unknown };

const OP: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop' as const, 'retype' as const, 'lower' as const), at: fc.nat(), top: fc.boolean() }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), top: fc.boolean(), value: VALUE }),
);

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], depth = 0, out: Path[] = []): Path[] {
  if (depth > 6 || value === null || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(k) : k];
    out.push(path);
    pathsOf(v, path, depth + 1, out);
  }
  return out;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node?.[key];
    if (next === null || typeof next !== 'object') return undefined;
    node = next as Record<string | number, unknown>;
  }
  return node;
}

/** One change to a record: a field dropped, replaced, given another type, or an object's keys lowercased. */
function apply(record: unknown, op: Op): unknown {
  const all = pathsOf(record);
  const paths = op.top ? all.filter((p) => p.length === 1) : all;
  if (paths.length === 0) return op.kind === 'set' ? op.value : record;
  const path = paths[op.at % paths.length]!;
  const parent = parentOf(record, path);
  const key = path[path.length - 1]!;
  if (!parent) return record;
  const current = parent[key];
  if (op.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (op.kind === 'set') parent[key] = op.value;
  else if (op.kind === 'retype')
    parent[key] =
      typeof current === 'string' ? [current] : current !== null && typeof current === 'object' ? JSON.stringify(current) : String(current);
  else if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
    parent[key] = Object.fromEntries(Object.entries(current).map(([k, v]) => [k.toLowerCase(), v]));
  }
  return record;
}

/** A line damaged as logs get damaged: text inserted, a run cut out, the end lost. */
const DAMAGE = fc.record({
  at: fc.nat(),
  cut: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '\\', ' ', '[', ']', '{', '\t', '\u0000')),
});

function damage(line: string, { at, cut, insert }: { at: number; cut: number; insert: string }): string {
  const i = at % (line.length + 1);
  return line.slice(0, i) + insert + line.slice(i + cut);
}

/** Records shaped like the given ones, each changed a few times. */
export function damagedFrom(records: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc
    .constantFrom(...records)
    .chain((record) =>
      typeof record === 'string'
        ? fc.array(DAMAGE, { minLength: 1, maxLength: 3 }).map((ds) => ds.reduce(damage, record))
        : fc.array(OP, { minLength: 1, maxLength: 4 }).map((ops) => ops.reduce(apply, structuredClone(record))),
    );
}
