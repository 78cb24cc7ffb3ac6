import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** What the scaffold and the checks of its result need from the repository. */
const COPIED = [
  'src',
  'fixtures',
  'scripts',
  'test/helpers',
  'test/setup',
  'test/input/conformance',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'vitest.config.ts',
];
const NAME = 'acme-audit';
/** tsc and a child vitest on a machine shared with others. */
const SLOW = { timeout: 240_000 };

function run(cwd: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 180_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface VitestReport {
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

describe('npm run new-format, in a copy of the repository', () => {
  let copy: string;
  const scaffold = (...args: string[]) => run(copy, ['scripts/new-format.mjs', ...args, '--root', copy]);

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'borrowscan-new-format-'));
    for (const part of COPIED) cpSync(join(REPO, part), join(copy, part), { recursive: true });
    symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('refuses a name that is no format id, and a format that exists', () => {
    expect(scaffold('Acme_Audit')).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a format id') });
    expect(scaffold('okta')).toMatchObject({ code: 2, stderr: expect.stringContaining('src/input/okta exists already') });
    expect(existsSync(join(copy, 'fixtures/Acme_Audit'))).toBe(false);
  });

  it('writes the folder, a fixture case with its README and the registry line, and the result type-checks', SLOW, () => {
    const made = scaffold(NAME, '--title', 'Acme audit log');
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    for (const file of ['index.ts', 'detect.ts', 'map.ts', 'fields.ts'])
      expect(existsSync(join(copy, 'src/input', NAME, file)), file).toBe(true);
    for (const file of ['README.md', `${NAME}.ndjson`]) expect(existsSync(join(copy, 'fixtures', NAME, 'basic', file)), file).toBe(true);
    const registry = readFileSync(join(copy, 'src/input/registry.ts'), 'utf8');
    expect(registry).toContain(`import { acmeAudit } from './${NAME}/index.js';`);
    expect(registry).toMatch(/\n {2}acmeAudit,\n {2}accessLog,\n/);
    // The new folder and the registry, with everything they import, under the project's compiler options.
    const scope = {
      extends: './tsconfig.json',
      compilerOptions: { noEmit: true },
      include: [`src/input/${NAME}`, 'src/input/registry.ts'],
    };
    writeFileSync(join(copy, 'tsconfig.scaffold.json'), JSON.stringify(scope));
    const typecheck = run(copy, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.scaffold.json']);
    expect(typecheck.stdout + typecheck.stderr).toBe('');
    expect(typecheck.code).toBe(0);
  });

  it('gives a format the conformance suite finds with no test entry: its fixture read, its properties held', SLOW, () => {
    const vitest = run(copy, [
      join(REPO, 'node_modules/vitest/vitest.mjs'),
      'run',
      'test/input/conformance/fixtures.test.ts',
      'test/input/conformance/property.test.ts',
      '-t',
      NAME,
      '--reporter=json',
    ]);
    const report = JSON.parse(vitest.stdout.slice(vitest.stdout.indexOf('{'))) as VitestReport;
    const ran = report.testResults.flatMap((r) => r.assertionResults).filter((t) => t.status !== 'skipped' && t.status !== 'pending');
    expect(ran.filter((t) => t.status !== 'passed')).toEqual([]);
    const names = ran.map((t) => t.fullName);
    expect(names).toContainEqual(
      expect.stringContaining(`${NAME}/basic/${NAME}.ndjson: detected as its place says, every record read or skipped with a reason`),
    );
    expect(names).toContainEqual(expect.stringContaining(`${NAME} on damaged copies of its fixtures' records maps each damaged record`));
    expect(names).toContainEqual(expect.stringContaining(`${NAME} on input no one wrote for it maps any value`));
    expect(vitest.code).toBe(0);
  });
});
