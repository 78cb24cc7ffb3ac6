#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ can keep compiled modules on disk between runs (start-up is mostly module loading); Node 20 cannot, so
// the bundle's chunks are compiled through a code cache of their own (src/cli/code-cache.ts).
module.enableCompileCache?.();

const { runBundle } = await import('../dist/bundle/boot.mjs');
process.exitCode = await runBundle(process.argv);
