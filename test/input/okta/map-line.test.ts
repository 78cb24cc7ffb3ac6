import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.js';
import type { LogFormat, MapResult, RecordContext } from '../../../src/input/format.js';
import { okta } from '../../../src/input/okta/index.js';
import { mapOkta } from '../../../src/input/okta/map.js';
import { mapOktaLine } from '../../../src/input/okta/map-line.js';
import { hookEvents } from '../../../src/input/okta/event-hook.js';
import { runCli } from '../../cli/run-cli.js';
import { CORPUS, corpusExists, corpusFiles } from '../../helpers/corpus.js';
import { propertyRuns } from '../../helpers/seed.js';

if (!corpusExists) console.warn(`corpus not found at ${CORPUS}: skipping the Okta fast-path comparison on the corpus`);

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = join(repo, 'fixtures');
const format = okta as LogFormat & { mapLine?: LogFormat['mapLine'] };
const fastPath = format.mapLine!;

/** How many lines the fast path mapped (gave a result for) while `run` ran. */
async function countingFastPath<T>(run: () => Promise<T>): Promise<{ result: T; mapped: number }> {
  let mapped = 0;
  format.mapLine = (bytes, start, end, ctx) => {
    const result = fastPath(bytes, start, end, ctx);
    if (result !== undefined) mapped++;
    return result;
  };
  try {
    return { result: await run(), mapped };
  } finally {
    format.mapLine = fastPath;
  }
}

/** `run` with every line left to JSON.parse and `map`. */
async function withoutFastPath<T>(run: () => Promise<T>): Promise<T> {
  delete format.mapLine;
  try {
    return await run();
  } finally {
    format.mapLine = fastPath;
  }
}

afterEach(() => {
  format.mapLine = fastPath;
});

/** A scan result as data (its timelines are functions: compared as what they draw, finding by finding). */
async function scanned(paths: string[]) {
  const { timelines, ...rest } = await scan({ paths, worker: 'never' });
  return { ...rest, timelines: [...rest.findings].map((f) => timelines?.forFinding(f)) };
}

/** The JSON report and the scan result, with the fast path and without; and how many lines it mapped. */
async function bothWays(paths: string[]) {
  const report = () => runCli(['scan', ...paths, '--format', 'json', '--worker', 'never']);
  const fast = await countingFastPath(async () => ({ cli: await report(), result: await scanned(paths) }));
  const full = await withoutFastPath(async () => ({ cli: await report(), result: await scanned(paths) }));
  return { fast: fast.result, full, mapped: fast.mapped };
}

function oktaFixtureFiles(): string[] {
  const dir = join(fixtures, 'okta');
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => /\.(json|ndjson)$/.test(f))
    .map((f) => join(dir, f))
    .sort();
}

describe('Okta lines mapped from their bytes give the reports JSON.parse and map give', () => {
  it('on every fixture: the same JSON report (finding ids included), findings, skipped lines and exit code', async () => {
    const { fast, full, mapped } = await bothWays([fixtures]);
    expect(mapped).toBeGreaterThan(20);
    expect(fast.cli).toEqual(full.cli);
    expect(fast.result).toEqual(full.result);
    expect(full.result.summary.events).toBeGreaterThan(100);
  });

  it('on each Okta fixture file alone', async () => {
    const files = oktaFixtureFiles();
    expect(files.length).toBeGreaterThan(3);
    for (const path of files) {
      const { fast, full } = await bothWays([path]);
      expect(fast.cli, path).toEqual(full.cli);
      expect(fast.result, path).toEqual(full.result);
    }
  });

  it.skipIf(!corpusExists)('on the whole shared corpus and on each of its Okta files alone (SIEM re-exports too)', async () => {
    const whole = await bothWays([CORPUS]);
    expect(whole.mapped).toBeGreaterThan(0);
    expect(whole.fast.cli).toEqual(whole.full.cli);
    expect(whole.fast.result).toEqual(whole.full.result);
    const files = [...corpusFiles('okta'), ...corpusFiles('siem-normalized').filter((p) => p.includes('/okta__'))];
    expect(files.length).toBeGreaterThan(3);
    for (const path of files) {
      const { fast, full } = await bothWays([path]);
      expect(fast.cli, path).toEqual(full.cli);
      expect(fast.result, path).toEqual(full.result);
    }
  });

  it('reports a line JSON.parse rejects as malformed, with its reason and line number, and reads duplicate keys as JSON.parse does (the last wins)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-okta-fast-'));
    const event = (user: string, minute: number) =>
      JSON.stringify({
        published: `2026-11-02T08:${String(minute).padStart(2, '0')}:00.000Z`,
        eventType: 'user.authentication.sso',
        actor: { type: 'User', alternateId: user },
        client: { ipAddress: '198.51.100.7', userAgent: { rawUserAgent: 'python-requests/2.32.3' } },
        authenticationContext: { externalSessionId: '102abc' },
      });
    const lines = [
      event('a@example.com', 1),
      `${event('b@example.com', 2).slice(0, -1)},}`, // a trailing comma
      event('c@example.com', 3).replace('"eventType"', '"eventType" '),
      `{"actor":{"type":"User","alternateId":"first@example.com"},${event('last@example.com', 4).slice(1)}`,
      `{"actor":{"type":"User","alternateId":"d@example.com"}, "actor":"x", ${event('d@example.com', 5).slice(1).replace('"actor":', '"other":')}`,
      '{"published":"2026-11-02T08:06:00Z","eventType":"user.session.start"', // cut short
      event('e@example.com', 7).replace('sso', 'sso\u0001'), // a control character in a string
    ];
    const path = join(dir, 'okta.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const { fast, full, mapped } = await bothWays([path]);
    expect(fast.result).toEqual(full.result);
    expect(fast.cli).toEqual(full.cli);
    expect(mapped).toBe(2 * 4); // the four good lines, in the report's scan and in the result's
    const repeated = Buffer.from(lines[3]!);
    expect(mapOktaLine(repeated, 0, repeated.length, CTX)).toMatchObject({ user: 'last@example.com' });
    const input = fast.result.inputs[0]!;
    expect(input.errors.map((e) => e.line)).toEqual([2, 6, 7]);
    for (const e of input.errors) expect(e.reason).toMatch(/JSON/i);
    expect(input.events).toBe(4);
  });
});

