// Expression corpus check: parses every expression string (values and keys) of real templates
// and evaluates every template fully (parameters, variables, resources as plain trees, nested
// inner-scope deployments, outputs). Fails on any crash (an exception escaping, or an internal
// error reported by the evaluator) or any expression that does not parse in a valid file.
//   node scripts/run-ts.mjs scripts/corpus-expr.ts [corpus-folder ...]
// Defaults: ../shared/corpus/quickstart (files of kind `arm` in MANIFEST.tsv) and
// ../shared/corpus/bicep-baselines/**/main.json + main.symbolicnames.json (skipping Invalid*
// baselines and test/ci-tests paths).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticSink } from '../src/model/diagnostic.js';
import type { Span } from '../src/model/span.js';
import { childOf, isTObject, own, type Located, type TNode, type TObject } from '../src/model/template.js';
import { loadArmTemplate } from '../src/load/arm-json.js';
import { readSource } from '../src/load/read.js';
import { isExpressionString, parseTemplateString } from '../src/expr/parser.js';
import { Budget } from '../src/expr/context.js';
import { ObjectValue, Unknown, type Value } from '../src/expr/value.js';
import { findUnknown } from '../src/expr/ops.js';
import { TemplateScope, type SuppliedParameter } from '../src/deploy/scope.js';

const args = process.argv.slice(2);
const roots = args.length ? args.map((a) => path.resolve(a)) : [path.resolve('../shared/corpus/quickstart'), path.resolve('../shared/corpus/bicep-baselines')];

/**
 * Files whose expressions are genuinely malformed (ARM rejects them too): their parse failures
 * are listed but do not fail the run.
 */
const KNOWN_INVALID: Record<string, string> = {
  'application-workloads/orchard/orchard-cms-video-portal/azuredeploy.json':
    "malformed expression `providers('Microsoft.Media', 'mediaservices')'2015-10-01'0]` (a missing '.apiVersions[0]')",
};

function knownInvalid(p: string): string | undefined {
  const norm = p.split(path.sep).join('/');
  for (const [k, why] of Object.entries(KNOWN_INVALID)) if (norm.endsWith(k)) return why;
  return undefined;
}

function skipped(p: string): boolean {
  return p.includes('test/ci-tests') || p.split(path.sep).some((seg) => /^Invalid/.test(seg));
}

function walk(dir: string, out: string[], accept: (p: string) => boolean): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (e !== 'node_modules' && e !== '.git') walk(p, out, accept);
    } else if (accept(p)) out.push(p);
  }
}

function filesOf(root: string): string[] {
  const manifest = path.join(root, 'MANIFEST.tsv');
  const out: string[] = [];
  if (existsSync(manifest)) {
    const lines = readFileSync(manifest, 'utf8').split(/\r?\n/).slice(1);
    for (const l of lines) {
      const [rel, , kind] = l.split('\t');
      if (rel && kind === 'arm') out.push(path.join(root, rel));
    }
  } else if (existsSync(path.join(root, 'baselines')) || path.basename(root) === 'bicep-baselines') {
    walk(root, out, (p) => /(^|[\\/])main(\.symbolicnames)?\.json$/.test(p));
  } else {
    walk(root, out, (p) => p.endsWith('.json') && !/parameters?\.json$/i.test(p));
  }
  return out.filter((p) => !skipped(p)).sort();
}

interface Stats {
  files: number;
  notTemplates: number;
  loadFailures: string[];
  expressions: number;
  parseFailures: string[];
  knownInvalid: string[];
  evaluated: number;
  known: number;
  unknownByCode: Map<string, Map<string, number>>;
  diagnostics: Map<string, Map<string, number>>;
  crashes: string[];
  ms: number;
}

const stats: Stats = {
  files: 0,
  notTemplates: 0,
  loadFailures: [],
  expressions: 0,
  parseFailures: [],
  knownInvalid: [],
  evaluated: 0,
  known: 0,
  unknownByCode: new Map(),
  diagnostics: new Map(),
  crashes: [],
  ms: 0,
};

/** Messages grouped by shape: quoted names and numbers are masked. */
function shape(m: string): string {
  return m.replace(/'[^']*'/g, "'…'").replace(/\d+/g, 'N').slice(0, 160);
}

const examples = new Map<string, string[]>();

function bump(map: Map<string, Map<string, number>>, code: string, msg: string, where?: Span): void {
  if (where && process.env.CORPUS_EXAMPLES) {
    const k = `${code} ${shape(msg)}`;
    const list = examples.get(k) ?? [];
    if (list.length < 4) {
      const r = where.range();
      list.push(`${where.toString()} ${where.file.text.slice(r.start, Math.min(r.end, r.start + 200))}`);
    }
    examples.set(k, list);
  }
  let m = map.get(code);
  if (!m) map.set(code, (m = new Map()));
  const k = shape(msg);
  m.set(k, (m.get(k) ?? 0) + 1);
}

