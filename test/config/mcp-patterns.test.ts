import { describe, expect, it } from 'vitest';
import {
  describeOperation,
  judgingPatterns,
  matchesOperation,
  parseAllowPattern,
  type AllowPattern,
  type Operation,
} from '../../src/config/allow-pattern.js';

const parse = (text: string): AllowPattern => {
  const p = parseAllowPattern(text);
  if (typeof p === 'string') throw new Error(p);
  return p;
};
const call = (name: string): Operation => ({ kind: 'mcp', name, method: 'POST', path: '/mcp' });

describe('mcp: allow patterns', () => {
  it('match the tool, resource or prompt an MCP call names, case-insensitively, * as any run', () => {
    const p = parse('mcp:search_*');
    expect(p.kind).toBe('mcp');
    expect(matchesOperation(p, call('search_tickets'))).toBe(true);
    expect(matchesOperation(p, call('SEARCH_docs'))).toBe(true);
    expect(matchesOperation(p, call('delete_ticket'))).toBe(false);
    expect(matchesOperation(parse('mcp:file:///docs/*'), call('file:///docs/a/b.md'))).toBe(true);
  });

  it('judge nothing but MCP calls', () => {
    const p = parse('mcp:*');
    expect(matchesOperation(p, { kind: 'http', method: 'POST', path: '/mcp' })).toBe(false);
    expect(matchesOperation(p, { kind: 'operation', name: 'mcp:x' })).toBe(false);
  });

  it('are refused empty, with spaces, or with other glob dialects', () => {
    expect(parseAllowPattern('mcp:')).toMatch(/needs a tool/);
    expect(parseAllowPattern('mcp:search tickets')).toMatch(/space/);
    expect(parseAllowPattern('mcp:search_[a-z]')).toMatch(/only \* is a glob/);
    expect(parseAllowPattern('mcp:what?')).toMatch(/only \* is a glob/);
  });

  it('take over MCP calls in a task that lists any; a task without judges them as their HTTP request', () => {
    const scoped = [parse('POST /mcp'), parse('mcp:search_*')];
    expect(judgingPatterns(scoped, call('delete_ticket')).map((p) => p.text)).toEqual(['mcp:search_*']);
    expect(judgingPatterns(scoped, { kind: 'http', method: 'POST', path: '/mcp' })).toBe(scoped);
    const plain = [parse('POST /mcp')];
    expect(judgingPatterns(plain, call('delete_ticket'))).toBe(plain);
    expect(matchesOperation(plain[0]!, call('delete_ticket'))).toBe(true);
  });

  it('read as mcp:<name> in messages', () => {
    expect(describeOperation(call('search_tickets'))).toBe('mcp:search_tickets');
  });
});
