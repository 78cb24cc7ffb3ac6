import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSample, appendTimeline, newSamplePool, newTimeline, SAMPLE_BYTES } from '../../src/engine/timeline.js';
import type { Timeline } from '../../src/model/session.js';
import { findMetronomeRun, findSustainedRate, sortTimeline } from '../../src/rules/pacing.js';

type Row = [time: number, resource: number, file: string, line: number];

type Step = { add: number; time: number; resource: number; file: number } | { into: number; from: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ add: fc.nat(5), time: fc.integer({ min: 0, max: 50 }), resource: fc.nat(30), file: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ into: fc.nat(5), from: fc.nat(5) }) },
);

/** Runs the steps on a pool of the given budget and on plain arrays (what a timeline must read back as). */
function play(steps: Step[], budget: number | undefined) {
  const pool = newSamplePool(budget === undefined ? {} : { memoryBytes: budget * SAMPLE_BYTES });
  const timelines = Array.from({ length: 6 }, () => newTimeline(pool));
  const model: Row[][] = timelines.map(() => []);
  let line = 0;
  for (const s of steps) {
    if ('add' in s) {
      line++;
      addSample(timelines[s.add]!, s.time * 1000, s.resource, `f${s.file}`, line);
      model[s.add]!.push([s.time * 1000, s.resource, `f${s.file}`, line]);
    } else if (s.into !== s.from) {
      appendTimeline(timelines[s.into]!, timelines[s.from]!);
      model[s.into]!.push(...model[s.from]!);
    }
  }
  const read = new Map<Timeline, Row[]>();
  const paced = new Map<Timeline, unknown>();
  pool.visit(timelines, (t, samples) => {
    const rows: Row[] = [];
    for (let k = 0; k < samples.length; k++)
      rows.push([samples.times[k]!, samples.resources[k]!, pool.fileNames[samples.files[k]!]!, samples.lines[k]!]);
    read.set(t, rows);
    const sorted = sortTimeline(samples);
    paced.set(t, [findMetronomeRun(sorted), findSustainedRate(sorted)]);
  });
  pool.close();
  return { read: timelines.map((t) => read.get(t)), paced: timelines.map((t) => paced.get(t)), model };
}

describe('a sample pool over random samples, joins and memory budgets', () => {
  it('reads every timeline back as it was added, whatever the budget, and pacing finds the same runs', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), fc.integer({ min: 1, max: 64 }), (steps, budget) => {
        const inMemory = play(steps, undefined);
        expect(inMemory.read).toEqual(inMemory.model);
        const spilled = play(steps, budget);
        expect(spilled.read).toEqual(inMemory.model);
        expect(spilled.paced).toEqual(inMemory.paced);
      }),
      { numRuns: 200 },
    );
  });
});
