// npm run bench: every figure measured in this one run, on this machine, as a ratio against its
// floor. Prints one table and writes bench/results/latest.json. Not part of npm test.
//
//   1. cold start: vtaplint on one small template (ARM JSON, Bicep) vs `node -e ''`      (<= 2.0x)
//   2. repository: lint all of ../shared/corpus/quickstart vs read + JSON.parse          (<= 3x)
//      (+ the same lint again with the result cache, nothing changed and one template changed)
//      (+ expression evaluation, graph building, Bicep parse+lower against their floors)
//   3. scale: 100 / 1,000 / 10,000 VMs (ARM copy loops, ARM expanded, Bicep for loops):
//      time and peak memory; growth per 10x at most 12x; the 10,000 case under 300 MB
//   4. peer: Spectral with two JSONPath rules vs vtaplint with the same two rules (>= 10x)
//   5. inputs that were once super-linear: their time, no target
//
// Child processes are timed with /usr/bin/time (wall, user+system CPU, peak RSS); each figure is
// the median of several runs. A ratio's figure and its floor are run in turn, round after round
// (measureInterleaved), so both see the same machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { writeAll, armExpanded } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const CORPUS = path.resolve(REPO, '../shared/corpus');
const QUICKSTART = path.join(CORPUS, 'quickstart');
// The file the `vtaplint` command runs (package.json "bin").
const CLI = path.join(REPO, 'bin/vtaplint.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function run(cmd, args, { cwd = REPO, env = {}, input } = {}) {
  // Wall time from a monotonic clock around the process (to the microsecond; /usr/bin/time's %e
  // has 10 ms steps, too coarse for start-up); CPU and peak memory from /usr/bin/time.
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', cmd, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', SCARF_ANALYTICS: 'false', ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    input,
  });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const [, user, sys, rssKb] = last.split(' ').map(Number);
  // Peak resident memory in megabytes of 10^6 bytes (/usr/bin/time reports KiB): the strict
  // reading of "under 300 MB" (300 MB is 286 MiB).
  return { wall, cpu: (user + sys) * 1000, rssMb: (rssKb * 1024) / 1e6, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(cmd, args, opts = {}, runs = RUNS) {
  const rs = [];
  for (let i = 0; i < runs; i++) rs.push(run(cmd, args, opts));
  return { wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)), rssMb: Math.max(...rs.map((r) => r.rssMb)), status: rs[0].status, stdout: rs[0].stdout };
}

/**
 * Runs several commands in rounds (each command once per round, in turn) and gives each one's
 * medians: a figure and its floor see the same machine, whatever else it does meanwhile. Measured
 * one after the other, the floor of the same script moved by ~20% between runs half an hour apart.
 */
function measureInterleaved(cmds, runs = RUNS) {
  const all = cmds.map(() => []);
  for (let i = 0; i < runs; i++) cmds.forEach(([cmd, args, opts], k) => all[k].push(run(cmd, args, opts ?? {})));
  return all.map((rs) => ({ wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)), rssMb: Math.max(...rs.map((r) => r.rssMb)), status: rs[0].status, stdout: rs[0].stdout }));
}

function walk(dir, pred, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out;
}

const rows = [];
const results = {};
function row(section, what, value, floor, target, note = '', check = undefined) {
  const ratio = floor ? value / floor : undefined;
  let ok = target === undefined || ratio === undefined ? '' : ratio <= target ? 'yes' : 'NO';
  let targetText = target === undefined ? '' : `<= ${target}x`;
  // A target that is not a ratio against a floor (peak memory, growth per 10x).
  if (check) {
    targetText = check.target;
    ok = check.ok ? 'yes' : 'NO';
  }
  rows.push({ section, what, value, floor, ratio, target, targetText, ok, note });
}

