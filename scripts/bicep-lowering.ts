// Bicep lowering check: lowers every .bicep of the corpus pairs (quickstart and the Bicep
// baselines, `Invalid*` skipped) and compares the result structurally with the compiler's JSON:
// resources (type, apiVersion, condition/copy presence), parameter names and types, variable
// names, output names. Reports crashes (must be 0), lowering diagnostics on valid files, and %
// agreement per corpus with the differences classified.
//   node scripts/run-ts.mjs scripts/bicep-lowering.ts [corpus-folder] [--verbose]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SourceText } from '../src/model/source.js';
import { isTObject, type TNode, type TObject } from '../src/model/template.js';
import { loadBicepTemplate, type BicepHost } from '../src/bicep/load.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const folder = path.resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/corpus');
const corpora = ['quickstart', 'bicep-baselines'];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function hostFor(root: string): BicepHost {
  return {
    root,
    read(abs: string) {
      const rel = path.relative(root, abs);
      if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return { error: 'the path is outside the lint root' };
      if (!existsSync(abs)) return { error: 'the file does not exist' };
      const text = readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
      const kind = abs.endsWith('.bicep') ? 'bicep' : abs.endsWith('.json') ? 'arm' : 'other';
      return new SourceText(abs, text, kind);
    },
    listFiles(abs: string) {
      const rel = path.relative(root, abs);
      if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return { error: 'the path is outside the lint root' };
      if (!existsSync(abs) || !statSync(abs).isDirectory()) return { error: 'the directory does not exist' };
      return { names: readdirSync(abs, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name) };
    },
  };
}

interface Shape {
  resources: string[];
  params: Map<string, string>;
  vars: Set<string>;
  outputs: Set<string>;
}

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function resKey(r: Record<string, unknown>, type: string): string {
  // The deployments apiVersion depends on the compiler version, not on the source.
  const api = type.toLowerCase() === 'microsoft.resources/deployments' ? '*' : typeof r.apiVersion === 'string' ? r.apiVersion : '?';
  return `${type.toLowerCase()}@${api}${r.condition !== undefined ? ' if' : ''}${r.copy !== undefined ? ' for' : ''}`;
}

function compiledShape(j: Json): Shape {
  const t = obj(j);
  const resources: string[] = [];
  const walk = (list: unknown, parentType: string | undefined): void => {
    const items = Array.isArray(list) ? list : Object.values(obj(list));
    for (const r0 of items) {
      const r = obj(r0);
      if (r.existing === true) continue;
      let type = typeof r.type === 'string' ? r.type : '?';
      if (parentType && !type.includes('/')) type = `${parentType}/${type}`;
      resources.push(resKey(r, type));
      if (r.resources) walk(r.resources, type);
    }
  };
  walk(t.resources, undefined);
  const params = new Map<string, string>();
  for (const [k, v] of Object.entries(obj(t.parameters))) params.set(k, String(obj(v).type ?? '').toLowerCase());
  const vars = new Set<string>();
  for (const [k, v] of Object.entries(obj(t.variables))) {
    if (k === 'copy' && Array.isArray(v)) for (const c of v) vars.add(String(obj(c).name));
    else if (!k.startsWith('$fxv#')) vars.add(k);
  }
  return { resources: resources.sort(), params, vars, outputs: new Set(Object.keys(obj(t.outputs))) };
}

function loweredShape(root: TObject): Shape {
  const resources: string[] = [];
  const res = root.resources;
  if (isTObject(res)) {
    for (const k of Object.keys(res)) {
      const r = res[k] as TNode;
      if (!isTObject(r) || r.existing === true) continue;
      resources.push(resKey(r as Record<string, unknown>, typeof r.type === 'string' ? r.type : '?'));
    }
  }
  const params = new Map<string, string>();
  for (const [k, v] of Object.entries(isTObject(root.parameters) ? root.parameters : {})) params.set(k, String(isTObject(v) ? v.type : '').toLowerCase());
  return {
    resources: resources.sort(),
    params,
    vars: new Set(Object.keys(isTObject(root.variables) ? root.variables : {})),
    outputs: new Set(Object.keys(isTObject(root.outputs) ? root.outputs : {})),
  };
}

function multisetDiff(a: string[], b: string[]): { missing: string[]; extra: string[] } {
  const count = new Map<string, number>();
  for (const x of a) count.set(x, (count.get(x) ?? 0) + 1);
  const extra: string[] = [];
  for (const x of b) {
    const c = count.get(x) ?? 0;
    if (c > 0) count.set(x, c - 1);
    else extra.push(x);
  }
  const missing: string[] = [];
  for (const [x, c] of count) for (let i = 0; i < c; i++) missing.push(x);
  return { missing, extra };
}

