import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mapCombined } from '../../src/input/combined-log/map.js';
import { mapEnvoyText } from '../../src/input/envoy/map.js';
import { injectMapped, parseFieldMap } from '../../src/input/field-map.js';
import { compileLogFormat } from '../../src/input/log-format/index.js';
import { readInput } from '../../src/input/read.js';
import { FORMATS } from '../../src/input/registry.js';
import { borrowedSessionLog, CHROME_MAC, oktaEvent } from '../cli/okta-lines.js';
import { runCli } from '../cli/run-cli.js';

/**
 * What the fuzz of issue 11 found, each on the input that showed it (made small where that was possible): every one
 * failed before its fix.
 */
const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));
const ctx = { file: 'found.log', line: 1 };
/** Long, but under the 16 MB record limit: the size at which V8's regex backtracking stack overflowed. */
const LONG = 15_500_000;

describe('fuzz findings', () => {
  it('a gzip stream whose first chunk is one byte is still gzip (a pipe may hand over one byte first)', async () => {
    const text = fixture('combined-log/nginx-combined/access.log');
    const gz = gzipSync(text);
    const events: unknown[] = [];
    const report = await readInput(
      { path: '-', explicit: true },
      { formats: FORMATS, onEvent: (e) => events.push(e), stdin: Readable.from([gz.subarray(0, 1), gz.subarray(1)]) },
    );
    expect(report.format).toBe('combined-log');
    expect(report.events).toBeGreaterThan(0);
    expect(report.notRead).toBeUndefined();
  });

  describe('a line of 15 MB is read in time linear in it, on no stack (it was "Maximum call stack size exceeded")', () => {
    const nginx = fixture('combined-log/nginx-combined/access.log').toString('utf8').split('\n')[0]!;

    it('combined-log: a long user agent, a long path', () => {
      const agent = nginx.replace(/"[^"]*"$/, `"${'a'.repeat(LONG)}"`);
      const path = nginx.replace('GET /app/dashboard', `GET /${'b'.repeat(LONG)}`);
      for (const line of [agent, path]) {
        const event = mapCombined(line, ctx);
        expect('skip' in event ? event.skip : 'event').toBe('event');
      }
    });

    it('--log-format: a long value before a literal', () => {
      const dir = 'log-format/agent-headers';
      const format = compileLogFormat(fixture(`${dir}/log_format.conf`).toString('utf8'));
      const line = fixture(`${dir}/access.log`).toString('utf8').split('\n')[0]!.replace('Mozilla', 'M'.repeat(LONG));
      const event = format.map(line, ctx);
      expect('skip' in event ? event.skip : 'event').toBe('event');
    });

    it('envoy: a long request line', () => {
      const line = `[2026-03-03T08:04:10.201Z] "GET /${'c'.repeat(LONG)} HTTP/1.1" 201 - 2048 88 49 45 "198.51.100.23" "python-httpx/0.28.1" "5d8f" "api.example.com" "10.42.0.83:8080"`;
      const event = mapEnvoyText(line, ctx);
      expect('skip' in event ? event.skip : 'event').toBe('event');
    });
  });

  it('a CSV file whose lines end in a CR alone (classic Mac OS) gives its rows, not one header line and nothing else', async () => {
    const csv = fixture('entra-signin-csv/service-principal-signins/ServicePrincipalSignIns_2026-11-02_2026-11-03.csv').toString('latin1');
    const lf = csv.replace(/\r\n/g, '\n');
    const read = async (text: string) =>
      readInput(
        { path: '-', explicit: true },
        { formats: FORMATS, onEvent: () => undefined, stdin: Readable.from([Buffer.from(text, 'latin1')]) },
      );
    const expected = await read(lf);
    expect(expected.events).toBeGreaterThan(0);
    const cr = await read(lf.replace(/\n/g, '\r'));
    expect(cr).toMatchObject({ format: expected.format, events: expected.events, skipped: expected.skipped });
  });

  it('--since with a line break in its value is one error line, the break escaped', async () => {
    const run = await runCli(['scan', 'fixtures/demo', '--since', 'yesterday\nborrowscan: error: forged']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'borrowscan: error: --since "yesterday\\nborrowscan: error: forged" is not a time: use ISO 8601 (2026-11-02T09:00:00Z) or an age (30m, 24h, 7d)\n',
    );
  });

  it("--map reads only a record's own keys: time=__proto__ (or constructor) maps nothing, and the record keeps its time", () => {
    const record = { timestamp: '2026-11-02T09:00:00Z', method: 'GET', path: '/a' };
    for (const path of ['__proto__', 'constructor', 'toString', 'method.length']) {
      expect(injectMapped(record, parseFieldMap([`time=${path}`]))).toEqual(record);
    }
    expect(injectMapped({ ...record, nested: { t: 1 } }, parseFieldMap(['time=nested.t']))).toMatchObject({ timestamp: 1 });
  });

  it('a session whose events name two users shows the same user, and the same finding ids, whichever file is named first', async () => {
    // As in the fuzz: a damaged copy of an export (its first event's actor turned into a string) beside the export.
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-found-'));
    const a = join(dir, 'a.ndjson');
    const b = join(dir, 'b.ndjson');
    writeFileSync(a, borrowedSessionLog());
    const other = oktaEvent({
      published: '2026-11-02T09:20:00.000Z',
      eventType: 'user.authentication.sso',
      user: 'alice@example.com',
      session: '102borrowed',
      ua: CHROME_MAC,
      ip: '198.51.100.7',
    });
    writeFileSync(b, JSON.stringify(other));
    const ab = JSON.parse((await runCli(['scan', a, b, '--format', 'json'])).stdout);
    const ba = JSON.parse((await runCli(['scan', b, a, '--format', 'json'])).stdout);
    expect(ab.findings.length).toBeGreaterThan(0);
    const shown = (r: { findings: { id: string; user: string }[] }) => r.findings.map((f) => [f.id, f.user]).sort();
    expect(shown(ba)).toEqual(shown(ab));
    // The user of the session's earliest event (bob's sign-in at 09:00), as the SQL engine also chooses.
    expect(ab.findings[0].user).toBe('bob@example.com');
  });

  it('the same export under two names gives the same findings, evidence and sign-in included, in either order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-found-'));
    const [a, b] = [join(dir, 'a.ndjson'), join(dir, 'b.ndjson')];
    for (const path of [a, b]) writeFileSync(path, borrowedSessionLog());
    const sorted = async (paths: string[]) => {
      const report = JSON.parse((await runCli(['scan', ...paths, '--format', 'json'])).stdout) as { findings: { id: string }[] };
      return JSON.stringify(report.findings.sort((x, y) => (x.id < y.id ? -1 : 1)));
    };
    const ab = await sorted([a, b]);
    expect(JSON.parse(ab).length).toBeGreaterThan(0);
    expect(await sorted([b, a])).toBe(ab);
  });

  it('one client seen under two user agents at one moment shows the same one, whichever file is named first', async () => {
    // As in the fuzz: a copy of a CloudTrail export with one digit of a Boto3 version damaged.
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-found-'));
    const [a, b] = [join(dir, 'a.ndjson'), join(dir, 'b.ndjson')];
    writeFileSync(a, borrowedSessionLog('python-requests/2.32.3'));
    writeFileSync(b, borrowedSessionLog('python-requests/2.31.0'));
    const agents = async (paths: string[]) => {
      const report = JSON.parse((await runCli(['scan', ...paths, '--format', 'json'])).stdout) as {
        findings: { id: string; client: { userAgent: string } }[];
      };
      return report.findings.map((f) => [f.id, f.client.userAgent]).sort();
    };
    const ab = await agents([a, b]);
    expect(ab.length).toBeGreaterThan(0);
    expect(await agents([b, a])).toEqual(ab);
  });
});
