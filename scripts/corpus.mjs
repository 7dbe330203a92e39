// npm run corpus: the corpus checks against ../shared, in order, each as a child process with
// its output shown; fails (after running them all) when one fails.
import { spawnSync } from 'node:child_process';

const SCRIPTS = ['scripts/corpus-expr.ts', 'scripts/bicep-baselines.ts', 'scripts/corpus-graph.ts', 'scripts/corpus-parity.ts', 'scripts/corpus-outputs.ts', 'scripts/corpus-guard.ts', 'scripts/corpus-cache.ts'];
const failed = [];
for (const script of SCRIPTS) {
  console.log(`\n== ${script}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', script], { stdio: 'inherit' });
  const ok = r.status === 0;
  console.log(`== ${script}: ${ok ? 'ok' : `FAILED (${r.status ?? r.signal})`} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (!ok) failed.push(script);
}
if (failed.length) {
  console.error(`\ncorpus: ${failed.length} check(s) failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\ncorpus: all checks passed');
