// Corpus check for the deployment model and the graph: builds the graph of every ARM template in
// a corpus (default: ../shared/corpus/quickstart and the compiled JSON of
// ../shared/corpus/bicep-baselines) and reports crashes (must be 0), time per file (worst 5),
// resources found, the share with known type and name (target >= 99%), dependsOn entries
// resolved (target >= 98%) and reference edges. Then lints every template with the default
// rules and lists every vTAP finding on a template that declares no vTAP resource (must be none).
//   node scripts/run-ts.mjs scripts/corpus-graph.ts [folder ...]
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readSource } from '../src/load/read.js';
import { loadJson } from '../src/load/arm-json.js';
import { classifyJson } from '../src/load/classify.js';
import { deployFile } from '../src/deploy/deploy.js';
import { ResourceGraph } from '../src/graph/graph.js';
import { runRules } from '../src/engine/run-rules.js';
import { DEFAULT_CONFIG } from '../src/engine/config.js';
import { RULES } from '../rules/index.js';
import { Unknown } from '../src/expr/value.js';
import { symbolicKey } from '../src/expr/ops.js';
import { associatedParameterFile, readParameterFile } from '../src/deploy/parameters.js';
import { DiagnosticSink } from '../src/model/diagnostic.js';

const args = process.argv.slice(2);
const folders = args.length ? args : ['../shared/corpus/quickstart', '../shared/corpus/bicep-baselines'];

function* walk(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      yield* walk(p);
    } else if (e.isFile() && /\.json$/i.test(e.name)) yield p;
  }
}

/** Deliberately broken inputs of the corpora. */
function skipped(p: string): boolean {
  return p.includes(`${path.sep}ci-tests${path.sep}`) || /[\\/]Invalid[^\\/]*[\\/]/.test(p);
}

function mirroredParameterFile(root: string, file: string): string | undefined {
  const mirror = `${root}-params`;
  if (!existsSync(mirror)) return undefined;
  const m = /^(.*)\.json$/i.exec(path.relative(root, file));
  const candidate = m ? path.join(mirror, `${m[1]}.parameters.json`) : undefined;
  return candidate && existsSync(candidate) ? candidate : undefined;
}

const VTAP_TYPES = new Set(['microsoft.network/virtualnetworktaps', 'microsoft.network/networkinterfaces/tapconfigurations']);

let files = 0;
let crashes = 0;
let resources = 0;
let knownTypeAndName = 0;
let dependsOn = 0;
let dependsOnResolved = 0;
let referenceEdges = 0;
let vtapTemplates = 0;
const times: { file: string; ms: number }[] = [];
const unresolvedSamples: string[] = [];
const falseVtap: string[] = [];
const crashList: string[] = [];
const unknownNames = new Map<string, number>();

for (const folder of folders) {
  const root = path.resolve(folder);
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`corpus-graph: no folder ${folder}`);
    process.exit(2);
  }
  for (const file of walk(root)) {
    if (skipped(file)) continue;
    const read = readSource(file, 'arm');
    if (!read.ok) continue;
    const loaded = loadJson(read.source);
    if (classifyJson(loaded.root) !== 'template') continue;
    files++;
    const t0 = performance.now();
    try {
      const parameters = new Map();
      // The file beside the template, or the one the corpus keeps in its "<folder>-params" mirror
      // (quickstart-params holds the quickstart templates' azuredeploy.parameters.json).
      const assoc = associatedParameterFile(file) ?? mirroredParameterFile(root, file);
      if (assoc) readParameterFile(assoc, parameters, new DiagnosticSink());
      const d = deployFile(read.source, loaded, { deployment: {}, parameters, root });
      const graph = new ResourceGraph(d.resources, d.notDeployed);
      const edges = graph.edges();
      for (const r of d.resources) {
        resources++;
        // Known, or built only from deployment-wide values (a parameter without a value, the subscription id).
        if (typeof r.name === 'string' || symbolicKey(r.name) !== undefined) knownTypeAndName++;
        else if (r.name instanceof Unknown) unknownNames.set(r.name.reason.code + ': ' + r.name.reason.message.replace(/'[^']*'/g, "'…'"), (unknownNames.get(r.name.reason.code + ': ' + r.name.reason.message.replace(/'[^']*'/g, "'…'")) ?? 0) + 1);
        dependsOn += r.dependsOn.length;
      }
      dependsOnResolved += d.resources.reduce((n, r) => n + r.dependsOn.filter((x) => x.target || x.notDeployed).length, 0);
      referenceEdges += edges.filter((e) => e.kind === 'reference').length;
      for (const u of graph.unresolvedDependsOn.slice(0, 2)) {
        if (unresolvedSamples.length < 15) unresolvedSamples.push(`${path.relative(root, file)}: ${JSON.stringify(u.value instanceof Unknown ? `{unknown: ${u.value.reason.message}}` : u.value)}`);
      }
      const hasVtap = d.resources.some((r) => VTAP_TYPES.has(r.type.toLowerCase()));
      if (hasVtap) vtapTemplates++;
      const { outcomes, failures } = runRules(graph, RULES, DEFAULT_CONFIG);
      for (const f of failures) {
        crashes++;
        crashList.push(`${file}: rule ${f.rule.meta.id}: ${String(f.error)}`);
      }
      if (!hasVtap) {
        for (const o of outcomes) if (o.rule.meta.tags.includes('vtap')) falseVtap.push(`${path.relative(root, file)}: ${o.rule.meta.id}: ${o.verdict.message}`);
      }
    } catch (e) {
      crashes++;
      crashList.push(`${file}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    times.push({ file: path.relative(process.cwd(), file), ms: performance.now() - t0 });
  }
}

const pct = (a: number, b: number) => (b === 0 ? '100.00' : ((100 * a) / b).toFixed(2));
times.sort((a, b) => b.ms - a.ms);
const total = times.reduce((s, t) => s + t.ms, 0);
console.log('corpus-graph: deployment model and resource graph');
console.log(`  templates: ${files} (in ${folders.join(', ')})`);
console.log(`  crashes: ${crashes}`);
for (const c of crashList.slice(0, 20)) console.log(`    ${c}`);
console.log(`  time: ${total.toFixed(0)} ms in all, ${(total / Math.max(files, 1)).toFixed(2)} ms per file; slowest:`);
for (const t of times.slice(0, 5)) console.log(`    ${t.ms.toFixed(1).padStart(8)} ms  ${t.file}`);
console.log(`  resources: ${resources}; with known type and name: ${knownTypeAndName} (${pct(knownTypeAndName, resources)}%, target >= 99%)`);
for (const [k, n] of [...unknownNames].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    unknown name: ${String(n).padStart(5)}  ${k}`);
console.log(`  dependsOn entries: ${dependsOn}; resolved: ${dependsOnResolved} (${pct(dependsOnResolved, dependsOn)}%, target >= 98%)`);
for (const u of unresolvedSamples) console.log(`    unresolved: ${u}`);
console.log(`  reference edges: ${referenceEdges}`);
console.log(`  templates with vTAP resources: ${vtapTemplates}`);
console.log(`  vTAP findings on templates without vTAP resources: ${falseVtap.length} (must be 0)`);
for (const f of falseVtap.slice(0, 20)) console.log(`    ${f}`);

const failed = crashes > 0 || falseVtap.length > 0;
process.exitCode = failed ? 1 : 0;
