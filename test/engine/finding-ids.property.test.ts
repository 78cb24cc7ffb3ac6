import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { CHROME_MAC, oktaEvent } from '../cli/okta-lines.js';

/** One person's session and, maybe, an automation client riding on it. */
interface Scenario {
  user: string;
  session: string;
  agent: string | null;
  calls: number;
  startMinute: number;
}

const AGENTS = ['python-requests/2.32.3', 'curl/8.7.1', 'claude-cli/2.1.205 (external, cli)', 'axios/1.7.7'];
const DAY = Date.parse('2026-11-02T00:00:00Z');
const at = (minute: number) => new Date(DAY + minute * 60_000).toISOString();

const scenarioArb = fc.record({
  user: fc.constantFrom('alice', 'bob', 'carol', 'dave', 'erin').map((u) => `${u}@example.com`),
  session: fc.stringMatching(/^102[A-Za-z0-9]{8}$/),
  agent: fc.option(fc.constantFrom(...AGENTS), { nil: null }),
  calls: fc.integer({ min: 1, max: 4 }),
  startMinute: fc.integer({ min: 60, max: 600 }),
});

const scenariosArb = fc.uniqueArray(scenarioArb, { minLength: 1, maxLength: 5, selector: (s) => s.session });

function lines(s: Scenario): string[] {
  const out = [
    oktaEvent({
      published: at(s.startMinute),
      eventType: 'user.session.start',
      user: s.user,
      session: s.session,
      ua: CHROME_MAC,
      ip: '198.51.100.7',
    }),
  ];
  out.push(
    oktaEvent({
      published: at(s.startMinute + 1),
      eventType: 'user.authentication.sso',
      user: s.user,
      session: s.session,
      ua: CHROME_MAC,
      ip: '198.51.100.7',
    }),
  );
  if (s.agent) {
    for (let i = 0; i < s.calls; i++) {
      out.push(
        oktaEvent({
          published: at(s.startMinute + 10 + i),
          eventType: 'user.authentication.sso',
          user: s.user,
          session: s.session,
          ua: s.agent,
          ip: '203.0.113.9',
        }),
      );
    }
  }
  return out.map((e) => JSON.stringify(e));
}

/** Writes the lines into files (one list per file) and returns the ids borrowscan finds in them. */
async function idsOf(files: string[][]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'borrowscan-ids-'));
  files.forEach((content, i) => {
    writeFileSync(join(dir, `part-${i}.ndjson`), content.join('\n'));
  });
  const result = await scan({ paths: [dir] });
  return [...result.findings].map((f) => f.id).sort();
}

const RUNS = { numRuns: 25 };

describe('finding ids', () => {
  it('stay the same when lines move, files are re-ordered or split', async () => {
    await fc.assert(
      fc.asyncProperty(scenariosArb, fc.integer({ min: 1, max: 3 }), fc.infiniteStream(fc.nat()), async (scenarios, parts, random) => {
        const all = scenarios.flatMap(lines);
        const base = await idsOf([all]);
        const rnd = random[Symbol.iterator]();
        const shuffled = [...all]
          .map((l) => [rnd.next().value as number, l] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, l]) => l);
        const split: string[][] = Array.from({ length: parts }, () => []);
        for (const l of shuffled) split[(rnd.next().value as number) % parts]!.push(l);
        expect(await idsOf(split.reverse())).toEqual(base);
      }),
      RUNS,
    );
  });

  it('stay the same when unrelated events are added or the export window grows', async () => {
    await fc.assert(
      fc.asyncProperty(scenariosArb, fc.integer({ min: 1, max: 300 }), async (scenarios, extraMinutes) => {
        const base = await idsOf([scenarios.flatMap(lines)]);
        const unrelated = lines({ user: 'zed@example.com', session: '102unrelatedX', agent: null, calls: 0, startMinute: 1 });
        const earlier = scenarios.map((s) =>
          JSON.stringify(
            oktaEvent({
              published: at(s.startMinute - extraMinutes),
              eventType: 'policy.evaluate_sign_on',
              user: s.user,
              session: `${s.session}-prev`,
              ua: CHROME_MAC,
              ip: '198.51.100.7',
            }),
          ),
        );
        const later = scenarios.map((s) =>
          JSON.stringify(
            oktaEvent({
              published: at(s.startMinute + 700 + extraMinutes),
              eventType: 'user.session.end',
              user: s.user,
              session: s.session,
              ua: CHROME_MAC,
              ip: '198.51.100.7',
            }),
          ),
        );
        expect(await idsOf([[...earlier, ...scenarios.flatMap(lines), ...unrelated, ...later]])).toEqual(base);
      }),
      RUNS,
    );
  });

  it('change when the user, the session or the automation client changes', async () => {
    const withAgent = scenarioArb.filter((s) => s.agent !== null);
    await fc.assert(
      fc.asyncProperty(withAgent, fc.constantFrom('user', 'session', 'agent'), async (s, what) => {
        const [before] = await idsOf([lines(s)]);
        const changed: Scenario =
          what === 'user'
            ? { ...s, user: `other-${s.user}` }
            : what === 'session'
              ? { ...s, session: `${s.session}Z` }
              : { ...s, agent: AGENTS.find((a) => a !== s.agent)! };
        const [after] = await idsOf([lines(changed)]);
        expect(before).toBeDefined();
        expect(after).toBeDefined();
        expect(after).not.toBe(before);
      }),
      RUNS,
    );
  });
});
