import { describe, expect, it } from 'vitest';
import { inhumanCadence as rule } from '../../src/rules/inhuman-cadence.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { hits, min, request, signIn, T0, UA } from './build.js';

/** A deterministic jitter source, so tests do not depend on Math.random. */
function jitter(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

const IP = '198.51.100.40';

describe('inhuman-cadence', () => {
  it('fires on a browser walking many resources every 2 s with little jitter', () => {
    const rnd = jitter(1);
    const events: NormalizedEvent[] = [signIn('s1', 'erin@example.com', UA.chromeMac, IP)];
    let t = min(10);
    for (let i = 0; i < 80; i++) {
      events.push(request('s1', UA.chromeMac, IP, t, `/api/customers/${1000 + i}`));
      t += 2000 + Math.round((rnd() - 0.5) * 100);
    }
    const found = hits(rule, events);
    expect(found).toHaveLength(1);
    expect(found[0]!.details.pattern).toBe('metronome');
    expect(found[0]!.count).toBeGreaterThanOrEqual(75);
    expect(found[0]!.evidence[0]!.line).toBeGreaterThan(0);
  });

  it('fires on minutes of sustained request rate with no pause, across many resources', () => {
    const rnd = jitter(2);
    const events: NormalizedEvent[] = [];
    let t = min(0);
    for (let i = 0; i < 600; i++) {
      events.push(request('s2', UA.chromeWin, IP, t, `/api/orders/${i % 200}`));
      t += 200 + Math.round(rnd() * 800); // irregular, but never a human pause
    }
    const found = hits(rule, events);
    expect(found).toHaveLength(1);
    expect(found[0]!.details.pattern).toBe('sustained-rate');
  });

  it("stays quiet for page loads: bursts of many resources, then a person's reading time", () => {
    const rnd = jitter(3);
    const events: NormalizedEvent[] = [];
    let t = min(0);
    for (let page = 0; page < 40; page++) {
      for (let r = 0; r < 30; r++) events.push(request('s3', UA.chromeMac, IP, t + r * 40, `/static/page${page}/asset${r}.js`));
      t += 15_000 + Math.round(rnd() * 90_000);
    }
    expect(hits(rule, events)).toEqual([]);
  });

  it('stays quiet for a page polling one endpoint on a timer, all day', () => {
    const events: NormalizedEvent[] = [];
    for (let i = 0; i < 2000; i++) events.push(request('s4', UA.chromeMac, IP, T0 + i * 30_000, '/api/notifications/unread'));
    expect(hits(rule, events)).toEqual([]);
  });

  it('stays quiet for a page polling a few endpoints in rotation', () => {
    const paths = ['/api/a', '/api/b', '/api/c'];
    const events: NormalizedEvent[] = [];
    for (let i = 0; i < 600; i++) events.push(request('s5', UA.chromeMac, IP, T0 + i * 5_000, paths[i % 3]));
    expect(hits(rule, events)).toEqual([]);
  });

  it('judges only clients that claim to be browsers', () => {
    const events: NormalizedEvent[] = [];
    for (let i = 0; i < 100; i++) events.push(request('s6', UA.pythonRequests, IP, T0 + i * 2000, `/api/x/${i}`));
    expect(hits(rule, events)).toEqual([]);
  });
});
