// Runs one pipeline stage over a corpus, for the benchmark (bench/bench.mjs times the process):
//   expr    read + parse + evaluate every template's parameters, variables, resources and outputs
//   graph   read + parse + deploy + build the graph with all its edges
//   bicep   read + parse + lower every .bicep file
//   load    read + parse with positions (the ARM front end alone)
//   floor   read + JSON.parse (the bench runs it once to make the code cache; its floor is bench/floor.cjs)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSource } from '../src/load/read.js';
import { loadJson } from '../src/load/arm-json.js';
import { classifyJson } from '../src/load/classify.js';
import { TemplateScope } from '../src/deploy/scope.js';
import { deployFile } from '../src/deploy/deploy.js';
import { ResourceGraph } from '../src/graph/graph.js';
import { loadBicepTemplate } from '../src/bicep/load.js';
import { bicepHost } from '../src/engine/analyze.js';
import { childOf, isTObject, type Located, type TObject } from '../src/model/template.js';
import { clearParseCache } from '../src/expr/parser.js';

const [stage, listFile, root] = process.argv.slice(2) as [string, string, string];
const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
let count = 0;
for (const file of files) {
  if (stage === 'floor') {
    try {
      JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      // not strict JSON: counted like any other file
    }
    count++;
    continue;
  }
  if (stage === 'bicep') {
    const r = readSource(file, 'bicep');
    if (r.ok && loadBicepTemplate(r.source, bicepHost(root)).root) count++;
    continue;
  }
  clearParseCache(); // as the engine does before each file (analyzeFile)
  const r = readSource(file, 'arm');
  if (!r.ok) continue;
  const loaded = loadJson(r.source);
  if (classifyJson(loaded.root) !== 'template' || !isTObject(loaded.root)) continue;
  count++;
  if (stage === 'load') continue;
  if (stage === 'expr') {
    const scope = new TemplateScope(loaded.root, loaded.span);
    const t: Located<TObject> = { node: loaded.root, span: loaded.span };
    for (const name of scope.parameterNames()) scope.parameterInfo(name);
    for (const name of scope.variableNames()) scope.variable(name, loaded.span);
    const res = childOf(t, 'resources');
    if (res) scope.evaluateNode(res.node, res.span);
    scope.outputs();
  } else if (stage === 'graph') {
    const d = deployFile(r.source, loaded, { deployment: {}, root });
    new ResourceGraph(d.resources, d.notDeployed).edges();
  }
}
process.stdout.write(`${count}\n`);
void path;
