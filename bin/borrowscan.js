#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ can keep compiled modules on disk between runs (start-up is mostly module loading); Node 20 cannot.
module.enableCompileCache?.();

const { main } = await import('../dist/bundle/main.js');
process.exitCode = await main(process.argv);
