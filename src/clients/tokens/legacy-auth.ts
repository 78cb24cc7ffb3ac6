import { entry, type TokenEntry } from './entry.js';

/** Entra legacy authentication (no modern auth, no MFA). */
export const LEGACY_AUTH_TOKENS: readonly TokenEntry[] = [
  entry('BAV2ROPC', 'cli', 'SigmaHQ rules', 'legacy-auth (BAV2ROPC)'),
  entry('CBAinPROD', 'cli', 'SigmaHQ rules', 'legacy-auth (CBAinPROD)'),
  entry('CBAinTAR', 'cli', 'SigmaHQ rules', 'legacy-auth (CBAinTAR)'),
];
