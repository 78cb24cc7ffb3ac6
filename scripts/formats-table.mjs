#!/usr/bin/env node
// Writes docs/formats.md and the README's format table from the formats' own metadata (src/input/<format>/index.ts).
// `npm run formats:write` builds first; `--check` only says whether the files are up to date (exit 1 when not).
import { readFileSync, writeFileSync } from 'node:fs';
import { REGENERATE, renderFormatsDoc, withReadmeTable } from '../dist/input/format-docs.js';
import { FORMATS } from '../dist/input/registry.js';

const check = process.argv.includes('--check');
const targets = [
  { url: new URL('../docs/formats.md', import.meta.url), render: () => renderFormatsDoc(FORMATS) },
  { url: new URL('../README.md', import.meta.url), render: (current) => withReadmeTable(current, FORMATS) },
];

let stale = 0;
for (const { url, render } of targets) {
  const current = readFileSync(url, 'utf8');
  const wanted = render(current);
  if (current === wanted) continue;
  stale++;
  if (check) console.error(`${url.pathname} is out of date: run ${REGENERATE}`);
  else writeFileSync(url, wanted);
}
if (check && stale > 0) process.exit(1);
