import { describe, expect, it } from 'vitest';
import { detach, Interner } from '../../src/shared/detach.js';

describe('detach', () => {
  it('gives the same text, short or long, cut or whole', () => {
    const ua = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0';
    const line = `${'x'.repeat(1000)}${ua}${'y'.repeat(1000)}`;
    const cut = line.slice(1000, 1000 + ua.length);
    expect(detach(cut)).toBe(ua);
    expect(detach('short')).toBe('short');
    expect(detach('')).toBe('');
    expect(detach(`${cut}${cut}`)).toBe(cut + cut);
  });

  it('interns: one copy per value, and the table starts again past its size', () => {
    const strings = new Interner(2);
    const a = strings.intern('0123456789abcdef'.slice(1));
    expect(strings.intern('x123456789abcdef'.slice(1))).toBe(a);
    expect(strings.intern('second value, long')).toBe('second value, long');
    expect(strings.intern('third value, long')).toBe('third value, long');
    expect(strings.intern(a)).toBe(a);
  });
});
