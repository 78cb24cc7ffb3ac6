import fc from 'fast-check';

/**
 * Damage done to a fixture's bytes, as data: fast-check generates and shrinks these descriptions, and a failure
 * prints one that `applyMutations` turns back into the same bytes. Positions are taken modulo the length they
 * index, so every description applies to every file.
 */
export type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'dropLine'; line: number }
  | { kind: 'doubleLine'; line: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'confuse'; record: number; value: number; to: Confusion }
  | { kind: 'bom'; add: boolean }
  | { kind: 'lineEnds'; to: 'crlf' | 'lf' | 'cr' }
  | { kind: 'huge'; at: number; size: number; text: string }
  | { kind: 'utf8'; at: number; bytes: number[] }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number };

/** What a JSON value becomes: another type, or a value that parsers get wrong. */
export type Confusion = 'string' | 'number' | 'null' | 'object' | 'array' | 'boolean' | 'empty' | 'odd' | 'huge';

/** Invalid UTF-8: a lone continuation byte, cut sequences, an overlong form, a surrogate, bytes that are never UTF-8. */
const BAD_UTF8 = [
  [0x80],
  [0xff],
  [0xfe, 0xff],
  [0xc3],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0x00],
];
/** Text that breaks structure: quotes, brackets, separators, escapes, line ends, terminal escapes. */
const STRUCTURE = [
  '"',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '\\',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '""',
  '\\"',
  '\u2028',
  '\u001b[31m',
  '\u202e',
  '\uFEFF',
  '-',
  '[]',
  '{}',
  'null',
  '"a":',
  ',"x":1',
  '%',
  '$',
  '\u0000',
];
/** Values that parsers get wrong: placeholders, extremes, impossible times, markup, paths. */
export const ODD_VALUES: readonly unknown[] = [
  '',
  '-',
  'null',
  'undefined',
  'N/A',
  ' ',
  '0',
  -0,
  1.5,
  2 ** 53 + 1,
  1e308,
  -1e308,
  '1e999',
  'NaN',
  'Infinity',
  '2026-02-30T00:00:00Z',
  '2026-11-02T25:61:00Z',
  '2026-11-02T09:00:00+99:99',
  '0000-00-00',
  '10/Foo/2026:00:00:00 +0000',
  '9999999999999999999',
  '-1',
  '\u0000',
  '\u001b]8;;http://x\u0007x',
  '\u202egnp.exe',
  '<script>alert(1)</script>',
  '[x](https://example.com)',
  '@org/team',
  '../../etc/passwd',
  'a'.repeat(300),
  '😀',
  '\uFFFD',
  {},
  [],
  [[[]]],
  { '': null },
  true,
  false,
];

/** Mutations for `npm test`: huge values up to about a megabyte (past the 64 KB head detection reads). */
export function mutation(maxHuge: number): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  const sizes = [1024, 70 * 1024, 1024 * 1024 + 7, 5 * 1024 * 1024, 16 * 1024 * 1024 + 1].filter((s) => s <= maxHuge);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('flip' as const), at, byte: fc.integer({ min: 0, max: 255 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('dropLine' as const), line: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('doubleLine' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }) },
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('confuse' as const),
        record: fc.nat(),
        value: fc.nat(),
        to: fc.constantFrom<Confusion>(
          'string',
          'number',
          'null',
          'object',
          'array',
          'boolean',
          'empty',
          'odd',
          'odd',
          'odd',
          ...(sizes.length > 0 ? (['huge'] as const) : []),
        ),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('bom' as const), add: fc.boolean() }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('lineEnds' as const), to: fc.constantFrom('crlf' as const, 'lf' as const, 'cr' as const) }),
    },
    ...(sizes.length > 0
      ? [
          {
            weight: 1,
            arbitrary: fc.record({
              kind: fc.constant('huge' as const),
              at,
              size: fc.constantFrom(...sizes),
              text: fc.constantFrom('a', ' ', '\\', '"', '\\"', 'é', '😀', 'a b', '\\x22'),
            }),
          },
        ]
      : []),
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('utf8' as const), at, bytes: fc.constantFrom(...BAD_UTF8) }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('insert' as const),
        at,
        text: fc.oneof(fc.constantFrom(...STRUCTURE), fc.string({ maxLength: 6 })),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 64 }) }) },
  );
}

/** Applies the mutations in order. */
export function applyMutations(input: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = input;
  for (const m of mutations) bytes = applyOne(bytes, m);
  return bytes;
}

