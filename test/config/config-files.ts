import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { UsageError } from '../../src/shared/errors.js';

/** A fresh folder under the test run's temporary root. */
export const tempDir = () => mkdtempSync(join(tmpdir(), 'borrowscan-config-'));

/** Writes a config file into a fresh folder and returns its path. */
export function configFile(content: string | Uint8Array, name = 'agents.yaml'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** The error a loader throws, checked to be a UsageError without a stack trace in it. */
export async function refusal(load: () => Promise<unknown> | unknown): Promise<string> {
  try {
    await load();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    const message = (err as Error).message;
    expect(message).not.toMatch(/\n\s+at /);
    return message;
  }
  throw new Error('expected a refusal');
}
