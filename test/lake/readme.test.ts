import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/export/columns.js';
import { SQL_RULES } from '../../src/sql/query.js';
import { RULES } from '../../src/rules/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## At data-lake scale'), readme.indexOf('## Development'));

describe('README, "At data-lake scale"', () => {
  it('lists every export column', () => {
    for (const c of EXPORT_COLUMNS) expect(section).toContain(`| \`${c.name}\` |`);
  });

  it('names every rule the SQL runs, and the SQL runs every rule', () => {
    for (const id of SQL_RULES) expect(section).toContain(`\`${id}\``);
    expect([...SQL_RULES].sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('says plainly that Trino and Spark were not run on a cluster', () => {
    expect(section).toContain('**not run on a cluster**');
  });
});
