import { describe, expect, it } from 'vitest';
import { addSample, appendTimeline, MAX_TIMELINE_SAMPLES, newSamplePool, newTimeline } from '../../src/engine/timeline.js';
import type { Timeline } from '../../src/model/session.js';

function times(t: Timeline): number[] {
  const out: number[] = [];
  for (let s = t.head; s >= 0; s = t.pool.next[s]!) out.push(t.pool.times[s]!);
  return out;
}

describe('request timelines in a shared sample pool', () => {
  it('keeps each timeline its own samples in insertion order, interleaved in one pool', () => {
    const pool = newSamplePool(2);
    const a = newTimeline(pool);
    const b = newTimeline(pool);
    for (let k = 0; k < 10; k++) {
      addSample(a, k, 1, 'a.log', k + 1);
      addSample(b, 100 + k, 2, k % 2 ? 'b.log' : 'c.log', k + 1);
    }
    expect(times(a)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(times(b)).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
    expect(pool.size).toBe(20);
    const tail = b.tail;
    expect(pool.fileNames[pool.files[tail]!]).toBe('b.log');
    expect(pool.lines[tail]).toBe(10);
  });

  it('counts samples past the cap as dropped instead of keeping them', () => {
    const t = newTimeline(newSamplePool());
    for (let k = 0; k < MAX_TIMELINE_SAMPLES + 5; k++) addSample(t, k, 0, 'f', k);
    expect(t.length).toBe(MAX_TIMELINE_SAMPLES);
    expect(t.dropped).toBe(5);
  });

  it('appends a merged session timeline after the target, and the source stays intact', () => {
    const pool = newSamplePool();
    const a = newTimeline(pool);
    const b = newTimeline(pool);
    addSample(a, 1, 0, 'f', 1);
    addSample(b, 2, 0, 'f', 2);
    addSample(b, 3, 0, 'f', 3);
    appendTimeline(a, b);
    expect(times(a)).toEqual([1, 2, 3]);
    expect(a.length).toBe(3);
    addSample(a, 4, 0, 'f', 4);
    expect(times(a)).toEqual([1, 2, 3, 4]);
  });

  it('appends into an empty timeline', () => {
    const pool = newSamplePool();
    const a = newTimeline(pool);
    const b = newTimeline(pool);
    addSample(b, 7, 0, 'f', 1);
    appendTimeline(a, b);
    expect(times(a)).toEqual([7]);
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
    expect(times(a).slice(-3)).toEqual([MAX_TIMELINE_SAMPLES - 3, 1e9, 1e9 + 1]);
  });
});
