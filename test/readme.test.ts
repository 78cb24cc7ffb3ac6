import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../src/input/registry.js';
import { RULES } from '../src/rules/index.js';
import { runCli } from './cli/run-cli.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const formatsDoc = readFileSync(new URL('../docs/formats.md', import.meta.url), 'utf8');

describe('README keeps up with the code', () => {
  it('has the quick start exactly', () => {
    expect(readme).toContain('```sh\nnpm install\nnpx borrowscan scan fixtures/demo\nnpm test\n```');
  });

  it("lists every input format, and docs/formats.md carries each one's generated docs", () => {
    for (const f of FORMATS) {
      expect(readme).toContain(`| \`${f.id}\` |`);
      expect(formatsDoc, 'run: npm run build && node scripts/formats-table.mjs').toContain(f.docs.summary);
    }
  });

  it('documents every rule', () => {
    for (const r of RULES) expect(readme).toContain(`\`${r.id}\``);
  });

  it('documents every flag of scan', async () => {
    const help = (await runCli(['scan', '--help'])).stdout;
    const flags = [...help.matchAll(/(--[a-z][a-z-]+)/g)].map((m) => m[1]!);
    for (const flag of new Set(flags)) {
      if (flag === '--help') continue;
      expect(readme, `README mentions ${flag}`).toContain(flag);
    }
  });
});

describe('CONTRIBUTING.md keeps up with the code', () => {
  const contributing = readFileSync(new URL('../CONTRIBUTING.md', import.meta.url), 'utf8');

  it('names only files and folders that exist', () => {
    const paths = [...contributing.matchAll(/`((?:src|test|scripts|fixtures\/demo)\/[^`\s]*[^`\s/<>])`/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(10);
    const missing = paths.filter((p) => !p.includes('acme-audit') && !p.includes('<') && !existsSync(new URL(`../${p}`, import.meta.url)));
    expect(missing).toEqual([]);
  });

  it('names only npm scripts that exist', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    const scripts = [...contributing.matchAll(/npm run ([a-z][a-z:-]*)/g)].map((m) => m[1]!);
    for (const s of scripts) expect(pkg.scripts, s).toHaveProperty([s]);
  });
});
