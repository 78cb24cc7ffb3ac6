import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventDecoder, EventEncoder } from '../../../src/input/parallel/codec.js';
import type { NormalizedEvent } from '../../../src/model/event.js';

// Values that repeat across events and batches, as user agents and session ids do, mixed with new ones that fill
// the string table and make it forget.
const text = fc.oneof(
  fc.constantFrom('a', 'b', 'okta', 'Mozilla/5.0 (X11)', '', 'é😀', 'sid-1', 'sid-2', '10.0.0.1'),
  fc.string({ maxLength: 4 }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const anyEvent: fc.Arbitrary<NormalizedEvent> = fc.record({
  time: fc.integer({ min: 0, max: 4e12 }),
  source: fc.record({ file: fc.constant('f.log'), line: fc.integer({ min: 1, max: 1e6 }) }),
  format: text,
  kind: fc.constantFrom('signin', 'signout', 'token', 'request', 'other'),
  action: fc.string(),
  outcome: fc.constantFrom('success', 'failure', 'unknown'),
  user: maybe(text),
  sessionId: maybe(text),
  rootSessionId: maybe(text),
  tokenId: maybe(fc.string()),
  clientId: maybe(text),
  grantType: maybe(text),
  ip: maybe(text),
  userAgent: maybe(text),
  clientHint: maybe(fc.record({ browser: maybe(text), os: maybe(text), app: maybe(text) })),
  interactive: maybe(fc.boolean()),
  app: maybe(text),
  method: maybe(text),
  path: maybe(fc.string()),
  status: maybe(fc.integer({ min: 100, max: 599 })),
  agent: maybe(
    fc.record({
      kind: fc.constantFrom('own', 'delegated', 'present', 'not-agent'),
      agent: maybe(text),
      onBehalfOf: maybe(text),
      proof: fc.string(),
    }),
  ),
  headers: maybe(fc.record({ signatureAgent: maybe(text), webBotAuth: maybe(fc.boolean()), mcpName: maybe(fc.string()) })),
  risk: maybe(fc.array(fc.record({ signal: text, detail: maybe(fc.string()) }), { maxLength: 2 })),
});

// Requests whose action is their method and path, as access logs map them: the codec rebuilds that action.
const event = fc.oneof(
  anyEvent,
  anyEvent.map((e) => (e.method !== undefined && e.path !== undefined ? { ...e, action: `${e.method} ${e.path}` } : e)),
);

/** The event as the decoder rebuilds it: absent fields are undefined properties. */
function normalized(e: NormalizedEvent): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ ...e, clientHint: e.clientHint && { ...e.clientHint } }));
}

describe('event codec between the parsing worker and the main thread', () => {
  it('gives back every event as it was, in order, across batches and a string table that evicts', () => {
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 120 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 40 }),
        (events, batchSize, lineOffset) => {
          // The smallest table a batch allows: strings are forgotten and defined again all the time.
          const encoder = new EventEncoder(batchSize, batchSize * 19 + 1);
          const decoder = new EventDecoder(batchSize * 19 + 1);
          const out: NormalizedEvent[] = [];
          const flush = () => decoder.decode(encoder.take(), 'f.log', (e) => out.push(e), lineOffset);
          for (const e of events) if (encoder.add(e)) flush();
          if (encoder.length > 0) flush();
          expect(out.map(normalized)).toEqual(
            events.map((e) => normalized({ ...e, source: { file: 'f.log', line: e.source.line + lineOffset } })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reuses recycled column buffers for later batches', () => {
    const encoder = new EventEncoder(1);
    const e: NormalizedEvent = { time: 1, source: { file: 'f', line: 1 }, format: 'okta', kind: 'other', action: 'x', outcome: 'unknown' };
    encoder.add(e);
    const first = encoder.take();
    encoder.recycle([first.numbers.buffer, first.slots.buffer]);
    // The batch after the next: the encoder readies a batch's columns when it hands over the one before.
    encoder.add(e);
    encoder.take();
    encoder.add(e);
    const third = encoder.take();
    expect(third.numbers.buffer).toBe(first.numbers.buffer);
    expect(third.slots.buffer).toBe(first.slots.buffer);
  });
});

describe('the encoder string table', () => {
  // A worker's mapper cuts values out of its lines (the Okta projection cuts them from the line decoded once), and
  // V8 makes a cut of 13 characters or more a view of the whole line. The table outlives the lines, so it must keep
  // copies: here 2,000 user agents cut from lines of 100,000 characters would keep 200 MB alive as views.
  const codec = join(dirname(fileURLToPath(import.meta.url)), '../../../dist/input/parallel/codec.js');
  it.skipIf(!existsSync(codec))('keeps no line alive that a string in it was cut from', () => {
    const script = `
      const { EventEncoder } = await import(${JSON.stringify(pathToFileURL(codec).href)});
      const encoder = new EventEncoder(64);
      for (let i = 0; i < 2000; i++) {
        const line = 'x'.repeat(50000) + 'Mozilla/5.0 agent number ' + i + ' ' + 'y'.repeat(50000);
        const userAgent = line.slice(50000, line.indexOf(' y'));
        const event = { time: i, source: { file: 'f', line: i + 1 }, format: 'okta', kind: 'other', action: 'a', outcome: 'success', userAgent };
        if (encoder.add(event)) encoder.take();
      }
      globalThis.gc();
      process.stdout.write(String(process.memoryUsage().heapUsed));`;
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(Number(run.stdout)).toBeLessThan(60 * 1024 * 1024);
  });
});
