#!/usr/bin/env node
// Writes docs/formats.md (every format's fields, from the formats' own docs) and prints the README's short table.
// Run after `npm run build`: node scripts/formats-table.mjs
import { writeFileSync } from 'node:fs';
import { FORMATS } from '../dist/input/registry.js';

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const full = [
  '# Input formats',
  '',
  'Generated from the formats\' own documentation by `node scripts/formats-table.mjs`; `borrowscan formats` prints the same.',
  '',
  ...FORMATS.flatMap((f) => [
    `## \`${f.id}\`: ${f.title}`,
    '',
    f.docs.summary,
    '',
    `- **Detected by:** ${f.docs.detectedBy}`,
    `- **User:** ${f.docs.fields.user}`,
    `- **Session:** ${f.docs.fields.session}`,
    `- **Client:** ${f.docs.fields.client}`,
    `- **Time:** ${f.docs.fields.time}`,
    ...(f.docs.fields.ip ? [`- **IP:** ${f.docs.fields.ip}`] : []),
    '',
  ]),
];
writeFileSync(new URL('../docs/formats.md', import.meta.url), full.join('\n'));
console.log('| `--input-format` | log | session tie |');
console.log('| --- | --- | --- |');
for (const f of FORMATS) console.log(`| \`${f.id}\` | ${cell(f.title)} | ${cell(f.docs.fields.session)} |`);
