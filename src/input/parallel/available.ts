import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The worker's script, next to this module in the built package. */
export const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

/** The worker runs from the built JavaScript; from TypeScript sources (as tests import them) there is none to start. */
export function workerAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}
