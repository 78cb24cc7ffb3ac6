import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { YOUNG_GENERATION_CAP_MB } from '../../../src/shared/heap-hold.js';

// The worker runs the built JavaScript (npm test builds it first): the helper is loaded from dist/ too.
const helperPath = fileURLToPath(new URL('../../../dist/input/parallel/helper.js', import.meta.url));

describe.skipIf(!existsSync(helperPath))('the parsing thread', () => {
  it('starts with the young generation held to the main thread cap (V8 would give a worker 2 x 32 MB on Node 24)', async () => {
    const { ParseHelper } = (await import(pathToFileURL(helperPath).href)) as typeof import('../../../src/input/parallel/helper.js');
    const helper = new ParseHelper({});
    try {
      await helper.ready;
      const worker = (helper as unknown as { worker: Worker }).worker;
      expect(worker.resourceLimits?.maxYoungGenerationSizeMb).toBe(YOUNG_GENERATION_CAP_MB);
    } finally {
      await helper.close();
    }
  });
});
