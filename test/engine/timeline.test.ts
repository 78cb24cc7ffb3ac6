import { describe, expect, it } from 'vitest';
import { addSample, appendTimeline, MAX_TIMELINE_SAMPLES, newSamplePool, newTimeline, SAMPLE_BYTES } from '../../src/engine/timeline.js';
import type { SamplePool, Timeline } from '../../src/model/session.js';

/** Each timeline's samples as the pool reads them back: time, resource, file name and line. */
function readBack(pool: SamplePool, timelines: Timeline[]): Map<Timeline, [number, number, string, number][]> {
  const out = new Map<Timeline, [number, number, string, number][]>();
  pool.visit(timelines, (t, s) => {
    const rows: [number, number, string, number][] = [];
    for (let k = 0; k < s.length; k++) rows.push([s.times[k]!, s.resources[k]!, pool.fileNames[s.files[k]!]!, s.lines[k]!]);
    expect(out.has(t)).toBe(false);
    out.set(t, rows);
  });
  return out;
}

const times = (pool: SamplePool, t: Timeline) =>
  readBack(pool, [t])
    .get(t)!
    .map((r) => r[0]);

describe('request timelines in a shared sample pool', () => {
  it('keeps each timeline its own samples in insertion order, interleaved in one pool', () => {
    const pool = newSamplePool();
    const a = newTimeline(pool);
    const b = newTimeline(pool);
    for (let k = 0; k < 10; k++) {
      addSample(a, k, 1, 'a.log', k + 1);
      addSample(b, 100 + k, 2, k % 2 ? 'b.log' : 'c.log', k + 1);
    }
    const back = readBack(pool, [a, b]);
    expect(back.get(a)!.map((r) => r[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(back.get(b)!.map((r) => r[0])).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
    expect(pool.size).toBe(20);
    expect(back.get(b)!.at(-1)).toEqual([109, 2, 'b.log', 10]);
  });

  it('counts samples past the cap as dropped instead of keeping them', () => {
    const pool = newSamplePool();
    const t = newTimeline(pool);
    for (let k = 0; k < MAX_TIMELINE_SAMPLES + 5; k++) addSample(t, k, 0, 'f', k);
    expect(t.length).toBe(MAX_TIMELINE_SAMPLES);
    expect(t.dropped).toBe(5);
    expect(times(pool, t)).toHaveLength(MAX_TIMELINE_SAMPLES);
  });

  it('appends a merged session timeline after the target, and the source stays intact', () => {
    const pool = newSamplePool();
    const a = newTimeline(pool);
    const b = newTimeline(pool);
    addSample(a, 1, 0, 'f', 1);
    addSample(b, 2, 0, 'f', 2);
    addSample(b, 3, 0, 'f', 3);
    appendTimeline(a, b);
    expect(times(pool, a)).toEqual([1, 2, 3]);
    expect(a.length).toBe(3);
    addSample(a, 4, 0, 'f', 4);
    expect(times(pool, a)).toEqual([1, 2, 3, 4]);
    expect(times(pool, b)).toEqual([2, 3]);
  });

  it('appends into an empty timeline', () => {
    const pool = newSamplePool();
    const a = newTimeline(pool);
    const b = newTimeline(pool);
    addSample(b, 7, 0, 'f', 1);
    appendTimeline(a, b);
    expect(times(pool, a)).toEqual([7]);
  });

  it('truncates an append at the cap and counts the rest as dropped', () => {
    const pool = newSamplePool();
    const a = newTimeline(pool);
    const b = newTimeline(pool);
    for (let k = 0; k < MAX_TIMELINE_SAMPLES - 2; k++) addSample(a, k, 0, 'f', k);
    for (let k = 0; k < 5; k++) addSample(b, 1e9 + k, 0, 'f', k);
    b.dropped = 1;
    appendTimeline(a, b);
    expect(a.length).toBe(MAX_TIMELINE_SAMPLES);
    expect(a.dropped).toBe(4);
    expect(times(pool, a).slice(-3)).toEqual([MAX_TIMELINE_SAMPLES - 3, 1e9, 1e9 + 1]);
  });

  it('keeps joins of joins in order: each appended part, then what came after it', () => {
    const pool = newSamplePool({ memoryBytes: 4 * SAMPLE_BYTES });
    const [a, b, c] = [newTimeline(pool), newTimeline(pool), newTimeline(pool)];
    addSample(c, 30, 0, 'f', 1);
    addSample(a, 10, 0, 'f', 2);
    addSample(b, 20, 0, 'f', 3);
    appendTimeline(b, c);
    addSample(b, 21, 0, 'f', 4);
    appendTimeline(a, b);
    addSample(a, 11, 0, 'f', 5);
    addSample(c, 31, 0, 'f', 6);
    expect(times(pool, a)).toEqual([10, 20, 30, 21, 11]);
    expect(times(pool, c)).toEqual([30, 31]);
    pool.close();
  });

  it('grows by chunks within its memory budget, then spills, and reads back the same samples', () => {
    const inMemory = newSamplePool();
    const spilling = newSamplePool({ memoryBytes: 1000 * SAMPLE_BYTES });
    const lists = [inMemory, spilling].map((pool) => Array.from({ length: 7 }, () => newTimeline(pool)));
    for (let k = 0; k < 20_000; k++) {
      for (const list of lists) addSample(list[(k * 5) % 7]!, k % 97, k, `f${k % 3}`, k);
    }
    expect(spilling.size).toBeLessThanOrEqual(1000);
    expect(inMemory.size).toBe(20_000);
    const expected = readBack(inMemory, lists[0]!);
    const actual = readBack(spilling, lists[1]!);
    for (const [i, t] of lists[0]!.entries()) expect(actual.get(lists[1]![i]!)).toEqual(expected.get(t));
    spilling.close();
  });

  it('takes a budget past 32-bit sample numbers as the largest it can keep, not a wrapped one', () => {
    const pool = newSamplePool({ memoryBytes: 1e12 });
    expect(pool.limit).toBe(2 ** 31 - 2 ** 16);
    const t = newTimeline(pool);
    addSample(t, 5, 1, 'f', 1);
    expect(times(pool, t)).toEqual([5]);
  });

  it('visits a timeline with no samples, with none', () => {
    const pool = newSamplePool();
    const t = newTimeline(pool);
    expect(readBack(pool, [t]).get(t)).toEqual([]);
  });
});
