import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeTerminal, safeJson } from '../../src/report/escape.js';

describe('escapeTerminal', () => {
  it('turns ANSI escape sequences into visible text', () => {
    expect(escapeTerminal('evil\x1b[2J\x1b]0;title\x07')).toBe('evil\\x1b[2J\\x1b]0;title\\x07');
  });

  it('escapes the 8-bit CSI, DEL, newlines and bidirectional overrides', () => {
    expect(escapeTerminal('a\u009b31mb\x7f\nc\u202egnp.exe')).toBe('a\\x9b31mb\\x7f\\nc\\u202egnp.exe');
  });

  it('leaves ordinary text, including non-Latin scripts, as it is', () => {
    expect(escapeTerminal('Mozilla/5.0 (Macintosh) — 東京 ü')).toBe('Mozilla/5.0 (Macintosh) — 東京 ü');
  });

  it('never lets a control character through (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        // eslint-disable-next-line no-control-regex
        expect(escapeTerminal(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });
});

describe('safeJson', () => {
  it('stays valid JSON with the same data while escaping C1 and bidi characters', () => {
    const value = { ua: 'x\u009b\u202e\x1b' };
    const text = safeJson(value);
    expect(text).not.toMatch(/[\u0080-\u009f\u202e\u001b]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
