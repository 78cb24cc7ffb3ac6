/// <reference types="vite/client" />
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../../../src/input/read.js';
import { FORMATS } from '../../../../src/input/registry.js';
import type { NormalizedEvent } from '../../../../src/model/event.js';
import { formatsByPlace, logFiles } from './discover.js';
import { checkEvents, checkFile, isGroup, type Expectations, type FileExpectation, type GroupExpectation } from './expectation.js';
import { checkAccounted } from './invariants.js';
import { readDetected, type ReadResult } from './read.js';

interface Tables {
  corpus?: Expectations;
  fixtures?: Expectations;
}

/** Every table under expected/, one module per format folder: found, not listed, so that none is left out. */
const MODULES = import.meta.glob<Tables>('../expected/*.ts', { eager: true });

export function expectationsFor(kind: keyof Tables): Expectations {
  const merged: Record<string, FileExpectation | GroupExpectation> = {};
  for (const [module, tables] of Object.entries(MODULES)) {
    for (const [key, value] of Object.entries(tables[kind] ?? {})) {
      if (key in merged) throw new Error(`${module}: ${key} is pinned twice`);
      merged[key] = value;
    }
  }
  return merged;
}

function groupOf(relative: string, expectations: Expectations): GroupExpectation | undefined {
  const key = Object.keys(expectations).find((k) => k.endsWith('/') && relative.startsWith(k));
  const found = key === undefined ? undefined : expectations[key];
  return found !== undefined && isGroup(found) ? found : undefined;
}

/** Detection as the file's place says: a format its folder names, or none when that format is not read yet. */
function checkPlace(relative: string, result: ReadResult): void {
  const byPlace = formatsByPlace(relative);
  if (byPlace === undefined) return;
  if (byPlace.length === 0) {
    expect(result.report.format, `${relative}: a format borrowscan does not read`).toBeNull();
    expect(result.report.notRead, relative).toMatch(/\S/);
  } else {
    expect(byPlace, `${relative}: read as ${result.report.format}`).toContain(result.report.format);
  }
}

function checkClaims(relative: string, result: ReadResult, wanted: FileExpectation): void {
  const claimants = wanted.format === null ? [] : [wanted.format];
  expect([...result.claimedBy].sort(), `${relative}: formats that claim it`).toEqual(
    [...claimants, ...(wanted.alsoClaimedBy ?? [])].sort(),
  );
}

/**
 * The conformance checks for every log file under a root: each is detected as its place says and every record is
 * an event or a skip with a reason (pinned or not); pinned files and folders also show exactly what their table says.
 */
export function describeFiles(title: string, root: string, expectations: Expectations, options: { rereads?: boolean } = {}): void {
  const files = logFiles(root);
  describe(title, () => {
    it('pins only files that are there', () => {
      const missing = Object.keys(expectations).filter((key) =>
        key.endsWith('/') ? !files.some((f) => f.startsWith(key)) : !existsSync(join(root, key)),
      );
      expect(missing).toEqual([]);
    });

    it.each(files)('%s: detected as its place says, every record read or skipped with a reason', async (relative) => {
      const result = await readDetected(join(root, relative));
      const pinned = expectations[relative];
      const group = groupOf(relative, expectations);
      const wanted = pinned !== undefined && !isGroup(pinned) ? pinned : group?.each;
      // A pin is the decision for its file; an unpinned file is held to what its place says.
      if (wanted === undefined) checkPlace(relative, result);
      else {
        checkFile(result.report, result.events, wanted, relative);
        checkClaims(relative, result, wanted);
      }
      if (result.report.format !== null) checkAccounted(join(root, relative), result, wanted?.records);
      for (const [id, alone] of Object.entries(wanted?.readAlone ?? {})) {
        const format = FORMATS.find((f) => f.id === id);
        expect(format, `${relative}: read alone as ${id}`).toBeDefined();
        const read = await readDetected(join(root, relative), [format!]);
        checkFile(read.report, read.events, alone, `${relative} read alone as ${id}`);
        checkAccounted(join(root, relative), read, alone.records);
      }
    });

    if (options.rereads) {
      it.each(files)('%s: read the same from a gzip copy of another name, and when its format is forced', async (relative) => {
        const path = join(root, relative);
        const detected = await readDetected(path);
        if (detected.report.format === null) return;
        const strip = (r: ReadResult) => ({
          skips: r.report.errors,
          events: r.events.map(({ source, ...rest }) => ({ ...rest, line: source.line })),
        });
        const copy = join(mkdtempSync(join(tmpdir(), 'borrowscan-conformance-')), 'export.log.1');
        writeFileSync(copy, gzipSync(readFileSync(path)));
        const zipped = await readDetected(copy, detected.formats).finally(() => rmSync(dirname(copy), { recursive: true, force: true }));
        expect(zipped.report.format, relative).toBe(detected.report.format);
        expect(strip(zipped), relative).toEqual(strip(detected));
        const format = detected.formats.find((f) => f.id === detected.report.format)!;
        const events: NormalizedEvent[] = [];
        const report = await readInput(
          { path, explicit: true },
          { formats: detected.formats, forced: format, onEvent: (e) => events.push(e) },
        );
        expect(report.errors, relative).toEqual(detected.report.errors);
        expect(events, relative).toEqual(detected.events);
      });
    }

    const groups = Object.entries(expectations).filter((entry): entry is [string, GroupExpectation] => isGroup(entry[1]));
    it.each(groups)('%s: the files of the folder together', async (folder, wanted) => {
      const members = files.filter((f) => f.startsWith(folder));
      expect(members.length, `${folder}: files`).toBe(wanted.files);
      const events: NormalizedEvent[] = [];
      for (const relative of members) events.push(...(await readDetected(join(root, relative))).events);
      checkEvents(events, wanted, folder);
    });
  });
}