function applyOne(bytes: Buffer, m: Mutation): Buffer {
  const pos = (at: number) => (bytes.length === 0 ? 0 : at % (bytes.length + 1));
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const out = Buffer.from(bytes);
      out[m.at % bytes.length] = m.byte;
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, pos(m.at));
    case 'dropLine':
    case 'doubleLine':
    case 'swapLines': {
      const lines = bytes.toString('latin1').split('\n');
      if (lines.length === 0) return bytes;
      if (m.kind === 'dropLine') lines.splice(m.line % lines.length, 1);
      else if (m.kind === 'doubleLine') lines.splice(m.line % lines.length, 0, lines[m.line % lines.length]!);
      else {
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    case 'confuse':
      return confuse(bytes, m.record, m.value, m.to);
    case 'bom': {
      const has = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      if (m.add) return has ? bytes : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
      return has ? bytes.subarray(3) : bytes;
    }
    case 'lineEnds': {
      const lf = bytes.toString('latin1').replace(/\r\n/g, '\n');
      const end = m.to === 'crlf' ? '\r\n' : m.to === 'cr' ? '\r' : '\n';
      return Buffer.from(lf.replace(/\n/g, end), 'latin1');
    }
    case 'huge': {
      const run = m.text.repeat(Math.ceil(m.size / Buffer.byteLength(m.text)));
      const i = pos(m.at);
      return Buffer.concat([bytes.subarray(0, i), Buffer.from(run), bytes.subarray(i)]);
    }
    case 'utf8':
    case 'insert': {
      const i = pos(m.at);
      const piece = m.kind === 'utf8' ? Buffer.from(m.bytes) : Buffer.from(m.text);
      return Buffer.concat([bytes.subarray(0, i), piece, bytes.subarray(i)]);
    }
    case 'delete': {
      const i = pos(m.at);
      return Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + m.length)]);
    }
  }
}

/**
 * Type confusion in JSON: the value at one place in one record becomes another type. Records are the elements of a
 * whole-file array (or its wrapper's), the file's single object, or the lines of NDJSON that parse; the file is
 * written back in its layout (pretty, compact or one record per line). Text that is no JSON is left as it is.
 */
function confuse(bytes: Buffer, recordIndex: number, valueIndex: number, to: Confusion): Buffer {
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) return bytes;
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const whole = tryParse(body);
  if (whole.ok && whole.value !== null && typeof whole.value === 'object') {
    const root: Slot = [{ root: whole.value }, 'root'];
    const list = Array.isArray(whole.value) ? whole.value : wrapperArray(whole.value as Record<string, unknown>);
    const records: Slot[] = list ? list.map((_, i) => [list, i]) : [root];
    if (records.length === 0) return bytes;
    replaceIn(records[recordIndex % records.length]!, valueIndex, to);
    const pretty = /\n\s/.test(body);
    const value = (root[0] as { root: unknown }).root;
    return Buffer.from(bom + JSON.stringify(value, null, pretty ? 2 : undefined) + (body.endsWith('\n') ? '\n' : ''));
  }
  const lines = body.split('\n');
  const parsed = lines.map((l) => tryParse(l.replace(/\r$/, '')));
  const candidates = parsed.flatMap((p, i) => (p.ok && p.value !== null && typeof p.value === 'object' ? [i] : []));
  if (candidates.length === 0) return bytes;
  const i = candidates[recordIndex % candidates.length]!;
  const holder = { root: (parsed[i] as { value: unknown }).value };
  replaceIn([holder, 'root'], valueIndex, to);
  lines[i] = JSON.stringify(holder.root) + (lines[i]!.endsWith('\r') ? '\r' : '');
  return Buffer.from(bom + lines.join('\n'));
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

type Container = Record<string | number, unknown>;
/** A place a value sits: its container and its key there. */
type Slot = [Container | unknown[], string | number];

function wrapperArray(o: Record<string, unknown>): unknown[] | undefined {
  for (const key of ['records', 'Records', 'value', 'items']) if (Array.isArray(o[key])) return o[key] as unknown[];
  return undefined;
}

/** Replaces the n-th value of a record (depth first, the record itself first) with its confusion. */
function replaceIn(record: Slot, n: number, to: Confusion): void {
  const slots: Slot[] = [record];
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || slots.length >= 10_000) return;
    const c = v as Container;
    for (const k of Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v)) {
      slots.push([c, k]);
      walk(c[k]);
    }
  };
  walk((record[0] as Container)[record[1]]);
  const [c, k] = slots[n % slots.length]!;
  const target = c as Container;
  target[k] = confused(target[k], to, n);
}

function confused(v: unknown, to: Confusion, n: number): unknown {
  switch (to) {
    case 'string':
      return typeof v === 'string' ? `${v}x` : (JSON.stringify(v) ?? 'undefined');
    case 'number':
      return typeof v === 'string' ? (Number.isFinite(Number(v)) ? Number(v) : v.length) : typeof v === 'number' ? -v - 1 : 0;
    case 'null':
      return null;
    case 'object':
      return { value: v };
    case 'array':
      return [v];
    case 'boolean':
      return typeof v !== 'boolean';
    case 'empty':
      return typeof v === 'string' ? '' : Array.isArray(v) ? [] : typeof v === 'object' ? {} : '';
    case 'odd':
      return ODD_VALUES[n % ODD_VALUES.length];
    case 'huge':
      return 'x'.repeat(70 * 1024 + (n % 1024));
  }
}
