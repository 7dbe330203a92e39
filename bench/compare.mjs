// npm run bench:compare -- REF [RUNS]: the built CLI of this working tree against the one
// committed at REF (a commit, tag or branch: its dist/ as committed), interleaved run by run on
// the cases where regressions hide: the 10,000-VM deployments (copy loops, expanded, Bicep) and
// all of ../shared/corpus/quickstart. Prints the median wall time and the highest peak memory of
// each, and whether the two builds' JSON reports are byte-identical.
//
// Why: the bench table is one run of one build. A change that costs 40% on one case (a closure
// that kept a whole analysis alive; an expression re-evaluated in every copy of a loop) can land
// after the table was made; comparing with the build before, case by case, finds it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAll } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const QUICKSTART = path.resolve(REPO, '../shared/corpus/quickstart');
const [ref, runsArg] = process.argv.slice(2);
if (!ref) {
  console.error('usage: npm run bench:compare -- REF [RUNS]   (REF: a commit whose committed dist/ is the baseline)');
  process.exit(2);
}
const RUNS = Number(runsArg ?? 3);

const work = mkdtempSync(path.join(tmpdir(), 'vtaplint-compare-'));
/** A copy of the CLI as committed at `commit`: bin/ and dist/ only (the bundles need nothing else). */
function checkout(commit, dir) {
  for (const f of ['bin/vtaplint.cjs', 'bin/run-bundle.cjs', 'bin/worker.cjs', 'dist/vtaplint.cjs', 'dist/worker.cjs', 'dist/yaml.cjs']) {
    let text;
    try {
      text = execFileSync('git', ['show', `${commit}:${f}`], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      continue; // a file the older build did not have
    }
    mkdirSync(path.join(dir, path.dirname(f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  return path.join(dir, 'bin/vtaplint.cjs');
}

if (!existsSync(path.join(REPO, 'dist/vtaplint.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
const builds = [
  { name: ref, cli: checkout(ref, path.join(work, 'base')) },
  { name: 'working tree', cli: path.join(REPO, 'bin/vtaplint.cjs') },
];
const gen = writeAll(path.join(work, 'scale'), [10000]);
const cases = [
  { name: '10,000 VMs, ARM copy loops', target: gen[10000].copy },
  { name: '10,000 VMs, ARM expanded', target: gen[10000].expanded },
  { name: '10,000 VMs, Bicep for loops', target: gen[10000].bicep },
];
if (existsSync(QUICKSTART)) cases.push({ name: 'quickstart (all files)', target: QUICKSTART });

function run(cli, target, out) {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, target, '--format', 'json', '-o', out], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  return { wall, mb: (rssKb * 1024) / 1e6 };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`vtaplint: ${ref} against the working tree's build, medians of ${RUNS} interleaved runs\n`);
console.log('| case | build | ms | peak MB | same report |');
console.log('|---|---|---|---|---|');
for (const c of cases) {
  const results = builds.map(() => []);
  const outs = builds.map((_, i) => path.join(work, `out-${i}.json`));
  // Once each first, not timed: the code caches of both builds are made as a first run makes them.
  builds.forEach((b, i) => run(b.cli, c.target, outs[i]));
  for (let k = 0; k < RUNS; k++) builds.forEach((b, i) => results[i].push(run(b.cli, c.target, outs[i])));
  const same = readFileSync(outs[0], 'utf8') === readFileSync(outs[1], 'utf8') ? 'yes' : 'no';
  builds.forEach((b, i) => {
    const rs = results[i];
    console.log(`| ${c.name} | ${b.name} | ${median(rs.map((r) => r.wall)).toFixed(0)} | ${Math.max(...rs.map((r) => r.mb)).toFixed(0)} | ${i === 1 ? same : ''} |`);
  });
}
rmSync(work, { recursive: true, force: true });