/** The reference: the line decoded as the text reading decodes it, JSON.parse, then `unwrap` and `map`. */
function reference(bytes: Buffer, ctx: RecordContext): { parsed: false } | { parsed: true; hook: boolean; result: MapResult } {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { parsed: false };
  }
  if (hookEvents(value) !== undefined) return { parsed: true, hook: true, result: { skip: '' } };
  return { parsed: true, hook: false, result: mapOkta(value, ctx) };
}

const CTX: RecordContext = { file: 'okta.ndjson', line: 12 };

/**
 * The fast path gives JSON.parse's event or skip wherever it gives one, and never reads a line JSON.parse rejects or
 * an event-hook delivery. True when it took the line.
 */
function agrees(bytes: Buffer): boolean {
  const want = reference(bytes, CTX);
  const got = mapOktaLine(bytes, 0, bytes.length, CTX);
  const shown = bytes.toString('utf8');
  if (!want.parsed || want.hook) {
    expect(got, shown).toBeUndefined();
    return false;
  }
  if (got !== undefined) expect(got, shown).toStrictEqual(want.result);
  return got !== undefined;
}

const str = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'redacted',
    'REDACTED',
    'null',
    '-',
    'User',
    'user',
    'AppInstance',
    'PublicClientApp',
    'SUCCESS',
    'deny',
    '198.51.100.7',
    '2001:db8::1',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const leaf = fc.oneof(str, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const anyValue = fc.oneof({ weight: 4, arbitrary: leaf }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
/** An object written as JSON text from its entries: keys may repeat, and values may be written out of order. */
type Entries = [string, unknown][];
const entries = (fields: Record<string, fc.Arbitrary<unknown>>, extraKeys: string[] = []) =>
  fc
    .tuple(
      fc.subarray(Object.keys(fields)).chain((keys) => fc.tuple(...keys.map((k) => fields[k]!.map((v) => [k, v] as [string, unknown])))),
      fc.array(fc.tuple(fc.constantFrom(...extraKeys, ...Object.keys(fields), 'extra', 'displayMessage'), anyValue), { maxLength: 3 }),
    )
    .map(([own, more]) => new Obj([...own, ...more]));

class Obj {
  constructor(readonly entries: Entries) {}
}

function write(value: unknown, space: string): string {
  if (value instanceof Obj)
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${space}${write(v, space)}`).join(`,${space}`)}}`;
  if (Array.isArray(value)) return `[${value.map((v) => write(v, space)).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

const orValue = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: a }, { weight: 1, arbitrary: anyValue });
const time = fc.oneof(
  fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms).toISOString()),
  fc.constantFrom('2022-03-22 14:21:53.225', 'yesterday', ''),
);
const eventType = fc.constantFrom(
  'user.session.start',
  'user.session.end',
  'user.authentication.sso',
  'app.oauth2.as.token.grant.access_token',
  'app.oauth2.token.grant.id_jag',
  'user.session.context.change',
  'user.risk.detect',
  'security.session.detect_client_roaming',
  'workload_principal.create',
  'com.okta.event_hook',
  'policy.evaluate_sign_on',
  'x',
);
const target = fc.array(
  orValue(
    entries({ type: fc.constantFrom('AppInstance', 'User', 'appinstance'), displayName: str, alternateId: str, id: str }, [
      'Type',
      'DisplayName',
      'login',
    ]),
  ),
  { maxLength: 3 },
);
const ipChain = fc.array(orValue(entries({ ip: str, version: fc.constant('V4') }, ['IP', 'Ip', 'source'])), { maxLength: 3 });
const oktaRecord = entries(
  {
    published: orValue(time),
    eventType: orValue(eventType),
    uuid: str,
    actor: orValue(
      entries(
        {
          id: str,
          type: fc.constantFrom('User', 'user', 'PublicClientApp', 'AppInstance', 'SystemPrincipal', 'AI Agent', 'workload_principal'),
          alternateId: str,
          displayName: str,
        },
        ['ID', 'Type'],
      ),
    ),
    client: orValue(
      entries({
        id: orValue(str),
        ipAddress: orValue(str),
        userAgent: orValue(entries({ rawUserAgent: orValue(str), browser: str, os: str }, ['RawUserAgent'])),
        zone: str,
      }),
    ),
    outcome: orValue(
      entries({ result: orValue(fc.constantFrom('SUCCESS', 'FAILURE', 'ALLOW', 'DENY', 'success', 'unknown')), reason: str }),
    ),
    authenticationContext: orValue(entries({ externalSessionId: orValue(str), rootSessionId: orValue(str) }, ['ExternalSessionId'])),
    debugContext: orValue(
      entries({
        debugData: orValue(
          entries(
            {
              grantType: orValue(fc.constantFrom('urn:ietf:params:oauth:grant-type:token-exchange', 'authorization_code')),
              Causes: orValue(fc.array(str, { maxLength: 3 })),
              PreviousIpAddress: str,
              NewIpAddress: str,
              risk: str,
              Risk: str,
              ExternalSessionId: str,
              requestUri: str,
            },
            ['causes', 'RISK'],
          ),
        ),
      }),
    ),
    transaction: orValue(entries({ detail: orValue(entries({ requestApiTokenId: orValue(str) })), type: str })),
    request: orValue(entries({ ipChain: orValue(ipChain) })),
    target: orValue(target),
  },
  ['Published', 'EVENTTYPE', 'eventtype', 'Actor', 'client ', 'data'],
);
const line = fc.tuple(oktaRecord, fc.constantFrom('', ' ')).map(([r, space]) => write(r, space));

const TRICKY = ['"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\u0000', '\u001f', '\u00e9', 'u', '0', 'e', 'n'];
const damaged = fc
  .tuple(line, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...TRICKY), fc.nat(255)), { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) => {
    let bytes = Buffer.from(text, 'utf8');
    for (const [at, op, ch, byte] of edits) {
      const i = at % (bytes.length + 1);
      const insert = Buffer.from(ch, 'utf8');
      if (op === 0) bytes = Buffer.concat([bytes.subarray(0, i), insert, bytes.subarray(i)]);
      else if (op === 1) bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
      else if (op === 2) bytes = bytes.subarray(0, i);
      else if (i < bytes.length) bytes[i] = byte;
    }
    return bytes;
  });

describe('mapOktaLine: an Okta line mapped from its bytes, as JSON.parse and mapOkta map it (property)', () => {
  it('on generated LogEvents: fields missing, mistyped, redacted, repeated, case-varied, in any order', () => {
    let taken = 0;
    fc.assert(
      fc.property(line, (text) => {
        if (agrees(Buffer.from(text, 'utf8'))) taken++;
      }),
      { numRuns: propertyRuns(3000) },
    );
    // Most generated lines are plain JSON objects that the fast path reads itself.
    expect(taken).toBeGreaterThan(1000);
  });

  it('on damaged lines: bytes inserted, deleted, cut or flipped (no UTF-8 too); never one JSON.parse rejects', () => {
    fc.assert(
      fc.property(damaged, (bytes) => void agrees(bytes)),
      { numRuns: propertyRuns(5000) },
    );
  });

  it('leaves event-hook deliveries to unwrap, whose events are under keys it does not cut', () => {
    const delivery = Buffer.from(
      JSON.stringify({
        eventType: 'com.okta.event_hook',
        data: { events: [{ published: '2026-11-02T08:00:00Z', eventType: 'user.session.start' }] },
      }),
    );
    expect(mapOktaLine(delivery, 0, delivery.length, CTX)).toBeUndefined();
  });
});
