import type { JsonObject } from '../fields.js';
import { readIp, readMethod, readPath, readStatus, textOf } from '../common/values.js';
import type { FieldName } from './conventions.js';
import type { Fill, Getter, Plan, Resolved } from './plan.js';

/** The parts of `fill` that are called as they are: the time, and the headers and claims. */
export interface FillParts {
  readTime(obj: JsonObject, getters: readonly Getter[], out: Resolved): void;
  rest(obj: JsonObject, plan: Plan, out: Resolved): void;
}

/** The fields read with one getter list and one reader each, in `fill`'s order (the time, headers and claims aside). */
const READERS: readonly [Exclude<FieldName, 'time'>, string][] = [
  ['method', 'readMethod'],
  ['path', 'readPath'],
  ['route', 'readPath'],
  ['requestLine', 'textOf'],
  ['status', 'readStatus'],
  ['ip', 'readIp'],
  ['userAgent', 'textOf'],
  ['user', 'textOf'],
  ['sessionId', 'textOf'],
  ['tokenId', 'textOf'],
  ['clientId', 'textOf'],
];

const READER_FUNCTIONS = { readIp, readMethod, readPath, readStatus, textOf };

/**
 * `fill` for one plan, written out as one function: each getter of a plain key becomes a property load of that key,
 * and each reader a direct call. The general `fill` goes through a getter object and a reader passed as a value for
 * each field, call sites that see every getter and reader of every field and so stay slow; this runs once per record.
 *
 * Keys are the record's own (attacker-controlled): each is written as a JSON string, which is a JavaScript string
 * literal, and used only as a property name. Everything else in the source is this file's own text.
 */
export function compileFill(plan: Plan, parts: FillParts): Fill {
  const getters: Getter[] = [];
  const lines: string[] = ['let raw;', 'let v;', 'if (out.time === undefined) readTime(obj, plan.time, out);'];
  for (const [field, reader] of READERS) {
    const list = plan[field];
    if (list.length === 0) continue;
    lines.push(`${field}: if (out.${field} == null) {`);
    for (const getter of list) {
      const load = getter.key !== undefined ? `obj[${JSON.stringify(getter.key)}]` : `g${getters.push(getter) - 1}.get(obj)`;
      lines.push(
        `  raw = ${load};`,
        `  if (raw !== undefined && (v = ${reader}(raw)) !== undefined) { out.${field} = v; break ${field}; }`,
      );
    }
    lines.push('}');
  }
  lines.push('rest(obj, plan, out);');
  const names = getters.map((_, i) => `g${i}`);
  const source = `${names.map((n, i) => `const ${n} = getters[${i}];`).join('\n')}
return function compiledFill(obj, out) {
${lines.join('\n')}
};`;
  const factory = new Function('plan', 'getters', 'rest', 'readTime', ...Object.keys(READER_FUNCTIONS), source);
  return factory(plan, getters, parts.rest, parts.readTime, ...Object.values(READER_FUNCTIONS)) as Fill;
}