if (!existsSync(path.join(REPO, 'dist/vtaplint.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
const work = mkdtempSync(path.join(tmpdir(), 'vtaplint-bench-'));

// Bundle the stage runner once (what it measures must not include esbuild), as the CLI is bundled:
// CommonJS ending in a build id, run through the code cache (bench/run-stage.cjs).
const STAGES_BUNDLE = path.join(REPO, 'node_modules/.cache/vtaplint-bench/stages.cjs');
await buildStages(STAGES_BUNDLE);
const STAGE_RUNNER = path.join(HERE, 'run-stage.cjs');
/** The arguments that run one stage: `node run-stage.cjs stages.cjs STAGE LIST ROOT`. */
const stage = (name, list, root) => [STAGE_RUNNER, STAGES_BUNDLE, name, list, root];
// The floor: a script of its own that reads and JSON.parses, with no vtaplint code to load.
const FLOOR = path.join(HERE, 'floor.cjs');
/**
 * Makes the stage runner's code cache as a first, small vtaplint run makes the CLI's (the cold
 * start rows above): the deploy and graph stages over a few templates of the list. Not timed.
 */
function warmStages(list, root) {
  const few = path.join(work, 'warm.txt');
  writeFileSync(few, readFileSync(list, 'utf8').split('\n').slice(0, 16).join('\n'));
  // Made afresh by this run, whatever an earlier bench left there.
  rmSync(path.join(path.dirname(STAGES_BUNDLE), '.cache'), { recursive: true, force: true });
  run(process.execPath, stage('graph', few, root));
}

async function buildStages(outfile) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(HERE, 'stages.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    loader: { '.md': 'text' },
    // As scripts/build.mjs builds the CLI: minified (names kept) and ASCII only.
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    // As scripts/build.mjs does for the CLI: the sources are ES modules.
    define: { 'import.meta.url': '__vtaplintBundleUrl' },
    banner: { js: "const __vtaplintBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  const text = readFileSync(outfile, 'utf8');
  writeFileSync(outfile, `${text}// vtaplint-build ${createHash('sha256').update(text).digest('hex').slice(0, 32)}\n`);
}

// ---- 1. cold start
const small = path.join(work, 'small');
mkdirSync(small);
copyFileSync(path.join(REPO, 'fixtures/vtap-supported-region/pass-supported.json'), path.join(small, 'azuredeploy.json'));
copyFileSync(path.join(REPO, 'examples/clean-vtap/main.bicep'), path.join(small, 'main.bicep'));
// A repository usually has a vtaplint.config.json: the same ARM run with one (rules, deployment).
const withConfig = path.join(work, 'small-config');
mkdirSync(withConfig);
copyFileSync(path.join(small, 'azuredeploy.json'), path.join(withConfig, 'azuredeploy.json'));
writeFileSync(path.join(withConfig, 'vtaplint.config.json'), JSON.stringify({ rules: { 'vtap-live-migration': 'off' }, deployment: { location: 'westeurope' } }));
// Interleaved with node's own start-up (see measureInterleaved).
const [nodeStart, coldJson, coldBicep, coldConfig] = measureInterleaved(
  [
    [process.execPath, ['-e', '']],
    [process.execPath, [CLI, 'azuredeploy.json'], { cwd: small }],
    [process.execPath, [CLI, 'main.bicep'], { cwd: small }],
    [process.execPath, [CLI, 'azuredeploy.json'], { cwd: withConfig }],
  ],
  RUNS * 2,
);
row('cold start', 'one small ARM template', coldJson.wall, nodeStart.wall, 2.0, "vs node -e ''");
row('cold start', 'one small Bicep file', coldBicep.wall, nodeStart.wall, 2.0, "vs node -e ''");
row('cold start', 'one small ARM template, with a config file', coldConfig.wall, nodeStart.wall, 2.0, "vs node -e ''");

// ---- 2. repository
const haveCorpus = existsSync(QUICKSTART);
if (haveCorpus) {
  const jsonFiles = walk(QUICKSTART, (p) => p.endsWith('.json') && !p.includes(`${path.sep}ci-tests${path.sep}`));
  const bicepFiles = walk(QUICKSTART, (p) => p.endsWith('.bicep') && !p.includes(`${path.sep}ci-tests${path.sep}`));
  const jsonList = path.join(work, 'json.txt');
  const bicepList = path.join(work, 'bicep.txt');
  writeFileSync(jsonList, jsonFiles.join('\n'));
  writeFileSync(bicepList, bicepFiles.join('\n'));
  warmStages(jsonList, QUICKSTART);
  // Interleaved: one floor run, then one of each figure, five rounds (see measureInterleaved).
  const [floor, lint, expr, graph] = measureInterleaved([
    [process.execPath, [FLOOR, jsonList]],
    [process.execPath, [CLI, QUICKSTART, '--format', 'json', '-o', path.join(work, 'quickstart.json')]],
    [process.execPath, stage('expr', jsonList, QUICKSTART)],
    [process.execPath, stage('graph', jsonList, QUICKSTART)],
  ]);
  row('repository', `lint quickstart (${jsonFiles.length} JSON + ${bicepFiles.length} Bicep files)`, lint.wall, floor.wall, 3.0, `CPU ${(lint.cpu / lint.wall).toFixed(2)} cores, ${lint.rssMb.toFixed(0)} MB`);
  // The result cache (--cache): the same lint again with nothing changed, and with one template
  // changed since the cache was made (a pre-commit run after an edit; in a copy of quickstart, so
  // the corpus is never written). The cache is made by an untimed run first; each timed run of
  // the changed copy starts from that cache again (a copy of it, which is part of the time).
  const cacheFile = path.join(work, 'quickstart.vtaplintcache');
  const copy = path.join(work, 'quickstart-copy');
  cpSync(QUICKSTART, copy, { recursive: true });
  const edited = path.join(copy, path.relative(QUICKSTART, jsonFiles.find((f) => path.basename(f) === 'azuredeploy.json') ?? jsonFiles[0]));
  const copyCache = path.join(work, 'copy.vtaplintcache');
  run(process.execPath, [CLI, QUICKSTART, '--format', 'json', '-o', path.join(work, 'cached-made.json'), '--cache-location', cacheFile]);
  run(process.execPath, [CLI, copy, '--format', 'json', '-o', path.join(work, 'copy-made.json'), '--cache-location', copyCache]);
  writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n`);
  const [cFloor, cached, changed] = measureInterleaved([
    [process.execPath, [FLOOR, jsonList]],
    [process.execPath, [CLI, QUICKSTART, '--format', 'json', '-o', path.join(work, 'quickstart-cached.json'), '--cache-location', cacheFile]],
    ['/bin/sh', ['-c', 'cp "$1" "$2" && exec "$3" "$4" "$5" --format json -o "$6" --cache-location "$2"', 'sh', copyCache, `${copyCache}.run`, process.execPath, CLI, copy, path.join(work, 'copy-changed.json')]],
  ]);
  const same = readFileSync(path.join(work, 'quickstart.json'), 'utf8') === readFileSync(path.join(work, 'quickstart-cached.json'), 'utf8');
  row('repository', 'lint quickstart again with --cache, nothing changed', cached.wall, cFloor.wall, 3.0, `report ${same ? 'identical to' : 'DIFFERENT from'} the run without the cache; CPU ${(cached.cpu / cached.wall).toFixed(2)} cores, ${cached.rssMb.toFixed(0)} MB`);
  row('repository', 'lint quickstart with --cache, one template changed since', changed.wall, cFloor.wall, undefined, `${path.relative(copy, edited)} linted again, the rest from the cache`);
  rmSync(copy, { recursive: true, force: true });
  row('repository', 'evaluate every expression (quickstart JSON)', expr.wall, floor.wall, 3.0, 'single thread');
  row('repository', 'deploy + graph with all edges (quickstart JSON)', graph.wall, floor.wall, undefined, 'single thread');
  // Bicep: parse + lower against read + JSON.parse of the JSON compiled from the same files.
  const pairs = readFileSync(path.join(QUICKSTART, 'PAIRS.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
  const pb = path.join(work, 'pairs-bicep.txt');
  const pj = path.join(work, 'pairs-json.txt');
  writeFileSync(pb, pairs.map((p) => path.join(QUICKSTART, p[0])).join('\n'));
  writeFileSync(pj, pairs.map((p) => path.join(QUICKSTART, p[1])).join('\n'));
  const [bFloor, bParse] = measureInterleaved([
    [process.execPath, [FLOOR, pj]],
    [process.execPath, stage('bicep', pb, QUICKSTART)],
  ]);
  row('repository', `Bicep parse + lower (${pairs.length} quickstart main.bicep)`, bParse.wall, bFloor.wall, undefined, 'vs read + JSON.parse of their compiled JSON');
  const large = path.join(CORPUS, 'bicep-baselines/baselines/LargeTemplate_Stress_LF');
  if (existsSync(large)) {
    const lb = path.join(work, 'large-bicep.txt');
    const lj = path.join(work, 'large-json.txt');
    writeFileSync(lb, path.join(large, 'main.bicep'));
    writeFileSync(lj, path.join(large, 'main.json'));
    const [lFloor, lParse] = measureInterleaved([
      [process.execPath, [FLOOR, lj]],
      [process.execPath, stage('bicep', lb, large)],
    ]);
    row('repository', 'Bicep parse + lower (LargeTemplate_Stress_LF)', lParse.wall, lFloor.wall, undefined, 'process time, vs read + JSON.parse of its compiled JSON');
  }
}

// ---- 3. scale
const SIZES = [100, 1000, 10000];
const gen = writeAll(path.join(work, 'scale'), SIZES);
for (const form of ['copy', 'expanded', 'bicep']) {
  let prev;
  for (const n of SIZES) {
    const m = measure(process.execPath, [CLI, gen[n][form], '--format', 'json', '-o', path.join(work, `${form}-${n}.out.json`)], {}, n === 10000 ? 3 : RUNS);
    const label = { copy: 'ARM JSON, copy loops', expanded: 'ARM JSON, expanded', bicep: 'Bicep, for loops' }[form];
    const growth = prev ? `time x${(m.wall / prev.wall).toFixed(1)}, memory x${(m.rssMb / prev.rssMb).toFixed(1)} per 10x` : '';
    // Issue 8: at most 12x time and memory per 10x of input; the 10,000 case under 300 MB.
    const grows = prev ? m.wall / prev.wall <= 12 && m.rssMb / prev.rssMb <= 12 : true;
    const check = !prev ? undefined : n === 10000 ? { target: '<= 12x per 10x, < 300 MB', ok: grows && m.rssMb < 300 } : { target: '<= 12x per 10x', ok: grows };
    row('scale', `${label}: ${n} VMs`, m.wall, undefined, undefined, `${m.rssMb.toFixed(0)} MB peak${growth ? `; ${growth}` : ''}`, check);
    results[`scale.${form}.${n}`] = { ms: m.wall, mb: m.rssMb };
    if (prev) {
      results[`scale.${form}.${n}.growth`] = { time: m.wall / prev.wall, memory: m.rssMb / prev.rssMb };
    }
    prev = m;
  }
}

// ---- 4. peer: Spectral, two JSONPath rules, on the expanded templates
const spectralBin = path.join(HERE, 'node_modules/.bin/spectral');
if (!existsSync(spectralBin)) {
  console.error('bench: installing Spectral (bench/package.json) ...');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: HERE, stdio: 'inherit', env: { ...process.env, SCARF_ANALYTICS: 'false' } });
}
const twoRules = path.join(work, 'two-rules');
mkdirSync(twoRules);
const rulesOff = Object.fromEntries(
  execFileSync(process.execPath, [CLI, '--list-rules'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(/\s+/)[0])
    .filter((id) => id !== 'vtap-supported-region' && id !== 'vtap-source-vm-size-v6')
    .map((id) => [id, 'off']),
);
writeFileSync(path.join(twoRules, 'vtaplint.config.json'), JSON.stringify({ rules: rulesOff }));
for (const n of [100, 1000, 10000]) {
  const f = path.join(twoRules, `expanded-${n}.json`);
  copyFileSync(gen[n].expanded, f);
  const sp = measure(spectralBin, ['lint', '--ruleset', path.join(HERE, 'spectral/ruleset.yaml'), '--format', 'json', '--quiet', f], { cwd: twoRules }, n === 10000 ? 1 : 3);
  const vt = measure(process.execPath, [CLI, path.basename(f), '--format', 'json'], { cwd: twoRules }, 3);
  // What the 10x target leaves room for: a Node process that only reads and JSON.parses the file
  // (bench/floor.cjs) already takes this share of Spectral's time.
  const one = path.join(work, `peer-${n}.txt`);
  writeFileSync(one, f);
  const fl = measure(process.execPath, [FLOOR, one], {}, 3);
  row('peer', `Spectral vs vtaplint, 2 rules, ${n} VMs expanded`, vt.wall, sp.wall, 0.1, `Spectral ${sp.wall.toFixed(0)} ms / ${sp.rssMb.toFixed(0)} MB; vtaplint ${vt.rssMb.toFixed(0)} MB; node + read + JSON.parse alone ${fl.wall.toFixed(0)} ms (${(fl.wall / sp.wall).toFixed(2)}x)`);
}
// Verdicts: a v6 size written as a parameter default. Spectral sees "[parameters('vmSize')]".
const hidden = path.join(twoRules, 'hidden-v6.json');
writeFileSync(hidden, JSON.stringify(armExpanded(3, { size: "[parameters('vmSize')]", vmSizeDefault: 'Standard_D2s_v6', location: "[parameters('region')]" }), null, 2).replace('"parameters": {', '"parameters": {\n    "region": { "type": "string", "defaultValue": "westeurope" },'));
const spV = run(spectralBin, ['lint', '--ruleset', path.join(HERE, 'spectral/ruleset.yaml'), '--format', 'json', '--quiet', hidden], { cwd: twoRules });
const vtV = run(process.execPath, [CLI, path.basename(hidden), '--format', 'json'], { cwd: twoRules });
let spCount;
try {
  spCount = JSON.parse(spV.stdout || '[]').length;
} catch {
  spCount = -1;
}
const vtCount = JSON.parse(vtV.stdout).findings.length;
row('peer', 'verdicts on a template whose region and v6 size come from parameter defaults', vtCount, undefined, undefined, `Spectral reports ${spCount} problems, vtaplint ${vtCount} (region + 3 v6 VMs)`);

// ---- 5. inputs that were once super-linear (kept here, not as timed unit tests)
// Bicep modules 11 levels deep, each deploying the next twice (1,024 TAPs sharing their places):
// related locations were asked per finding through every parent chain (45 s).
const fan = path.join(work, 'fan-out');
mkdirSync(fan);
const LEVELS = 11;
writeFileSync(path.join(fan, 'main.bicep'), "param location string = 'westeurope'\nmodule first 'w1.bicep' = {\n  name: 'w1'\n  params: { location: location }\n}\n");
for (let i = 1; i < LEVELS; i++) {
  const call = (n) => `module ${n} 'w${i + 1}.bicep' = {\n  name: '${n}${i}'\n  params: { location: location }\n}\n`;
  writeFileSync(path.join(fan, `w${i}.bicep`), `param location string\n${call('a')}${call('b')}`);
}
writeFileSync(path.join(fan, `w${LEVELS}.bicep`), "param location string\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap'\n  location: location\n  properties: {}\n}\n");
const fanRun = measure(process.execPath, [CLI, '.', '--format', 'json', '-o', path.join(work, 'fan-out.json')], { cwd: fan }, 3);
row('inputs', `Bicep module fan-out: ${LEVELS} levels, each deploying the next twice (${2 ** (LEVELS - 1)} TAPs)`, fanRun.wall, undefined, undefined, `${fanRun.rssMb.toFixed(0)} MB peak; was 45 s`);
// loadYamlContent() of a map of 90,000 keys (under the compiler's 1 MB limit): the YAML parser's
// duplicate-key check is quadratic (60-150 s); vtaplint finds duplicates itself.
const yamlDir = path.join(work, 'yaml');
mkdirSync(yamlDir);
writeFileSync(path.join(yamlDir, 'many.yaml'), `${Array.from({ length: 90_000 }, (_, i) => `k${i}: 1`).join('\n')}\n`);
writeFileSync(path.join(yamlDir, 'main.bicep'), "var many = loadYamlContent('many.yaml')\noutput n int = length(many)\n");
const yamlRun = measure(process.execPath, [CLI, 'main.bicep', '--format', 'json'], { cwd: yamlDir }, 3);
row('inputs', 'loadYamlContent() of a 90,000-key map (0.9 MB)', yamlRun.wall, undefined, undefined, `${yamlRun.rssMb.toFixed(0)} MB peak; was 60-150 s`);

// A NIC in 400 pools of a load balancer whose 400 rules each list the 400 pools (copy loops and
// map(), 2 KB): each pool membership walked every rule and every pool each rule lists (cubic).
const lbDir = path.join(work, 'lb-cube');
mkdirSync(lbDir);
const POOLS = 400;
const poolRefs = `[map(range(0, ${POOLS}), lambda('k', createObject('id', resourceId('Microsoft.Network/loadBalancers/backendAddressPools', 'lb', concat('p', string(lambdaVariables('k')))))))]`;
writeFileSync(
  path.join(lbDir, 'azuredeploy.json'),
  JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      { type: 'Microsoft.Network/networkInterfaces', apiVersion: '2024-05-01', name: 'nic', location: 'eastus', properties: { ipConfigurations: [{ name: 'ip', properties: { loadBalancerBackendAddressPools: poolRefs, virtualNetworkTaps: [{ id: "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap')]" }] } }] } },
      { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap', location: 'eastus', properties: {} },
      {
        type: 'Microsoft.Network/loadBalancers', apiVersion: '2024-05-01', name: 'lb', location: 'eastus', sku: { name: 'Standard' },
        properties: { copy: [
          { name: 'backendAddressPools', count: POOLS, input: { name: "[concat('p', string(copyIndex('backendAddressPools')))]" } },
          { name: 'loadBalancingRules', count: POOLS, input: { name: "[concat('r', string(copyIndex('loadBalancingRules')))]", properties: { enableFloatingIP: true, backendAddressPools: poolRefs } } },
        ] },
      },
    ],
  }),
);
const lbRun = measure(process.execPath, [CLI, 'azuredeploy.json', '--format', 'json'], { cwd: lbDir }, 3);
row('inputs', `A NIC in ${POOLS} pools of a load balancer whose ${POOLS} rules each list them all (2 KB)`, lbRun.wall, undefined, undefined, `${lbRun.rssMb.toFixed(0)} MB peak; was about 25 s`);

// ---- table
const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const fmt = (v) => (v === undefined ? '' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const lines = [
  `vtaplint benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine}; medians of ${RUNS} runs (ms)`,
  '',
  '| section | measurement | vtaplint (ms) | floor (ms) | ratio | target | met | notes |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.section} | ${r.what} | ${fmt(r.value)} | ${fmt(r.floor)} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`} | ${r.targetText} | ${r.ok} | ${r.note} |`),
];
const table = lines.join('\n');
console.log(table);
mkdirSync(path.join(HERE, 'results'), { recursive: true });
writeFileSync(path.join(HERE, 'results/latest.json'), `${JSON.stringify({ machine, date: new Date().toISOString(), rows, results }, null, 2)}\n`);
writeFileSync(path.join(HERE, 'results/latest.md'), `${table}\n`);
