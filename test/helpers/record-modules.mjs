// A module-resolution hook (node --import this file): appends every module URL the program resolves, one a line, to
// the file named by BORROWSCAN_MODULE_LOG: ES modules through a resolve hook, CommonJS ones (`require`, as the CLI
// loads commander) as they are required, and the bundle's chunks as the bin's loader reads them (src/cli/
// load-bundle.ts compiles them itself, with readFileSync). Used to check which modules a command loads, without
// timing anything.
import fs, { appendFileSync } from 'node:fs';
import Module, { register, syncBuiltinESMExports } from 'node:module';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

const hook = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.BORROWSCAN_MODULE_LOG, resolved.url + '\\n');
  return resolved;
}`;

appendFileSync(process.env.BORROWSCAN_MODULE_LOG, '');
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const required = Module.prototype.require;
Module.prototype.require = function require(id) {
  const exports = required.call(this, id);
  const file = Module._resolveFilename(id, this);
  if (isAbsolute(file)) appendFileSync(process.env.BORROWSCAN_MODULE_LOG, `${pathToFileURL(file).href}\n`);
  return exports;
};

const readFileSync = fs.readFileSync;
fs.readFileSync = function readChunk(path, options) {
  if (typeof path === 'string' && /[\\/]dist[\\/]bundle[\\/][^\\/]+\.js$/.test(path)) {
    appendFileSync(process.env.BORROWSCAN_MODULE_LOG, `${pathToFileURL(path).href}\n`);
  }
  return readFileSync.call(this, path, options);
};
syncBuiltinESMExports();
