import { describe, expect, it } from 'vitest';
import { mapGithubAudit } from '../../src/input/github-audit/map.js';
import { isSkip } from '../../src/input/format.js';
import { ownEntry } from '../../src/shared/lookup.js';

describe('tables keyed by log values', () => {
  it('never answer with what every object inherits', () => {
    const table = { login: 'signin' };
    for (const key of ['constructor', 'valueOf', 'toString', '__proto__', 'hasOwnProperty']) expect(ownEntry(table, key)).toBeUndefined();
    expect(ownEntry(table, 'login')).toBe('signin');
  });

  it('a GitHub audit action named like an Object method is an ordinary event', () => {
    for (const action of ['constructor', 'valueOf', '__proto__']) {
      const event = mapGithubAudit({ action, actor: 'octocat', created_at: 1_762_074_000_000 }, { file: 'gh.json', line: 1 });
      expect(isSkip(event)).toBe(false);
      if (!isSkip(event)) expect(event.kind).toBe('other');
    }
  });
});
