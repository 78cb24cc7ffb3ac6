import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeJson } from '../../src/report/escape.js';
import { REPORTERS } from '../../src/report/index.js';
import { StreamedArray, writeJson } from '../../src/report/json-writer.js';
import type { ReportSink } from '../../src/report/sink.js';
import { StringSink } from '../../src/report/sink.js';
import { manyFindings, scanResult } from './scan-result.js';

/** Records how a reporter writes: how many pieces, and the largest. */
class MeasuringSink implements ReportSink {
  pieces = 0;
  largest = 0;
  readonly text = new StringSink();
  write(chunk: string): void {
    this.pieces++;
    this.largest = Math.max(this.largest, chunk.length);
    this.text.write(chunk);
  }
}

describe('reporters stream', () => {
  const N = 3000;
  const findings = manyFindings(N);

  for (const [format, reporter] of Object.entries(REPORTERS)) {
    it(`${format}: writes ${N} findings piece by piece, none larger than a few findings, from an iterable that is no array`, async () => {
      const sink = new MeasuringSink();
      // Limits off: every finding is listed, so every finding is written.
      await reporter(scanResult(findings), { color: false, tableLimit: 0, markdownLimit: 0 }, sink);
      expect(sink.pieces).toBeGreaterThanOrEqual(N);
      // One finding is about 1 KB in the largest format; the summary and rule list come in pieces of their own.
      expect(sink.largest).toBeLessThan(64 * 1024);
      expect(sink.text.text()).toContain(findings[N - 1]!.id);
    });
  }
});

describe('writeJson', () => {
  it('writes exactly what safeJson(value, 2) writes, with streamed arrays anywhere inside', async () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue(),
        fc.dictionary(fc.string(), tie('node')),
        fc.array(tie('node')),
        fc.array(tie('node')).map((items) => new Streams(items)),
      ),
    })).node;
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        const sink = new StringSink();
        await writeJson(sink, withStreams(v));
        expect(sink.text()).toBe(safeJson(withoutStreams(v), 2));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out undefined members and writes undefined array items as null, as JSON.stringify does', async () => {
    const sink = new StringSink();
    await writeJson(sink, { a: undefined, b: new StreamedArray([1, undefined]), c: [undefined, new StreamedArray([])] });
    expect(sink.text()).toBe(JSON.stringify({ b: [1, null], c: [null, []] }, null, 2));
  });
});

/** Stands, in a generated value, for a StreamedArray of these items. */
class Streams {
  constructor(readonly items: unknown[]) {}
}

function withStreams(v: unknown): unknown {
  if (v instanceof Streams) return new StreamedArray(v.items.map(withStreams));
  if (Array.isArray(v)) return v.map(withStreams);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withStreams(x)]));
  return v;
}

function withoutStreams(v: unknown): unknown {
  if (v instanceof Streams) return v.items.map(withoutStreams);
  if (Array.isArray(v)) return v.map(withoutStreams);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutStreams(x)]));
  return v;
}
