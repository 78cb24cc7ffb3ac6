import type { JsonObject } from '../fields.js';
import { parseTime } from '../../shared/time.js';
import { ATTRIBUTES_KEY, CONVENTIONS, normalizeName, type FieldName } from './conventions.js';
import { attributesObject, readIp, readMethod, readPath, readStatus, textOf } from '../common/values.js';
import { CLAIM_ROOTS, tokenClaims } from '../common/token-claims.js';
import { headerGetters } from '../common/header-sources.js';
import { compileFill, type FillParts } from './compiled-fill.js';
import type { Getter, Plan, Resolved } from './plan.js';

export type { Getter, Plan, Resolved } from './plan.js';

/**
 * A plan is compiled into a function of its own once this many records had it: compiling costs about as much as
 * resolving a few hundred records, and a file of many shapes (or a hostile one, a shape a line) should not pay it for
 * each. Plans are kept up to MAX_PLANS.
 */
export const COMPILE_AFTER = 256;

/**
 * A dotted path that may be written flat, nested or mixed: `a.b.c` is looked up as the key `a.b.c`,
 * then `a` → `b.c`, `a` → `b` → `c`, `a.b` → `c`.
 */
interface PathNode {
  key: string;
  splits: { head: string; next: PathNode }[];
}

function pathNode(segments: readonly string[]): PathNode {
  const splits: PathNode['splits'] = [];
  for (let i = 1; i < segments.length; i++) {
    splits.push({ head: segments.slice(0, i).join('.'), next: pathNode(segments.slice(i)) });
  }
  return { key: segments.join('.'), splits };
}

function lookup(obj: JsonObject, node: PathNode): unknown {
  const flat = obj[node.key];
  if (flat !== undefined) return flat;
  return lookupSplits(obj, node.splits);
}