function parseAll(n: TNode, file: string, depth = 0): void {
  if (depth > 600) return;
  const check = (s: string): void => {
    if (!isExpressionString(s)) return;
    stats.expressions++;
    const p = parseTemplateString(s);
    if (p.kind !== 'error') return;
    const text = `${file}: ${p.message} in ${s.length > 160 ? `${s.slice(0, 160)}…` : s}`;
    const why = knownInvalid(file);
    if (why) stats.knownInvalid.push(`${text} (known invalid: ${why})`);
    else stats.parseFailures.push(text);
  };
  if (typeof n === 'string') check(n);
  else if (Array.isArray(n)) for (const x of n) parseAll(x, file, depth + 1);
  else if (isTObject(n)) {
    for (const k of Object.keys(n)) {
      check(k);
      parseAll(n[k] as TNode, file, depth + 1);
    }
  }
}

function observe(v: Value): void {
  stats.evaluated++;
  const u = v instanceof Unknown ? v : findUnknown(v);
  if (!u) {
    stats.known++;
    return;
  }
  bump(stats.unknownByCode, u.reason.code, u.reason.message);
}

function isDeployment(o: TObject): boolean {
  const t = own(o, 'type');
  return typeof t === 'string' && t.toLowerCase() === 'microsoft.resources/deployments';
}

/** Evaluates a template: parameters, variables, resources (nested inner-scope templates separately), outputs. */
function evaluateTemplate(root: TNode, span: Span, sink: DiagnosticSink, budget: Budget, supplied: Map<string, SuppliedParameter> | undefined, depth: number): void {
  const scope = new TemplateScope(root, span, { diagnostics: sink, budget, parameters: supplied, observer: observe });
  for (const p of scope.parameterNames()) scope.parameterInfo(p);
  for (const v of scope.variableNames()) scope.variable(v, span);
  const resources = scope.section('resources');
  type Loop = { name: string; index: number };
  const decls: { decl: Located; loop: Loop | undefined }[] = [];
  const collect = (sec: Located, loop: Loop | undefined): void => {
    if (Array.isArray(sec.node)) sec.node.forEach((d, i) => decls.push({ decl: { node: d, span: sec.span.child(sec.node as TNode[], i) }, loop }));
    else if (isTObject(sec.node)) for (const k of Object.keys(sec.node)) decls.push({ decl: { node: sec.node[k] as TNode, span: sec.span.child(sec.node, k) }, loop });
  };
  if (resources) collect(resources, undefined);
  for (let i = 0; i < decls.length; i++) {
    const { decl: d, loop: parentLoop } = decls[i] as { decl: Located; loop: Loop | undefined };
    if (!isTObject(d.node)) continue;
    const loc = d as Located<TObject>;
    const copy = childOf(loc, 'copy');
    let loop = parentLoop;
    if (copy && isTObject(copy.node)) {
      const name = own(copy.node, 'name');
      const countNode = childOf(copy as Located<TObject>, 'count');
      const count = countNode ? scope.evaluateNode(countNode.node, countNode.span, parentLoop) : 0;
      // A loop of zero instances deploys nothing: its body is never evaluated by ARM.
      if (count === 0) continue;
      loop = { name: typeof name === 'string' ? name : '', index: 0 };
    }
    const condition = childOf(loc, 'condition');
    // A resource whose condition is false is not deployed: ARM does not evaluate its properties.
    if (condition && scope.evaluateNode(condition.node, condition.span, loop) === false) continue;
    // Child resources are their own declarations, inside their parent's loop (as ARM expands them).
    const children = childOf(loc, 'resources');
    if (children) collect(children, loop);
    const props = childOf(loc, 'properties');
    const nested = props && isTObject(props.node) ? childOf(props as Located<TObject>, 'template') : undefined;
    if (isDeployment(loc.node) && props && nested && isTObject(props.node)) {
      const opts = childOf(props as Located<TObject>, 'expressionEvaluationOptions');
      const inner = opts && isTObject(opts.node) && String(own(opts.node, 'scope') ?? '').toLowerCase() === 'inner';
      // Evaluate the deployment without its template, then the template in its own scope.
      const shallow: TObject = {};
      for (const k of Object.keys(loc.node)) {
        if (k === 'resources') continue;
        Object.defineProperty(shallow, k, { value: loc.node[k], enumerable: true, writable: true, configurable: true });
      }
      const propsCopy: TObject = {};
      for (const k of Object.keys(props.node)) {
        if (k.toLowerCase() === 'template') continue;
        Object.defineProperty(propsCopy, k, { value: (props.node as TObject)[k], enumerable: true, writable: true, configurable: true });
      }
      const propsKey = Object.keys(loc.node).find((k) => k.toLowerCase() === 'properties') as string;
      shallow[propsKey] = propsCopy;
      const evaluated = scope.evaluateNode(shallow, loc.span, loop);
      if (depth < 8) {
        if (inner) {
          const values = new Map<string, SuppliedParameter>();
          const pv = evaluated instanceof ObjectValue ? evaluated.get('properties') : undefined;
          const params = pv instanceof ObjectValue ? pv.get('parameters') : undefined;
          if (params instanceof ObjectValue) {
            for (const [k, v] of params.entries()) if (v instanceof ObjectValue && v.has('value')) values.set(k, { value: v.get('value') as Value });
          }
          evaluateTemplate(nested.node, nested.span, sink, budget, values, depth + 1);
        } else scope.evaluateNode(nested.node, nested.span, loop);
      }
      continue;
    }
    const shallow: TObject = {};
    for (const k of Object.keys(loc.node)) {
      if (k.toLowerCase() === 'resources') continue;
      Object.defineProperty(shallow, k, { value: loc.node[k], enumerable: true, writable: true, configurable: true });
    }
    scope.evaluateNode(shallow, loc.span, loop);
  }
  scope.outputs();
}

