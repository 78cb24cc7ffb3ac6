// A module-resolution hook (node --import this file): appends every module URL the program resolves, one a line, to
// the file named by BORROWSCAN_MODULE_LOG. Used to check which modules a command loads, without timing anything.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

const hook = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.BORROWSCAN_MODULE_LOG, resolved.url + '\\n');
  return resolved;
}`;

appendFileSync(process.env.BORROWSCAN_MODULE_LOG, '');
register(`data:text/javascript,${encodeURIComponent(hook)}`);
