import type { MapResult, RecordContext } from '../format.js';
import { type CompiledProjection, compileProjection, each, projectJsonLine, type ProjectionSpec } from '../records/json-projection.js';
import { isEventHookDelivery } from './event-hook.js';
import { OKTA_FIELDS as F } from './fields.js';
import { mapOkta } from './map.js';
import { RISK_DEBUG_KEYS } from './risk.js';

/**
 * What the mapper reads of each element of the arrays it walks: a target's type and name (map.ts) and its user's
 * login or id (agent.ts), a hop's IP.
 */
const ELEMENTS: Readonly<Record<string, ProjectionSpec>> = {
  [F.target]: { type: true, displayName: true, alternateId: true, id: true },
  [F.ipChain]: { ip: true },
};
/** Elements whose keys the mapper reads as it reads top-level keys (`getLoosePath` of the element). */
const LOOSE_ELEMENTS = new Set<string>([F.ipChain]);
/** Fields only detection reads (on records JSON.parse gives it), not cut from a line. */
const DETECTION_ONLY = new Set<string>([F.uuid]);
/**
 * Objects the mapper reads only in part: cut to the keys named here and by the deeper paths of OKTA_FIELDS. Any
 * other path that is the start of another is a mistake (the object would be cut where the mapper may read it
 * whole), and stops the module from loading.
 */
const CUT: Readonly<Record<string, readonly string[]>> = {
  [F.actor]: [],
  [F.debugData]: RISK_DEBUG_KEYS,
};

type Mutable = { [key: string]: Mutable | true | ReturnType<typeof each> };

/**
 * The projection of an Okta LogEvent: every path of OKTA_FIELDS but those only detection reads, so that a field
 * the mapper comes to read is cut from the line too, with the array elements and parts of objects above.
 */
export function oktaProjectionSpec(): ProjectionSpec {
  const spec: Mutable = {};
  const paths = [...new Set<string>(Object.values(F))].filter((path) => !DETECTION_ONLY.has(path));
  for (const [path, keys] of Object.entries(CUT)) for (const key of keys) paths.push(`${path}.${key}`);
  for (const path of paths) {
    if (!(path in CUT) && paths.some((other) => other.startsWith(`${path}.`))) {
      throw new Error(`Okta projection: ${path} is read whole and has deeper fields; name it in CUT if it is read in part`);
    }
  }
  for (const path of paths.sort()) {
    const parts = path.split('.');
    let level = spec;
    for (let i = 0; i < parts.length - 1; i++) {
      const next = level[parts[i]!];
      if (next === undefined || next === true) {
        const deeper: Mutable = {};
        level[parts[i]!] = deeper;
        level = deeper;
      } else {
        level = next as Mutable;
      }
    }
    const last = parts[parts.length - 1]!;
    const element = ELEMENTS[path];
    if (element !== undefined) level[last] = each(element, { looseKeys: LOOSE_ELEMENTS.has(path) });
    else if (level[last] === undefined) level[last] = true;
  }
  return spec as ProjectionSpec;
}

/** Compiled on the first NDJSON line, not at import: a scan that reads no Okta NDJSON does not pay for it. */
let projection: CompiledProjection | undefined;

/**
 * An Okta NDJSON line mapped from its bytes: the fields the mapper reads are cut from it (json-projection.ts) and
 * mapped as JSON.parse's record would be. Undefined, to leave the line to JSON.parse and `unwrap`/`map`, when the
 * line is not one valid JSON object the projection reads (a key with an escape, a top-level key spelled otherwise
 * than OKTA_FIELDS spells it, ...) or is an event-hook delivery, whose events are under keys not projected.
 */
export function mapOktaLine(bytes: Buffer, start: number, end: number, ctx: RecordContext): MapResult | undefined {
  projection ??= compileProjection(oktaProjectionSpec());
  const record = projectJsonLine(bytes, start, end, projection);
  if (record === undefined || isEventHookDelivery(record)) return undefined;
  return mapOkta(record, ctx);
}
