// Runs the bench's stage runner (bench/stages.ts, bundled as CommonJS) the way the `vtaplint`
// command runs its own bundle: through bin/run-bundle.cjs and V8's code cache. A stage is then
// timed as the product would run it, not with the start-up of an ES module and a cold compile.
'use strict';
const path = require('node:path');

const bundle = path.resolve(process.argv[2]);
process.argv.splice(2, 1);
require('../bin/run-bundle.cjs')(bundle);
