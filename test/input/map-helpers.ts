import { fileURLToPath } from 'node:url';
import { isSkip, type MapResult } from '../../src/input/format.js';
import type { NormalizedEvent } from '../../src/model/event.js';

/** Where a record handed straight to a format's map() says it starts. */
export const CTX = { file: 'test.log', line: 3 };

export function expectEvent(result: MapResult): NormalizedEvent {
  if (isSkip(result)) throw new Error(`expected an event, got skip: ${result.skip}`);
  return result;
}

export function expectSkip(result: MapResult): string {
  if (!isSkip(result)) throw new Error(`expected a skip, got event: ${result.action}`);
  return result.skip;
}

export function fixture(relative: string): string {
  return fileURLToPath(new URL(`../../fixtures/${relative}`, import.meta.url));
}
