import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGENERATE, renderFormatsDoc, withReadmeTable } from '../../../src/input/format-docs.js';
import { FORMATS } from '../../../src/input/registry.js';

const read = (relative: string): string => readFileSync(new URL(`../../../${relative}`, import.meta.url), 'utf8');

/** Where two texts first part, as `line N: committed / generated`, for a failure a reader can act on. */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i < 0 ? a.length : i;
  return `line ${at + 1}: ${JSON.stringify(a[at] ?? '')} / ${JSON.stringify(b[at] ?? '')}`;
}

function expectGenerated(file: string, committed: string, generated: string): void {
  if (committed !== generated) throw new Error(`${file} is out of date (${firstDifference(committed, generated)}): run ${REGENERATE}`);
}

describe("format documentation generated from the formats' metadata", () => {
  it(`docs/formats.md is what the formats say (else: ${REGENERATE})`, () => {
    expectGenerated('docs/formats.md', read('docs/formats.md'), renderFormatsDoc(FORMATS));
  });

  it(`the README's format table is what the formats say (else: ${REGENERATE})`, () => {
    const readme = read('README.md');
    expectGenerated('README.md', readme, withReadmeTable(readme, FORMATS));
  });

  it('every format documents what it reads, how it is detected and where each part of an event comes from', () => {
    for (const f of FORMATS) {
      const { summary, detectedBy, fields } = f.docs;
      for (const [part, text] of Object.entries({ title: f.title, summary, detectedBy, ...fields })) {
        expect(typeof text === 'string' && text.trim().length > 0, `${f.id}: ${part}`).toBe(true);
      }
    }
  });

  it('the table names every format once, in registry order, with its tier', () => {
    const rows = withReadmeTable(read('README.md'), FORMATS)
      .split('\n')
      .filter((l) => /^\| `[a-z0-9-]+` \|/.test(l));
    const table = rows.filter((l) => FORMATS.some((f) => l.startsWith(`| \`${f.id}\` |`)));
    expect(table.map((l) => l.split('|')[1]!.trim())).toEqual(FORMATS.map((f) => `\`${f.id}\``));
    for (const [i, f] of FORMATS.entries()) expect(table[i], f.id).toContain(`| ${f.detection.tier} |`);
  });
});
