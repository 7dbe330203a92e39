#!/usr/bin/env node
// The CLI is one esbuild bundle (npm run build); this shim runs it through V8's code cache
// (run-bundle.cjs) so that start-up does not compile it again on every run.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
require('./run-bundle.cjs')(fileURLToPath(new URL('../dist/vtaplint.cjs', import.meta.url)));
