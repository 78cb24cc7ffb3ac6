import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProjection, each, projectJsonLine, type ProjectionSpec } from '../../../src/input/records/json-projection.js';

const ELEMENT: ProjectionSpec = { d: true, b: { c: true } };
const SPEC: ProjectionSpec = {
  eventType: true,
  published: true,
  a: { b: true, c: { d: true }, list: each(ELEMENT) },
  list: each(ELEMENT, { looseKeys: true }),
  n: true,
  records: true,
};
/** The reference's view of the spec: what each key takes. */
type Want = true | { keys: Record<string, Want>; loose: boolean } | { each: { keys: Record<string, Want>; loose: boolean } };
const ELEMENT_WANT = { keys: { d: true, b: { keys: { c: true }, loose: false } }, loose: false } as const;
const WANT = {
  keys: {
    eventType: true,
    published: true,
    a: { keys: { b: true, c: { keys: { d: true }, loose: false }, list: { each: ELEMENT_WANT } }, loose: false },
    list: { each: { ...ELEMENT_WANT, loose: true } },
    n: true,
    records: true,
  },
  loose: true,
} as const;
const compiled = compileProjection(SPEC);

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * What the projection must be, from JSON.parse's value: every key the spec names, in the spec's order, with the
 * object's value for it (undefined where it has none); undefined when a loose key is spelled otherwise than the spec
 * (the projection leaves such a line to JSON.parse).
 */
function reference(
  value: Record<string, unknown>,
  want: { keys: Record<string, Want>; loose: boolean },
): Record<string, unknown> | undefined {
  const names = Object.keys(want.keys);
  if (want.loose && Object.keys(value).some((key) => names.some((k) => k !== key && k.toLowerCase() === key.toLowerCase())))
    return undefined;
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const child = want.keys[name]!;
    const v = Object.hasOwn(value, name) ? value[name] : undefined;
    let taken: unknown = v;
    if (child !== true && 'each' in child) taken = Array.isArray(v) ? v.map((e) => (isPlainObject(e) ? reference(e, child.each) : e)) : v;
    else if (child !== true && isPlainObject(v)) taken = reference(v, child);
    if (taken === undefined && v !== undefined) return undefined;
    if (Array.isArray(taken) && taken.includes(undefined)) return undefined;
    out[name] = taken;
  }
  return out;
}

function project(text: string) {
  const bytes = Buffer.from(`xx${text}yy`, 'utf8');
  return projectJsonLine(bytes, 2, bytes.length - 2, compiled);
}

/**
 * The projection agrees with JSON.parse of the line as the text reading decodes it (a lone surrogate in the generated
 * text is written as U+FFFD): the same values where it reads the line, and it never reads one JSON.parse rejects.
 */
function agrees(generated: string): void {
  const text = Buffer.from(generated, 'utf8').toString('utf8');
  let parsed: unknown;
  let valid = true;
  try {
    parsed = JSON.parse(text);
  } catch {
    valid = false;
  }
  const projected = project(text);
  if (!valid || !isPlainObject(parsed)) {
    expect(projected, text).toBeUndefined();
    return;
  }
  // It may leave a line to JSON.parse (an escaped key, a key outside ASCII or spelled otherwise where keys are
  // loose), never read it differently.
  if (projected !== undefined) expect(projected, text).toStrictEqual(reference(parsed, WANT));
}

const keyName = fc.oneof(
  fc.constantFrom(
    'eventType',
    'EVENTTYPE',
    'eventtype',
    'published',
    'a',
    'A',
    'b',
    'B',
    'c',
    'd',
    'D',
    'list',
    'LIST',
    'n',
    'records',
    'Records',
    'x',
    '1',
    '__proto__',
    'é',
    'K',
  ),
  fc.string({ maxLength: 6 }),
);
const leaf = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('tree'), { maxLength: 3 }),
    fc.dictionary(keyName, tie('tree'), { maxKeys: 5 }),
  ),
}));
const record = fc.dictionary(keyName, tree, { maxKeys: 8 });

/** JSON text with spacing, escapes and repeated keys that JSON.stringify does not write. */
const written = record.chain((r) =>
  fc.tuple(fc.constantFrom('', ' ', '\t', '  '), fc.boolean(), fc.boolean()).map(([space, escapes, repeat]) => {
    let text = JSON.stringify(r, null, space.length > 0 ? space : undefined).replace(/\n/g, ' ');
    if (escapes) text = text.replace(/a/g, '\\u0061');
    if (repeat && text.length > 2) text = `{"eventType":"first",${text.slice(1)}`.replace(/,}$/, '}');
    return text;
  }),
);

const TRICKY = [
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  ' ',
  '\t',
  '\u0000',
  '\u001f',
  '\u00e9',
  '\ud83d',
  '0',
  '-',
  '.',
  'e',
  'E',
  '+',
  't',
  'n',
  'u',
];
const damaged = fc
  .tuple(written, fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(...TRICKY)), { minLength: 1, maxLength: 4 }))
  .map(([text, edits]) => {
    let s = text;
    for (const [at, op, ch] of edits) {
      const i = at % (s.length + 1);
      if (op === 0) s = s.slice(0, i) + ch + s.slice(i);
      else if (op === 1) s = s.slice(0, i) + s.slice(i + 1);
      else s = s.slice(0, i) + ch + s.slice(i + 1);
    }
    return s;
  });

describe('projectJsonLine: a line cut to what a format reads, exactly as JSON.parse reads it', () => {
  it('on generated records: nested, repeated and case-varied keys, escapes, any values', () => {
    fc.assert(fc.property(written, agrees), { numRuns: 5000 });
  });

  it('on damaged lines: never reads one JSON.parse rejects', () => {
    fc.assert(fc.property(damaged, agrees), { numRuns: 20_000 });
  });

  it('on numbers, literals and strings JSON.parse rejects', () => {
    for (const text of [
      '{"n":01}',
      '{"n":1.}',
      '{"n":.5}',
      '{"n":-}',
      '{"n":1e}',
      '{"n":+1}',
      '{"n":tru}',
      '{"n":nul}',
      '{"n":"\\x"}',
      '{"n":"\\u12"}',
      '{"n":"a\tb"}',
      '{"n":1,}',
      '{,"n":1}',
      '{"n":1}}',
      '{"n" 1}',
      '{"n":[1,]}',
      '{"n":{"a":1,}}',
    ]) {
      agrees(text);
      expect(project(text), text).toBeUndefined();
    }
    for (const text of [
      '{"n": 2, "x": {"N": 1}}',
      '{"n":-0}',
      '{"n":1e-7}',
      '{"n":"\\ud800"}',
      '{"n":"\\u00e9\\n"}',
      '{"a":{"b":1,"b":{"x":2}},"a":{"c":{"d":[1]}}}',
      '{"list":[{"a":1}],"x":{"deep":[[[{}]]]}}',
    ]) {
      agrees(text);
      expect(project(text), text).toBeDefined();
    }
  });

  it('keeps bytes that are no UTF-8 as the text reading decodes them', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"eventType":"a'),
      Buffer.from([0xe2, 0x82]),
      Buffer.from('b","x":"'),
      Buffer.from([0xff]),
      Buffer.from('"}'),
    ]);
    const projected = projectJsonLine(bytes, 0, bytes.length, compiled);
    expect(projected).toEqual(
      JSON.parse(bytes.toString('utf8')).eventType === undefined ? undefined : { eventType: JSON.parse(bytes.toString('utf8')).eventType },
    );
  });
});
