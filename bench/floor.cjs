// The floor every repository ratio is measured against: a Node script that reads and
// JSON.parses the files listed in a file (one path per line), and nothing else. Its own small
// script (CommonJS, no bundle to load), so the floor holds no vtaplint code at all.
'use strict';
const { readFileSync } = require('node:fs');

const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
let count = 0;
for (const file of files) {
  try {
    JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    // not strict JSON: counted like any other file
  }
  count++;
}
process.stdout.write(`${count}\n`);
