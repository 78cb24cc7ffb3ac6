import { accessLog } from './access-log/index.js';
import { entraSignin } from './entra-signin/index.js';
import type { LogFormat } from './format.js';
import { okta } from './okta/index.js';

/** Every input format, in detection tie-break order. Adding a format adds one line here. */
export const FORMATS: readonly LogFormat[] = [okta, entraSignin, accessLog];

export function findFormat(id: string): LogFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}
