/**
 * The seed of every fuzz and property run this suite adds: fixed, so that `npm test` gives the same cases every
 * time and cannot flake. `FUZZ_SEED=<n>` (what `npm run fuzz` sets, and what a failure prints) runs other cases.
 */
export const FUZZ_SEED = seedFrom(process.env.FUZZ_SEED);

function seedFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 20_261_102;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`FUZZ_SEED "${value}" is not an integer`);
  return n | 0;
}

/** A property's runs: as written in `npm test`, multiplied by FUZZ_SCALE in `npm run fuzz`. */
export function propertyRuns(runs: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? 1);
  return Number.isFinite(scale) && scale > 1 ? Math.round(runs * scale) : runs;
}
