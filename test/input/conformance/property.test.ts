import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogFormat } from '../../../src/input/format.js';
import { compileLogFormat } from '../../../src/input/log-format/index.js';
import { mappingSink } from '../../../src/input/map-record.js';
import { FORMATS } from '../../../src/input/registry.js';
import type { NormalizedEvent } from '../../../src/model/event.js';
import { FIXTURES } from './support/discover.js';
import { checkEventShape } from './support/invariants.js';
import { damagedFrom, fixtureShapes } from './support/shapes.js';

const LOG_FORMAT = compileLogFormat(readFileSync(join(FIXTURES, 'log-format/agent-headers/log_format.conf'), 'utf8'));
const ALL: readonly LogFormat[] = [...FORMATS, LOG_FORMAT];
const SHAPES = fixtureShapes();
const RUNS = 300;

/** Maps one record the way a read does (envelopes opened, a throw caught); returns what came out. */
function mapOne(format: LogFormat, record: unknown): { events: NormalizedEvent[]; skips: string[] } {
  const events: NormalizedEvent[] = [];
  const skips: string[] = [];
  const sink = mappingSink(format, 'property.log', undefined, {
    event: (e) => events.push(e),
    error: (_line, reason) => skips.push(reason),
  });
  sink.record(record, 1);
  return { events, skips };
}

/** Whatever the record, it gives events of a valid shape or skips with a reason, and nothing throws. */
function checkMapped(format: LogFormat, record: unknown): void {
  const { events, skips } = mapOne(format, record);
  expect(events.length + skips.length, 'a record gives an event or a skip').toBeGreaterThan(0);
  for (const reason of skips) {
    expect(reason.trim().length, 'a skip has a reason').toBeGreaterThan(0);
    expect(reason, 'map threw').not.toMatch(/^could not map record/);
  }
  for (const e of events) checkEventShape(e, format.id);
}

const anything = fc.oneof(
  fc.anything({ withNullPrototype: true, withObjectString: true }),
  fc.jsonValue(),
  fc.string(),
  fc.string({ unit: 'binary' }),
);

describe.each(ALL.map((f) => [f.id, f] as const))('%s on input no one wrote for it', (_id, format) => {
  it('maps any value to events of a valid shape or to a skip with a reason, never throwing', () => {
    fc.assert(
      fc.property(anything, (value) => checkMapped(format, value)),
      { numRuns: RUNS },
    );
  });

  it('answers detection with a yes or no on any records, never throwing', () => {
    const records = fc.array(fc.oneof(anything, damagedFrom(SHAPES.get(format.id) ?? [{}])), { maxLength: 5 });
    fc.assert(
      fc.property(records, fc.option(fc.array(fc.string(), { maxLength: 6 }), { nil: undefined }), (list, header) => {
        expect(typeof format.detect({ container: format.container, records: list, header })).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });
});

describe.each(ALL.map((f) => [f.id, f] as const))("%s on damaged copies of its fixtures' records", (id, format) => {
  const shapes = SHAPES.get(id) ?? [];

  it('has fixture records to start from', () => {
    expect(shapes.length, `fixtures/ holds no file ${id} claims`).toBeGreaterThan(0);
  });

  it.runIf(shapes.length > 0)('maps each damaged record to events of a valid shape or to a skip with a reason', () => {
    fc.assert(
      fc.property(damagedFrom(shapes), (record) => checkMapped(format, record)),
      { numRuns: RUNS },
    );
  });
});
