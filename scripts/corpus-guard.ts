// Corpus check: no network, no reads outside the lint root. Lints every folder of the shared
// corpus (default: ../shared/corpus/quickstart and ../shared/corpus/bicep-baselines) in-process,
// each folder as its own lint root, with sockets, DNS, HTTP(S), TLS and fetch refused and every
// file-system path recorded; fails when a connection was attempted, a file outside the root was
// opened, a file ended in an internal error, or a quickstart .bicep file (all of them compile) got
// an error.
//   node scripts/run-ts.mjs scripts/corpus-guard.ts [folder ...]
import path from 'node:path';
import { installGuards, outsideRoot } from './lib/guard.js';
import { RULES } from '../rules/index.js';
import { lint } from '../src/engine/lint.js';

const args = process.argv.slice(2);
const folders = (args.length ? args : ['../shared/corpus/quickstart', '../shared/corpus/bicep-baselines']).map((f) => path.resolve(f));

// Loaded lazily by the config loader: load it now so module loading is not recorded.
await import('ajv');
const guard = installGuards([path.resolve('node_modules')]);
let failed = false;
for (const root of folders) {
  guard.record.files.length = 0;
  const t0 = Date.now();
  const result = await lint(['.'], { root, cwd: root, rules: RULES });
  const outside = outsideRoot(guard.record, root);
  const errors = result.notifications.filter((n) => n.level === 'error');
  console.log(
    `${path.relative(process.cwd(), root)}: ${result.files.length} files, ${result.findings.length} findings in ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
      `${guard.record.files.length} file-system calls, ${outside.length} outside the root; ${guard.record.network.length} connection attempts; ${errors.length} internal errors`,
  );
  for (const o of outside.slice(0, 20)) console.log(`  outside the root: ${o.call} ${o.path}`);
  for (const n of guard.record.network.slice(0, 20)) console.log(`  network: ${n}`);
  for (const e of errors.slice(0, 20)) console.log(`  internal error: ${e.file ?? ''}: ${e.message.split('\n')[0]}`);
  // The quickstart .bicep files all compile with the Bicep compiler (PAIRS.tsv holds its output):
  // an error there is a false positive of the Bicep front end, except a file the corpus copy
  // lacks (loadTextContent of a file that was not copied) and the deliberately broken ci-tests.
  const bicepErrors = result.findings.filter(
    (f) => f.level === 'error' && /\.bicep$/.test(f.location.file.path) && !f.location.file.path.includes(`${path.sep}ci-tests${path.sep}`) && !/cannot read the file/.test(f.message),
  );
  if (path.basename(root) === 'quickstart') {
    console.log(`  errors on .bicep files the Bicep compiler compiled: ${bicepErrors.length}`);
    for (const f of bicepErrors.slice(0, 20)) console.log(`  ${path.relative(root, f.location.file.path)}:${f.location.region.start.line}: ${f.ruleId}: ${f.message}`);
    if (bicepErrors.length) failed = true;
  }
  if (outside.length || guard.record.network.length || errors.length) failed = true;
  guard.record.network.length = 0;
}
guard.uninstall();
console.log(failed ? 'corpus-guard: FAILED' : 'corpus-guard: ok');
process.exitCode = failed ? 1 : 0;
