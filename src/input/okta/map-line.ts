import type { MapResult, RecordContext } from '../format.js';
import { compileProjection, each, projectJsonLine, type ProjectionSpec } from '../records/json-projection.js';
import { isEventHookDelivery } from './event-hook.js';
import { OKTA_FIELDS as F } from './fields.js';
import { mapOkta } from './map.js';

/** What `mapOkta` reads of each element of the arrays it walks: a target's type and name, a hop's IP. */
const ELEMENTS: Readonly<Record<string, ProjectionSpec>> = {
  [F.target]: { type: true, displayName: true },
  [F.ipChain]: { ip: true },
};
/** Elements whose keys `mapOkta` reads as it reads top-level keys (`getLoosePath` of the element). */
const LOOSE_ELEMENTS = new Set<string>([F.ipChain]);
/** Fields only detection reads (on records JSON.parse gives it), not cut from a line. */
const DETECTION_ONLY = new Set<string>([F.uuid]);

/**
 * The projection of an Okta LogEvent: every path of OKTA_FIELDS but those only detection reads, so that a field
 * the mapper comes to read is cut from the line too. A path that is the start of another (`actor`, read whole by detection only) is cut to the
 * deeper ones: the mapper must not read such a field whole.
 */
export function oktaProjectionSpec(): ProjectionSpec {
  type Mutable = { [key: string]: Mutable | true | ReturnType<typeof each> };
  const spec: Mutable = {};
  const paths = [...new Set<string>(Object.values(F))].filter((path) => !DETECTION_ONLY.has(path)).sort();
  for (const path of paths) {
    const parts = path.split('.');
    let level = spec;
    for (let i = 0; i < parts.length - 1; i++) {
      const next = level[parts[i]!];
      if (next === undefined || next === true) level = level[parts[i]!] = {};
      else level = next as Mutable;
    }
    const last = parts[parts.length - 1]!;
    const element = ELEMENTS[path];
    if (element !== undefined) level[last] = each(element, { looseKeys: LOOSE_ELEMENTS.has(path) });
    else if (level[last] === undefined) level[last] = true;
  }
  return spec as ProjectionSpec;
}

const PROJECTION = compileProjection(oktaProjectionSpec());

/**
 * An Okta NDJSON line mapped from its bytes: the fields the mapper reads are cut from it (json-projection.ts) and
 * mapped as JSON.parse's record would be. Undefined, to leave the line to JSON.parse and `unwrap`/`map`, when the
 * line is not one valid JSON object the projection reads (a key with an escape, a top-level key spelled otherwise
 * than OKTA_FIELDS spells it, ...) or is an event-hook delivery, whose events are under keys not projected.
 */
export function mapOktaLine(bytes: Buffer, start: number, end: number, ctx: RecordContext): MapResult | undefined {
  const record = projectJsonLine(bytes, start, end, PROJECTION);
  if (record === undefined || isEventHookDelivery(record)) return undefined;
  return mapOkta(record, ctx);
}