function lookupSplits(obj: JsonObject, splits: PathNode['splits']): unknown {
  for (let i = 0; i < splits.length; i++) {
    const split = splits[i]!;
    const inner = obj[split.head];
    if (inner !== null && typeof inner === 'object') {
      const v = lookup(inner as JsonObject, split.next);
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

interface PreparedField {
  paths: PathNode[];
  names: string[];
}

const FIELDS = Object.keys(CONVENTIONS) as FieldName[];

const PREPARED = Object.fromEntries(
  FIELDS.map((f) => [
    f,
    {
      paths: CONVENTIONS[f].paths.map((p) => pathNode(p.split('.'))),
      names: CONVENTIONS[f].names.map(normalizeName),
    },
  ]),
) as Record<FieldName, PreparedField>;

/**
 * A getter of one key, compiled for that key: a closure over the key shared one property load among every key of
 * every plan, which V8 then took by its slowest path; this is a load of a named property, one site per key.
 * (`obj[key]`, whatever the key: a JSON string is a JavaScript string literal.)
 */
const keyGetter = (key: string): Getter => ({
  name: key,
  key,
  get: new Function('obj', `return obj[${JSON.stringify(key)}];`) as (obj: JsonObject) => unknown,
});

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_ONLY = /^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** W3C-style logs split the time into `date` and `time` columns; each alone would be misread. */
function dateTimeGetter(dateKey: string, timeKey: string): Getter {
  return {
    name: `${dateKey} + ${timeKey}`,
    get(obj) {
      const d = obj[dateKey];
      const t = obj[timeKey];
      if (typeof d !== 'string' || typeof t !== 'string') return undefined;
      const date = d.trim();
      const clock = t.trim();
      if (!DATE_ONLY.test(date) || !CLOCK_ONLY.test(clock)) return undefined;
      // W3C extended log times are UTC.
      return `${date}T${clock.indexOf(':') === 1 ? '0' : ''}${clock}Z`;
    },
  };
}

/** Works out, once per set of keys, which keys and paths can hold each field. */
export function buildPlan(keys: readonly string[]): Plan {
  const keySet = new Set(keys);
  const byName = new Map<string, string[]>();
  for (const k of keys) {
    if (k === ATTRIBUTES_KEY) continue;
    const n = normalizeName(k);
    const list = byName.get(n);
    if (list) list.push(k);
    else byName.set(n, [k]);
  }
  const plan = {} as Record<FieldName, Getter[]>;
  for (const field of FIELDS) {
    const getters: Getter[] = [];
    const used = new Set<string>();
    for (const node of PREPARED[field].paths) {
      if (keySet.has(node.key) && !used.has(node.key)) {
        used.add(node.key);
        getters.push(keyGetter(node.key));
      }
      // Only the splits whose first part this shape has; the flat key is the getter above.
      const splits = node.splits.filter((s) => keySet.has(s.head));
      if (splits.length > 0) getters.push({ name: node.key, get: (obj) => lookupSplits(obj, splits) });
    }
    if (field === 'time') {
      const date = byName.get('date')?.[0];
      const time = byName.get('time')?.[0];
      if (date !== undefined && time !== undefined) getters.push(dateTimeGetter(date, time));
    }
    for (const name of PREPARED[field].names) {
      for (const k of byName.get(name) ?? []) {
        if (used.has(k)) continue;
        used.add(k);
        getters.push(keyGetter(k));
      }
    }
    plan[field] = getters;
  }
  return {
    ...plan,
    hasAttributes: keySet.has(ATTRIBUTES_KEY),
    headers: headerGetters(keys.filter((k) => k !== ATTRIBUTES_KEY)),
    hasClaims: keys.some((k) => CLAIM_ROOTS.has(k.split('.')[0]!.toLowerCase())),
    uses: 0,
    compiled: undefined,
  };
}

/** Distinct key sets remembered; a file rarely has more than a handful. */
const MAX_PLANS = 256;

/** The last shape seen in one place (the record itself, or its attributes), checked before the map. */
interface LastShape {
  keys: string[];
  plan: Plan | undefined;
}

/**
 * Finds each field in a record. The lookup work (which key answers which field, case and separators
 * ignored) is done once per distinct set of top-level keys, so a file of one shape pays it once.
 */
export class Resolver {
  private readonly plans = new Map<string, Plan>();
  private readonly lastRecord: LastShape = { keys: [], plan: undefined };
  private readonly lastAttributes: LastShape = { keys: [], plan: undefined };

  planFor(obj: JsonObject): Plan {
    return this.planOf(obj, this.lastRecord);
  }

  private planOf(obj: JsonObject, last: LastShape): Plan {
    if (last.plan && sameKeys(obj, last.keys)) return last.plan;
    const keys = Object.keys(obj);
    const signature = keys.join('\u0000');
    let plan = this.plans.get(signature);
    if (!plan) {
      plan = buildPlan(keys);
      if (this.plans.size >= MAX_PLANS) this.plans.clear();
      this.plans.set(signature, plan);
    }
    last.keys = keys;
    last.plan = plan;
    return plan;
  }

  resolve(record: JsonObject): Resolved {
    return this.resolveWith(record, fillWith);
  }

  /** `resolve` with the general `fill` only, never a compiled one: what tests hold the compiled ones to. */
  resolveGenerally(record: JsonObject): Resolved {
    return this.resolveWith(record, fill);
  }

  private resolveWith(record: JsonObject, fillIn: typeof fill): Resolved {
    const out = emptyResolved();
    const plan = this.planFor(record);
    fillIn(record, plan, out);
    if (plan.hasAttributes) {
      const attributes = attributesObject(record[ATTRIBUTES_KEY]);
      if (attributes) fillIn(attributes, this.planOf(attributes, this.lastAttributes), out);
    }
    return out;
  }
}

/** Every field present from the start, in one order: one object shape for every record. */
function emptyResolved(): Resolved {
  return {
    time: undefined,
    unreadableTime: undefined,
    method: undefined,
    path: undefined,
    route: undefined,
    requestLine: undefined,
    status: undefined,
    ip: undefined,
    userAgent: undefined,
    user: undefined,
    sessionId: undefined,
    tokenId: undefined,
    clientId: undefined,
    headers: undefined,
    claims: undefined,
  };
}

/** Compares an object's keys, in order, with a list, without building the object's key array. */
function sameKeys(obj: JsonObject, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in obj) {
    if (k !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

/** `fill` with the plan's compiled function, once it has one. */
function fillWith(obj: JsonObject, plan: Plan, out: Resolved): void {
  if (plan.compiled !== undefined) {
    plan.compiled(obj, out);
    return;
  }
  if (++plan.uses >= COMPILE_AFTER) plan.compiled = compileFill(plan, FILL_PARTS);
  fill(obj, plan, out);
}

/** Sets each field of `out` that is still missing from what `obj` holds. */
function fill(obj: JsonObject, plan: Plan, out: Resolved): void {
  if (out.time === undefined) readTime(obj, plan.time, out);
  out.method ??= first(obj, plan.method, readMethod);
  out.path ??= first(obj, plan.path, readPath);
  out.route ??= first(obj, plan.route, readPath);
  out.requestLine ??= first(obj, plan.requestLine, textOf);
  out.status ??= first(obj, plan.status, readStatus);
  out.ip ??= first(obj, plan.ip, readIp);
  out.userAgent ??= first(obj, plan.userAgent, textOf);
  out.user ??= first(obj, plan.user, textOf);
  out.sessionId ??= first(obj, plan.sessionId, textOf);
  out.tokenId ??= first(obj, plan.tokenId, textOf);
  out.clientId ??= first(obj, plan.clientId, textOf);
  fillRest(obj, plan, out);
}

/** The client headers and token claims of `fill`. */
function fillRest(obj: JsonObject, plan: Plan, out: Resolved): void {
  if (plan.headers.length > 0) {
    out.headers ??= {};
    const headers = out.headers;
    for (let i = 0; i < plan.headers.length; i++) plan.headers[i]!(obj, headers);
  }
  if (plan.hasClaims && out.claims === undefined) out.claims = tokenClaims(obj);
}

function first<T>(obj: JsonObject, getters: readonly Getter[], read: (v: unknown) => T | undefined): T | undefined {
  for (let i = 0; i < getters.length; i++) {
    const raw = getters[i]!.get(obj);
    if (raw === undefined) continue;
    const v = read(raw);
    if (v !== undefined) return v;
  }
  return undefined;
}

const FILL_PARTS: FillParts = { readTime, rest: fillRest };

function readTime(obj: JsonObject, getters: readonly Getter[], out: Resolved): void {
  for (let i = 0; i < getters.length; i++) {
    const g = getters[i]!;
    const raw = g.get(obj);
    if (raw === undefined || raw === null || raw === '') continue;
    const time = parseTime(raw);
    if (time !== undefined) {
      out.time = time;
      out.unreadableTime = undefined;
      return;
    }
    out.unreadableTime ??= { name: g.name, value: raw };
  }
}
