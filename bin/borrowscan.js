#!/usr/bin/env node
// CommonJS (bin/package.json), as the bundle is: a scan then starts without Node's ES module loader.

// Node 22.1+ can keep compiled modules on disk between runs (start-up is mostly module loading); Node 20 cannot, so
// the bundle's chunks are compiled through a code cache of their own (src/cli/code-cache.ts).
require('node:module').enableCompileCache?.();

const { runBundle } = require('../dist/bundle/boot.js');
runBundle(process.argv).then((code) => {
  process.exitCode = code;
});
