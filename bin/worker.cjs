// A worker thread of the CLI (see src/engine/parallel.ts): runs the worker bundle through the
// same code cache as the CLI, so each worker starts without compiling it again.
'use strict';
const path = require('node:path');

require('./run-bundle.cjs')(path.join(__dirname, '..', 'dist', 'worker.cjs'));
