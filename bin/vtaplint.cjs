#!/usr/bin/env node
// The `vtaplint` command (package.json "bin"). CommonJS, so Node starts it without its ES module
// loader (a few milliseconds of every run); it runs the bundled CLI through V8's code cache.
// bin/vtaplint.js does the same for `node bin/vtaplint.js`.
'use strict';
const path = require('node:path');

require('./run-bundle.cjs')(path.join(__dirname, '..', 'dist', 'vtaplint.cjs'));