const started = Date.now();
for (const root of roots) {
  for (const file of filesOf(root)) {
    stats.files++;
    const rel = path.relative(process.cwd(), file);
    try {
      const read = readSource(file, 'arm');
      if (!read.ok) {
        stats.loadFailures.push(`${rel}: ${read.diagnostic.message}`);
        continue;
      }
      const loaded = loadArmTemplate(read.source);
      if (loaded.root === undefined) {
        stats.loadFailures.push(`${rel}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
        continue;
      }
      if (!isTObject(loaded.root) || (own(loaded.root, 'resources') === undefined && own(loaded.root, '$schema') === undefined)) {
        stats.notTemplates++;
        continue;
      }
      parseAll(loaded.root, rel);
      const sink = new DiagnosticSink();
      evaluateTemplate(loaded.root, loaded.span, sink, new Budget(), undefined, 0);
      for (const d of sink.items) {
        if (d.message.startsWith('internal error')) stats.crashes.push(`${rel}: ${d.message} at ${d.span.toString()}`);
        bump(stats.diagnostics, d.code, d.message, d.span);
      }
    } catch (e) {
      stats.crashes.push(`${rel}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
}
stats.ms = Date.now() - started;

const top = (m: Map<string, number>, n: number): string[] =>
  [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, c]) => `      ${String(c).padStart(6)}  ${k}`);

console.log(`Expression corpus: ${roots.join(', ')}`);
console.log(`  files: ${stats.files} (${stats.notTemplates} not templates, ${stats.loadFailures.length} not loadable) in ${(stats.ms / 1000).toFixed(1)} s`);
console.log(`  expression strings parsed: ${stats.expressions}, parse failures: ${stats.parseFailures.length} (+${stats.knownInvalid.length} in known-invalid files)`);
for (const f of stats.knownInvalid) console.log(`    ${f}`);
console.log(`  expressions evaluated: ${stats.evaluated}, fully known: ${stats.known} (${((100 * stats.known) / Math.max(1, stats.evaluated)).toFixed(1)}%)`);
console.log('  unknown results by reason:');
for (const [code, m] of [...stats.unknownByCode.entries()].sort((a, b) => sum(b[1]) - sum(a[1]))) {
  console.log(`    ${code}: ${sum(m)}`);
  for (const l of top(m, 5)) console.log(l);
}
console.log('  diagnostics by code:');
for (const [code, m] of [...stats.diagnostics.entries()].sort((a, b) => sum(b[1]) - sum(a[1]))) {
  console.log(`    ${code}: ${sum(m)}`);
  for (const l of top(m, 12)) console.log(l);
}
if (process.env.CORPUS_EXAMPLES) for (const [k, l] of examples) console.log(`  ${k}\n      ${l.join('\n      ')}`);
if (stats.loadFailures.length) {
  console.log('  not loadable:');
  for (const f of stats.loadFailures.slice(0, 20)) console.log(`    ${f}`);
}
if (stats.parseFailures.length) {
  console.log('  PARSE FAILURES:');
  for (const f of stats.parseFailures) console.log(`    ${f}`);
}
if (stats.crashes.length) {
  console.log('  CRASHES:');
  for (const f of stats.crashes) console.log(`    ${f}`);
}
console.log(`  crashes: ${stats.crashes.length}`);
if (stats.crashes.length || stats.parseFailures.length) process.exitCode = 1;

function sum(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}
