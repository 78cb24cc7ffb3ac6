import fc from 'fast-check';
import { FUZZ_SEED } from '../helpers/seed.js';

/**
 * Every property test runs on one fixed seed (FUZZ_SEED overrides it), so that `npm test` gives the same cases every
 * time and cannot flake; a failure prints the seed and the shrunk counterexample. A test may still pass its own.
 */
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: FUZZ_SEED });
