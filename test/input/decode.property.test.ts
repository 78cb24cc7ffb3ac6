import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/input/open.js';
import { readInput } from '../../src/input/read.js';
import { FORMATS } from '../../src/input/registry.js';
import { FUZZ_SEED, propertyRuns } from '../helpers/seed.js';

/** Bytes as they come from a pipe: cut anywhere, also inside a character or the gzip header. */
function chunked(bytes: Uint8Array, points: readonly number[]): Buffer[] {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of [...at, bytes.length]) {
    if (p > from) chunks.push(Buffer.from(bytes.subarray(from, p)));
    from = p;
  }
  return chunks;
}

async function decode(chunks: Buffer[]): Promise<string> {
  let text = '';
  for await (const piece of decodeText(Readable.from(chunks))) text += piece;
  return text;
}

/** What any reader must see: the bytes as UTF-8 (U+FFFD for what is none), without a leading byte-order mark. */
const reference = (bytes: Uint8Array): string =>
  Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');

/** Text with the bytes that trip decoders: BOMs, cut and overlong sequences, surrogates encoded as UTF-8. */
const bytes = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 8 }),
      fc.string({ maxLength: 8 }).map((s) => Buffer.from(s)),
      fc
        .constantFrom(
          [0xef, 0xbb, 0xbf],
          [0xff],
          [0xc3],
          [0xe2, 0x82],
          [0xf0, 0x9f, 0x98],
          [0xed, 0xa0, 0x80],
          [0xc0, 0x80],
          [0x0a],
          [0x0d, 0x0a],
          [0x1f, 0x8b],
        )
        .map((b) => Uint8Array.from(b)),
    ),
    { maxLength: 30 },
  )
  .map((parts) => Uint8Array.from(parts.flatMap((p) => [...p])));
const points = fc.array(fc.nat({ max: 4096 }), { maxLength: 12 });

describe('decodeText on any bytes (property)', () => {
  it('gives the same text however the bytes are cut, plain or gzip, as one decode of the whole would', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, points, fc.boolean(), async (raw, cuts, gzip) => {
        const input = gzip ? gzipSync(raw) : raw;
        // Plain text that happens to start with gzip's magic bytes is read as gzip, and fails: not this property's case.
        fc.pre(gzip || !(raw[0] === 0x1f && raw[1] === 0x8b));
        expect(await decode(chunked(input, cuts))).toBe(reference(raw));
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(300) },
    );
  });
});

describe('a damaged gzip file (property)', () => {
  const lines = Array.from(
    { length: 40 },
    (_, i) =>
      `198.51.100.${i} - - [03/Mar/2026:09:00:${String(i % 60).padStart(2, '0')} +0000] "GET /p${i} HTTP/1.1" 200 5 "-" "curl/8.4.0"`,
  );
  const gz = gzipSync(`${lines.join('\n')}\n`);

  /** Truncated or with bytes changed anywhere: every line read is an event, and what could not be read is said. */
  it('is read as far as it goes and the rest reported, never thrown', async () => {
    const damage = fc.oneof(
      fc.record({ kind: fc.constant('truncate' as const), at: fc.integer({ min: 2, max: gz.length - 1 }) }),
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.integer({ min: 2, max: gz.length - 1 }),
        byte: fc.integer({ min: 0, max: 255 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(damage, fc.boolean(), async (d, forced) => {
        const damaged = Buffer.from(gz);
        if (d.kind !== 'truncate') damaged.fill(d.byte, d.at, d.at + 1);
        const input = d.kind === 'truncate' ? damaged.subarray(0, d.at) : damaged;
        const events: unknown[] = [];
        const report = await readInput(
          { path: '-', explicit: true },
          {
            formats: FORMATS,
            forced: forced ? FORMATS.find((f) => f.id === 'combined-log') : undefined,
            onEvent: (e) => events.push(e),
            stdin: Readable.from([input]),
          },
        );
        expect(report.events).toBe(events.length);
        expect(report.events + report.skipped).toBeLessThanOrEqual(lines.length + 1);
        const reasons = [report.notRead, report.warning, ...report.errors.map((e) => e.reason)].filter((r) => r !== undefined);
        if (report.events < lines.length) expect(reasons.length, 'lines were lost without a word').toBeGreaterThan(0);
        for (const reason of reasons) expect(reason).not.toMatch(/internal|could not map record/);
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(150) },
    );
  });
});
