import { describe, expect, it } from 'vitest';
import { findingId } from '../../src/engine/findings.js';

describe('findingId', () => {
  it('is the same for the same rule, user (any case), session and client', () => {
    expect(findingId('r', 'Bob@Example.com', 's1', 'ai-agent:claude-cli')).toBe(
      findingId('r', 'bob@example.com', 's1', 'ai-agent:claude-cli'),
    );
  });

  it('changes when the rule, user, session or client changes', () => {
    const base = findingId('r', 'bob', 's1', 'c');
    expect(
      new Set([
        base,
        findingId('r2', 'bob', 's1', 'c'),
        findingId('r', 'eve', 's1', 'c'),
        findingId('r', 'bob', 's2', 'c'),
        findingId('r', 'bob', 's1', 'c2'),
      ]).size,
    ).toBe(5);
  });

  it('cannot be forged by moving text between fields', () => {
    expect(findingId('r', 'a', 'bc', 'd')).not.toBe(findingId('r', 'ab', 'c', 'd'));
  });
});