let totalCrashes = 0;
for (const corpus of corpora) {
  const root = path.join(folder, corpus);
  const pairsFile = path.join(root, 'PAIRS.tsv');
  if (!existsSync(pairsFile)) {
    console.log(`${corpus}: no PAIRS.tsv at ${pairsFile}`);
    continue;
  }
  const rows = readFileSync(pairsFile, 'utf8').split(/\r?\n/).slice(1).filter((l) => l.trim());
  const host = hostFor(root);
  let files = 0;
  let crashes = 0;
  let withDiags = 0;
  const agree = { resources: 0, params: 0, vars: 0, outputs: 0, all: 0 };
  const classes = new Map<string, number>();
  const diagMessages = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  for (const row of rows) {
    const [bicepRel, jsonRel] = row.split('\t');
    if (!bicepRel || !jsonRel || /(^|\/)Invalid/.test(bicepRel)) continue;
    const bicepPath = path.join(root, bicepRel);
    if (!existsSync(bicepPath)) continue;
    files++;
    const src = host.read(bicepPath);
    if ('error' in src) continue;
    let loaded;
    try {
      loaded = loadBicepTemplate(src, host);
    } catch (e) {
      crashes++;
      console.log(`CRASH ${bicepRel}: ${e instanceof Error ? e.stack : String(e)}`);
      continue;
    }
    const diags = loaded.diagnostics.filter((d) => d.code !== 'note');
    if (diags.length > 0) {
      withDiags++;
      for (const d of diags) {
        bump(diagMessages, `${d.code}: ${d.message.replace(/'[^']*'/g, "'…'")}`);
        if (verbose) console.log(`  ${d.span.toString()} ${d.code} ${d.message}`);
      }
    }
    if (!loaded.root) continue;
    let compiled: Json;
    try {
      compiled = JSON.parse(readFileSync(path.join(root, jsonRel), 'utf8').replace(/^\uFEFF/, '')) as Json;
    } catch {
      continue;
    }
    const c = compiledShape(compiled);
    const l = loweredShape(loaded.root);
    let ok = true;
    const rd = multisetDiff(c.resources, l.resources);
    if (rd.missing.length === 0 && rd.extra.length === 0) agree.resources++;
    else {
      ok = false;
      for (const m of rd.missing) bump(classes, `resource differs (compiled has) ${m.replace(/^[^@]*/, '<type>')}`);
      if (verbose) console.log(`${bicepRel}: resources missing ${rd.missing.join(', ')} extra ${rd.extra.join(', ')}`);
    }
    let pOk = c.params.size === l.params.size;
    for (const [k, t] of c.params) {
      const lt = l.params.get(k);
      if (lt === undefined) {
        pOk = false;
        bump(classes, 'parameter missing');
        if (verbose) console.log(`${bicepRel}: parameter ${k} missing`);
      } else if (lt !== t) {
        pOk = false;
        bump(classes, `parameter type ${t} lowered as ${lt}`);
      }
    }
    if (pOk) agree.params++;
    else ok = false;
    const sameSet = (a: Set<string>, b: Set<string>, what: string): boolean => {
      let same = a.size === b.size;
      for (const x of a) if (!b.has(x)) {
        same = false;
        bump(classes, `${what} missing in lowering`);
      }
      for (const x of b) if (!a.has(x)) {
        same = false;
        bump(classes, `${what} extra in lowering`);
      }
      if (!same && verbose) console.log(`${bicepRel}: ${what} compiled [${[...a].join(', ')}] lowered [${[...b].join(', ')}]`);
      return same;
    };
    if (sameSet(c.vars, l.vars, 'variable')) agree.vars++;
    else ok = false;
    if (sameSet(c.outputs, l.outputs, 'output')) agree.outputs++;
    else ok = false;
    if (ok) agree.all++;
  }
  totalCrashes += crashes;
  const pct = (n: number): string => `${((100 * n) / Math.max(files, 1)).toFixed(1)}%`;
  console.log(`\n== ${corpus}: ${files} files, ${crashes} crashes, ${withDiags} with lowering/parse diagnostics`);
  console.log(
    `agreement: resources ${pct(agree.resources)}, parameters ${pct(agree.params)}, variables ${pct(agree.vars)}, outputs ${pct(agree.outputs)}, all four ${pct(agree.all)}`,
  );
  const top = (m: Map<string, number>, n: number): string[] => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v}\t${k}`);
  if (diagMessages.size > 0) console.log(`diagnostics:\n${top(diagMessages, 25).join('\n')}`);
  if (classes.size > 0) console.log(`differences:\n${top(classes, 25).join('\n')}`);
}
process.exitCode = totalCrashes > 0 ? 1 : 0;
