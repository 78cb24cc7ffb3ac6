import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuppressions as load } from '../../src/config/suppressions.js';
import { ruleIds } from '../../src/engine/rule-catalog.js';

const loadSuppressions = (file: string) => load(file, ruleIds());
import { UsageError } from '../../src/shared/errors.js';
import { finding } from '../helpers/finding.js';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'borrowscan-ignore-')), '.borrowscan-ignore.yaml');
  writeFileSync(path, text);
  return path;
}

async function problem(text: string): Promise<string> {
  try {
    await loadSuppressions(file(text));
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('suppression file', () => {
  it('matches by finding id', async () => {
    const [s] = await loadSuppressions(file('suppressions:\n  - id: bs-0123456789abcdef\n    reason: known test agent\n'));
    expect(s!.matches(finding())).toBe(true);
    expect(s!.matches(finding({ id: 'bs-ffffffffffffffff' }))).toBe(false);
    expect(s!.line).toBe(2);
  });

  it('matches by rule plus user, session or user-agent glob, case-insensitively', async () => {
    const [s] = await loadSuppressions(
      file(
        'version: 1\nsuppressions:\n  - rule: agent-on-human-session\n    user: "*@EXAMPLE.com"\n    userAgent: "ReportAgent/*"\n    reason: nightly report agent\n    owner: alice@example.com\n    expires: 2027-01-31\n',
      ),
    );
    expect(s!.matches(finding())).toBe(true);
    expect(s!.matches(finding({ rule: 'inhuman-cadence' }))).toBe(false);
    expect(s!.matches(finding({ client: { userAgent: 'curl/8.7.1', class: 'cli', ip: null } }))).toBe(false);
    expect(s!.entry.expires).toBe(Date.parse('2027-01-31T00:00:00Z'));
  });

  it('refuses an entry without a reason, at its line and column', async () => {
    expect(await problem('suppressions:\n  - id: bs-0123456789abcdef\n')).toMatch(/\.yaml:2:5: every entry needs a reason/);
  });

  it('refuses unknown keys, pointing at the key', async () => {
    expect(await problem('suppressions:\n  - id: bs-0123456789abcdef\n    reason: x\n    why: typo\n')).toMatch(/\.yaml:4:5: .*why/);
  });

  it('refuses an unknown rule, a bad date, and a rule without a pattern', async () => {
    expect(await problem('suppressions:\n  - rule: no-such-rule\n    user: a\n    reason: x\n')).toMatch(/unknown rule/);
    expect(await problem('suppressions:\n  - id: bs-0123456789abcdef\n    reason: x\n    expires: next tuesday\n')).toMatch(
      /:4:14: unparseable date/,
    );
    expect(await problem('suppressions:\n  - rule: inhuman-cadence\n    reason: x\n')).toMatch(
      /a rule with a user, session or userAgent pattern/,
    );
  });

  it('refuses YAML that does not parse, with its position', async () => {
    expect(await problem('suppressions:\n  - id: [unclosed\n')).toMatch(/\.yaml:\d+:\d+: /);
  });

  it('reads the same entries from JSON', async () => {
    const [s] = await loadSuppressions(file('{"suppressions": [{"id": "bs-0123456789abcdef", "reason": "json works"}]}'));
    expect(s!.entry.reason).toBe('json works');
  });
});
