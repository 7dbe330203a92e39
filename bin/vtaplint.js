#!/usr/bin/env node
// The CLI is one esbuild bundle (npm run build); this shim only loads it.
import '../dist/vtaplint.js';
