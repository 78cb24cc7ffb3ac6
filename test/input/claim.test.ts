import { describe, expect, it } from 'vitest';
import { decideClaim, type Claim } from '../../src/input/claim.js';
import { DETECTION_TIERS, type FormatDetection, type LogFormat } from '../../src/input/format.js';
import { FORMATS } from '../../src/input/registry.js';

const probe = { container: 'json' as const, records: [] };

function format(id: string, detection: FormatDetection): LogFormat {
  return {
    id,
    title: id,
    container: 'json',
    detection,
    detect: () => true,
    map: () => ({ skip: 'test format' }),
    docs: { summary: '', detectedBy: '', fields: { user: '', session: '', client: '', time: '' } },
  };
}

const claim = (f: LogFormat): Claim => ({ format: f, probe });
const decided = (claims: Claim[]): string => {
  const result = decideClaim(claims);
  return 'format' in result ? result.format.id : result.reason;
};

describe('deciding between formats that claim one file', () => {
  const vendor = format('vendor-log', { tier: 'vendor' });
  const generic = format('generic-log', { tier: 'generic' });

  it('takes the claim of the stronger tier, in whatever order the formats are listed', () => {
    expect(decided([claim(generic), claim(vendor)])).toBe('vendor-log');
    expect(decided([claim(vendor), claim(generic)])).toBe('vendor-log');
  });

  it('within a tier, takes the format declared preferred over the other, in either order', () => {
    const wide = format('wide', { tier: 'vendor' });
    const narrow = format('narrow', { tier: 'vendor', preferredOver: { wide: 'reads these records with more' } });
    expect(decided([claim(wide), claim(narrow)])).toBe('narrow');
    expect(decided([claim(narrow), claim(wide)])).toBe('narrow');
  });

  it('reads no file that two formats of one tier claim with no preference declared, and says how to choose', () => {
    const a = format('a-log', { tier: 'product' });
    const b = format('b-log', { tier: 'product' });
    const reason = decided([claim(a), claim(b), claim(generic)]);
    expect(reason).toBe(
      'claimed by a-log and b-log (detection tier product), and no preference between them is declared: name one with --input-format',
    );
    expect(decided([claim(b), claim(a)])).toBe(reason.replace('a-log and b-log', 'b-log and a-log'));
  });

  it('a lone claim is taken', () => {
    expect(decided([claim(generic)])).toBe('generic-log');
  });
});

describe('detection metadata of the registered formats', () => {
  it('names a known tier for every format, and every format id once', () => {
    for (const f of FORMATS) expect(DETECTION_TIERS, f.id).toContain(f.detection.tier);
    expect(new Set(FORMATS.map((f) => f.id)).size).toBe(FORMATS.length);
  });

  it('declares preferences only over registered formats of the same tier and container, with a reason, never both ways', () => {
    for (const f of FORMATS) {
      for (const [other, why] of Object.entries(f.detection.preferredOver ?? {})) {
        const target = FORMATS.find((g) => g.id === other);
        expect(target, `${f.id} prefers unknown ${other}`).toBeDefined();
        expect(target!.detection.tier, `${f.id} over ${other}`).toBe(f.detection.tier);
        expect(target!.container, `${f.id} over ${other}`).toBe(f.container);
        expect(why.length, `${f.id} over ${other}`).toBeGreaterThan(10);
        expect(target!.detection.preferredOver?.[f.id], `${other} also prefers ${f.id}`).toBeUndefined();
      }
    }
  });
});
