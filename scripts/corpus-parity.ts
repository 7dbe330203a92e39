// Bicep/JSON parity: for every pair in a folder's PAIRS.tsv (a main.bicep and the JSON the Bicep
// compiler made from it), the deployed graph of the Bicep file must equal the graph of the
// compiled JSON once `source` keys are dropped (what `vtaplint graph` prints). Reports the share
// of equal pairs per corpus (target >= 95%), classifies every unequal pair by cause, and fails on
// a crash. A folder may also hold PAIRS-symbolicnames.tsv: the same Bicep files with the JSON the
// compiler writes in languageVersion 2.0 (symbolic names, `existing` resources listed), which
// ARM deploys the same way; it is checked as a list of its own, with the same target.
//   node scripts/run-ts.mjs scripts/corpus-parity.ts [folder-with-PAIRS.tsv ...] [--verbose]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeFile } from '../src/engine/analyze.js';
import { graphToJson, withoutSource, type Json } from '../src/graph/export.js';
import { associatedParameterFile } from '../src/deploy/parameters.js';

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const folders = argv.filter((a) => !a.startsWith('--'));
const corpora = folders.length ? folders : ['../shared/corpus/quickstart', '../shared/corpus/bicep-baselines'];

type Obj = { [k: string]: Json };

/** Diagnostics of the last graphOf() call (to name causes such as files missing from the corpus). */
let lastDiagnostics: string[] = [];

function graphOf(file: string, root: string, parameterFiles?: string[]): Json | { error: string } {
  const a = analyzeFile(file, { root, deployment: {}, explicit: true, parameterFiles });
  lastDiagnostics = 'diagnostics' in a ? a.diagnostics.map((d) => d.message) : [];
  if (a.kind !== 'template') return { error: a.kind === 'broken' ? `broken: ${a.diagnostics[0]?.message ?? ''}` : a.kind };
  return withoutSource(graphToJson(a.graph, { relativeTo: (f) => path.relative(root, f) }));
}

/** Resource ids inside values (also the known pieces of partly known ones): ARM compares them case-insensitively. Also line ends. */
function idCase(j: Json): Json {
  // Line ends too: a multi-line string has the line ends of the checkout the file was compiled
  // from (CRLF on Windows), not a property of the Bicep text.
  if (typeof j === 'string') return /^\/(subscriptions|providers)\/|\/providers\//i.test(j) ? j.toLowerCase() : j.replace(/\r\n/g, '\n');
  if (Array.isArray(j)) return j.map(idCase);
  if (j && typeof j === 'object' && Array.isArray(j.parts) && typeof j.$unknown === 'string') {
    // A partly known id: its known pieces together look like one.
    const text = j.parts.map((p) => (typeof p === 'string' ? p : '{}')).join('');
    if (/^\/(subscriptions|providers)\/|\/providers\//i.test(text)) {
      return { ...j, parts: j.parts.map((p) => (typeof p === 'string' ? p.toLowerCase() : idCase(p))) };
    }
  }
  if (j && typeof j === 'object') {
    // Keys too: an object keyed by resource ids ("{/subscriptions/...}" when partly known).
    return Object.fromEntries(Object.entries(j).map(([k, v]) => [/^\{?\/(subscriptions|providers)\//i.test(k) ? k.toLowerCase() : k, idCase(v)]));
  }
  return j;
}

/**
 * Signs that the compiled JSON was not made from this Bicep text (the quickstart repository keeps
 * both, and a Bicep file is sometimes edited without recompiling): the compiler writes a declared
 * resource's apiVersion verbatim, so a `resource x 'Type@version'` of main.bicep whose apiVersion
 * the JSON does not contain means the JSON is stale. (Not the type: newer compilers correct its case.)
 */
function staleSign(bicepFile: string, jsonText: string, seen = new Set<string>()): string | undefined {
  if (seen.has(bicepFile) || !existsSync(bicepFile)) return undefined;
  seen.add(bicepFile);
  const bicepText = readFileSync(bicepFile, 'utf8');
  // Local modules are compiled into the same JSON.
  for (const m of bicepText.matchAll(/^\s*module\s+\w+\s+'([^':]+\.bicep)'/gm)) {
    const sign = staleSign(path.resolve(path.dirname(bicepFile), m[1] as string), jsonText, seen);
    if (sign) return sign;
  }
  // A literal parameter default is copied verbatim too (only main.bicep's parameters are top-level).
  if (seen.size === 1) {
    let params: Record<string, { defaultValue?: unknown }> = {};
    try {
      params = ((JSON.parse(jsonText) as { parameters?: typeof params }).parameters ?? {}) as typeof params;
    } catch {
      // not JSON we can read: no sign from parameters
    }
    for (const m of bicepText.matchAll(/^\s*param\s+(\w+)\s+string\s*=\s*'([^'$\\]*)'\s*$/gm)) {
      const [, name, value] = m as unknown as [string, string, string];
      const j = params[name]?.defaultValue;
      if (typeof j === 'string' && !j.startsWith('[') && j !== value) return `the default of parameter '${name}' is '${value}', '${j}' in the JSON`;
    }
  }
  for (const m of bicepText.matchAll(/^\s*resource\s+\w+\s+'([\w.]+\/[\w./]+)@([\w.-]+)'\s*(existing)?/gm)) {
    const [, type, version, existing] = m as unknown as [string, string, string, string | undefined];
    if (existing) continue;
    if (!jsonText.includes(`"${version}"`)) return `apiVersion ${version} of ${type} is not in the JSON`;
  }
  return undefined;
}

/**
 * What the comparison ignores, because it is not a difference in what is deployed:
 * - `existing` resources the compiled JSON does not list (languageVersion 1.0 templates, also
 *   nested ones inside a 2.0 template, leave them out), and the edges that point at them;
 * - the apiVersion of Microsoft.Resources/deployments (the compiler picks it, not the author);
 * - the case of resource types and ids (ARM compares them case-insensitively).
 */
function normalize(g: Obj, existingKept: ReadonlySet<string> | 'all'): Obj {
  const resources = (g.resources as Obj[]).filter((r) => r.state !== 'existing' || existingKept === 'all' || existingKept.has(String(r.id).toLowerCase()));
  const kept = new Set(resources.map((r) => String(r.id).toLowerCase()));
  const all = new Set((g.resources as Obj[]).map((r) => String(r.id).toLowerCase()));
  return {
    ...g,
    // Which resources have an unresolved entry, not its text: lowered Bicep writes symbolic names
    // ("coll[0]") where languageVersion 1.0 JSON writes resourceId(...) for the same dependency.
    unresolvedDependsOn: ((g.unresolvedDependsOn ?? []) as Obj[]).map((u) => String(u.from).toLowerCase()).sort(),
    resources: resources.map((r) => ({
      ...r,
      id: String(r.id).toLowerCase(),
      type: String(r.type).toLowerCase(),
      apiVersion: String(r.type).toLowerCase() === 'microsoft.resources/deployments' ? null : (r.apiVersion ?? null),
      edges: (r.edges as Obj[])
        .map((e): Obj | undefined => {
          const to = String(e.to).toLowerCase();
          // (A sub path "subnets/default" is a type and a name: compared case-insensitively too.)
          if (kept.has(to) || !all.has(to)) return typeof e.sub === 'string' ? { ...e, to, sub: e.sub.toLowerCase() } : { ...e, to };
          // A reference into a dropped existing child (a subnet of a deployed vnet): JSON without the
          // child links it to the deployed ancestor with the rest as `sub`.
          if (e.kind !== 'reference') return undefined;
          const anc = [...kept].filter((k) => to.startsWith(`${k}/`)).sort((x, y) => y.length - x.length)[0];
          return anc ? { ...e, to: anc, sub: subPath(String(e.to).slice(anc.length + 1)).toLowerCase() } : undefined;
        })
        .filter((e): e is Obj => e !== undefined)
        // The order of dependsOn entries (and so of edges) carries no meaning, nor does a repeated entry.
        .filter((e, i, all) => all.findIndex((x) => stable(x) === stable(e)) === i)
        .sort((x, y) => (stable(x) < stable(y) ? -1 : stable(x) > stable(y) ? 1 : 0)),
    })),
  };
}

/**
 * A value the Bicep side could not know because a load*() file is missing from the corpus
 * (`{"$unknown": "not-fetched"}`) takes the JSON's value at the same place: the file's content is
 * not what the comparison is about. Returns how many values were set aside.
 */
function setAsideNotRead(b: Json, j: Json): { value: Json; count: number } {
  if (b && typeof b === 'object' && !Array.isArray(b)) {
    const keys = Object.keys(b);
    if (keys.length === 1 && b.$unknown === 'not-fetched') return { value: j, count: 1 };
  }
  if (Array.isArray(b) && Array.isArray(j)) {
    let count = 0;
    const value = b.map((x, i) => {
      const r = setAsideNotRead(x, j[i] ?? null);
      count += r.count;
      return r.value;
    });
    return { value, count };
  }
  if (b && j && typeof b === 'object' && typeof j === 'object' && !Array.isArray(b) && !Array.isArray(j)) {
    let count = 0;
    const value: Obj = {};
    for (const [k, x] of Object.entries(b)) {
      const r = setAsideNotRead(x, j[k] ?? null);
      count += r.count;
      value[k] = r.value;
    }
    return { value, count };
  }
  return { value: b, count: 0 };
}

/** "subnets/{parameters('x')}" as the graph writes a sub-resource path: unknown segments are "?". */
function subPath(rest: string): string {
  const segs: string[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of rest) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === '/' && depth === 0) {
      segs.push(cur);
      cur = '';
    } else cur += ch;
  }
  segs.push(cur);
  return segs.map((seg) => (seg.includes('{') ? '?' : seg)).join('/');
}

/**
 * A graph as text to compare, keys sorted. A property of a resource the template does not deploy
 * is the same unknown runtime state whichever way it is read: the compiled JSON reads it by id
 * (`reference(resourceId(...))`, an 'external-resource' unknown naming the resource), the lowered
 * Bicep through the file's `existing` declaration ('runtime-state').
 */
function stable(j: Json): string {
  return JSON.stringify(j, (k, v: unknown) => {
    if (k === '$unknown' && v === 'external-resource') return 'runtime-state';
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((key) => [key, o[key]]));
    }
    return v;
  });
}

/**
 * Signs of a stale JSON in the two graphs: a resource the Bicep declares `existing` that the JSON
 * deploys, or one deployed by both with another apiVersion (the compiler copies both verbatim).
 */
function staleInGraphs(ga: Obj, gb: Obj): string | undefined {
  const byId = new Map((gb.resources as Obj[]).map((r) => [String(r.id).toLowerCase(), r]));
  const deployedInBicep = new Set((ga.resources as Obj[]).filter((r) => r.state !== 'existing').map((r) => String(r.id).toLowerCase()));
  for (const r of ga.resources as Obj[]) {
    const j = byId.get(String(r.id).toLowerCase());
    if (!j) continue;
    // (Another declaration of the Bicep may deploy what this one refers to as existing.)
    if (r.state === 'existing' && j.state !== 'existing' && !deployedInBicep.has(String(r.id).toLowerCase())) return `${String(r.type)} is declared existing in the Bicep but deployed by the JSON`;
    if (r.state !== 'existing' && j.state !== 'existing' && String(r.type).toLowerCase() !== 'microsoft.resources/deployments' && r.apiVersion !== j.apiVersion) {
      return `apiVersion ${String(r.apiVersion)} of ${String(r.type)} is ${String(j.apiVersion)} in the JSON`;
    }
  }
  return undefined;
}

/**
 * Do the graphs differ only in that the JSON's dependsOn entries name resources whose names are
 * unknown at lint time (unresolved in the JSON), where lowered Bicep names them by symbol?
 */
function onlyUnresolvedInJson(a: Obj, b: Obj): boolean {
  const fromB = new Set(b.unresolvedDependsOn as string[]);
  if (fromB.size === 0) return false;
  const jsonEdges = new Map((b.resources as Obj[]).map((r) => [String(r.id), new Set((r.edges as Obj[]).map((e) => stable(e)))]));
  const trimmed: Obj = {
    ...a,
    unresolvedDependsOn: b.unresolvedDependsOn as Json,
    resources: (a.resources as Obj[]).map((r) => {
      if (!fromB.has(String(r.id))) return r;
      const keep = jsonEdges.get(String(r.id)) ?? new Set<string>();
      return { ...r, edges: (r.edges as Obj[]).filter((e) => e.kind !== 'dependsOn' || keep.has(stable(e))) };
    }),
  };
  return stable(trimmed) === stable(b);
}

/**
 * The graph without the dependsOn edges of and to the resources `json` lists as existing: a
 * languageVersion 2.0 template keeps them (the existing resource is read after what it depends
 * on), where languageVersion 1.0 and the lowered Bicep write the same order without them.
 */
function withoutDependsOnExisting(g: Obj, json: Obj): Obj {
  const existing = new Set((json.resources as Obj[]).filter((r) => r.state === 'existing').map((r) => String(r.id)));
  if (existing.size === 0) return g;
  return {
    ...g,
    resources: (g.resources as Obj[]).map((r) => ({
      ...r,
      edges: (r.edges as Obj[]).filter((e) => e.kind !== 'dependsOn' || (!existing.has(String(e.to)) && !existing.has(String(r.id)))),
    })),
  };
}

/**
 * The graph without the `symbol` of unknown runtime values: reference('sym') of a languageVersion
 * 2.0 template and reference(resourceId(...)) of the lowered Bicep are the same runtime state,
 * labelled differently (the label is the expression when its arguments are unknown). A property
 * of a resource the template does not deploy is one too: the JSON reads it by id
 * (reference(resourceId(...)): 'external-resource', naming the resource), the lowered Bicep
 * through its `existing` declaration ('runtime-state').
 */
function withoutRuntimeSymbols(j: Json): Json {
  if (Array.isArray(j)) return j.map(withoutRuntimeSymbols);
  if (j && typeof j === 'object') {
    const o = j as Obj;
    // (Also the label of another unknown built from a reference(): if(cond, reference(...).x, '')
    // of a parameter without a value is labelled by its text in the one form, unlabelled in the other.)
    const drop = o.$unknown === 'runtime-state' || o.$unknown === 'external-resource' || o.$unknown === 'error' || (typeof o.symbol === 'string' && o.symbol.includes('reference('));
    return Object.fromEntries(
      Object.entries(o)
        .filter(([k]) => !(drop && k === 'symbol'))
        .map(([k, v]) => [k, k === '$unknown' && v === 'external-resource' ? 'runtime-state' : withoutRuntimeSymbols(v)]),
    );
  }
  return j;
}

/** The graph without dependsOn edges and unresolved entries (to see whether only those differ). */
function withoutDependsOn(g: Obj): Obj {
  return {
    ...g,
    unresolvedDependsOn: [],
    resources: (g.resources as Obj[]).map((r) => ({ ...r, edges: (r.edges as Obj[]).filter((e) => e.kind !== 'dependsOn') })),
  };
}

/** The first difference between two graphs, named by cause. */
function classify(a: Obj, b: Obj): string {
  const ra = a.resources as Obj[];
  const rb = b.resources as Obj[];
  const ids = (rs: Obj[]) => rs.map((r) => String(r.id).toLowerCase());
  const ia = ids(ra);
  const ib = ids(rb);
  if (ia.join('\n') !== ib.join('\n')) {
    const onlyA = ia.filter((x) => !ib.includes(x));
    const onlyB = ib.filter((x) => !ia.includes(x));
    if (ra.length !== rb.length) return `resource count (${ra.length} from Bicep, ${rb.length} from JSON)${onlyA[0] ? `; only in Bicep: ${onlyA[0]}` : ''}${onlyB[0] ? `; only in JSON: ${onlyB[0]}` : ''}`;
    return `resource ids (only in Bicep: ${onlyA[0] ?? '-'}; only in JSON: ${onlyB[0] ?? '-'})`;
  }
  for (let i = 0; i < ra.length; i++) {
    const x = ra[i] as Obj;
    const y = rb[i] as Obj;
    for (const key of ['type', 'apiVersion', 'name', 'location', 'state', 'condition', 'scope', 'properties', 'edges']) {
      if (stable(x[key] ?? null) !== stable(y[key] ?? null)) {
        if (key === 'properties') {
          const px = x.properties as Obj;
          const py = y.properties as Obj;
          const keys = [...new Set([...Object.keys(px), ...Object.keys(py)])];
          const k = keys.find((kk) => stable(px[kk] ?? null) !== stable(py[kk] ?? null));
          return `properties.${k} of ${String(x.type)}`;
        }
        if (key === 'edges') {
          const ex = (x.edges as Obj[]).map((e) => `${String(e.kind)} ${String(e.to)}`);
          const ey = (y.edges as Obj[]).map((e) => `${String(e.kind)} ${String(e.to)}`);
          const missing = ey.filter((e) => !ex.includes(e));
          const extra = ex.filter((e) => !ey.includes(e));
          return `edges of ${String(x.type)} (${missing.length ? `missing from Bicep: ${missing[0]?.split(' ')[0]}` : ''}${extra.length ? ` extra in Bicep: ${extra[0]?.split(' ')[0]}` : ''})`;
        }
        return `${key} of ${String(x.type)}`;
      }
    }
  }
  return 'unresolved dependsOn';
}

/** The pairs lists of a folder: PAIRS.tsv, then the languageVersion 2.0 one when the folder has it. */
const PAIRS_LISTS = [
  { file: 'PAIRS.tsv', label: '' },
  { file: 'PAIRS-symbolicnames.tsv', label: ' (languageVersion 2.0 JSON, PAIRS-symbolicnames.tsv)' },
];

/**
 * The graph of a Bicep file with its diagnostics, made once: both lists of a folder pair the same
 * Bicep files (the second list costs only its JSON files).
 */
const bicepGraphs = new Map<string, { graph: Json | { error: string }; diagnostics: string[] }>();
function bicepGraphOf(file: string, root: string, parameterFiles?: string[]): { graph: Json | { error: string }; diagnostics: string[] } {
  const key = `${file}\u0000${parameterFiles?.join('\u0000') ?? ''}`;
  let g = bicepGraphs.get(key);
  if (!g) {
    g = { graph: graphOf(file, root, parameterFiles), diagnostics: lastDiagnostics };
    bicepGraphs.set(key, g);
  }
  return g;
}

let crashes = 0;
let failedTarget = false;
for (const corpus of corpora) {
  const root = path.resolve(corpus);
  if (!existsSync(path.join(root, 'PAIRS.tsv'))) {
    console.error(`corpus-parity: no PAIRS.tsv in ${corpus}`);
    process.exit(2);
  }
  for (const list of PAIRS_LISTS) {
  const pairsFile = path.join(root, list.file);
  if (!existsSync(pairsFile)) continue;
  const rows = readFileSync(pairsFile, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
  let total = 0;
  let equal = 0;
  /** Equal only once values of load*() files missing from the corpus are set aside. */
  let equalSetAside = 0;
  const causes = new Map<string, string[]>();
  const t0 = performance.now();
  for (const [bicep, json, generator, , registryRef] of rows) {
    if (!bicep || !json || /(^|\/)Invalid/.test(bicep) || bicep.includes('ci-tests')) continue;
    total++;
    let ga: Json | { error: string };
    let gb: Json | { error: string };
    let bicepDiagnostics: string[];
    try {
      // The JSON picks up its associated parameters file (main.parameters.json): give the Bicep
      // file the same values, so both describe the same deployment.
      const assoc = associatedParameterFile(path.join(root, json));
      ({ graph: ga, diagnostics: bicepDiagnostics } = bicepGraphOf(path.join(root, bicep), root, assoc ? [assoc] : undefined));
      gb = graphOf(path.join(root, json), root);
    } catch (e) {
      crashes++;
      console.log(`  CRASH ${bicep}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      continue;
    }
    let cause: string | undefined;
    if ('error' in (ga as Obj) && typeof (ga as Obj).error === 'string') cause = `Bicep not analysed (${String((ga as Obj).error)})`;
    else if ('error' in (gb as Obj) && typeof (gb as Obj).error === 'string') cause = `JSON not analysed (${String((gb as Obj).error)})`;
    else {
      // Existing resources are compared where the compiled JSON lists them: languageVersion 1.0
      // templates (also nested ones inside a 2.0 template) do not.
      const existingInJson = new Set(((gb as Obj).resources as Obj[]).filter((r) => r.state === 'existing').map((r) => String(r.id).toLowerCase()));
      let na = idCase(normalize(ga as Obj, existingInJson)) as Obj;
      const nb = idCase(normalize(gb as Obj, 'all')) as Obj;
      const missing = bicepDiagnostics.find((d) => /^load\w*\(\): (cannot read the file|the file '[^']*' does not exist)/.test(d));
      let setAside = 0;
      if (missing && stable(na) !== stable(nb)) {
        const r = setAsideNotRead(na, nb);
        na = r.value as Obj;
        setAside = r.count;
      }
      if (stable(na) === stable(nb)) {
        equal++;
        if (setAside) equalSetAside++;
      } else {
        const stale = staleSign(path.join(root, bicep), readFileSync(path.join(root, json), 'utf8')) ?? staleInGraphs(ga as Obj, gb as Obj);
        const notText = bicepDiagnostics.find((d) => /^load\w*\(\): the file is not (text|valid)/.test(d));
        if (registryRef === '1') cause = `registry reference not fetched (the Bicep uses br:/ts: modules or extensions; the JSON has them compiled in); ${classify(na, nb)}`;
        else if (stale) cause = `stale compiled JSON: the Bicep file changed after compilation (${stale}); ${classify(na, nb)}`;
        else if (notText) cause = `load*() file not read (${notText}); ${classify(na, nb)}`;
        else if (stable(withoutRuntimeSymbols(withoutDependsOnExisting(na, nb))) === stable(withoutRuntimeSymbols(withoutDependsOnExisting(nb, nb)))) {
          // languageVersion 2.0 forms of the same deployment (the two are checked in this order).
          cause =
            stable(withoutDependsOnExisting(na, nb)) === stable(withoutDependsOnExisting(nb, nb))
              ? 'dependsOn an existing resource, kept by languageVersion 2.0 JSON, left out by 1.0 JSON and the lowered Bicep (Azure/bicep#13595)'
              : 'runtime value labels differ (reference() by symbolic name vs by resourceId(); both are unknown runtime state)';
          if (cause.startsWith('runtime') && stable(withoutRuntimeSymbols(na)) !== stable(withoutRuntimeSymbols(nb))) cause += '; also dependsOn an existing resource, kept by languageVersion 2.0 JSON';
        } else if (onlyUnresolvedInJson(na, nb)) {
          cause = 'dependsOn the JSON cannot resolve (names unknown at lint time) that the lowered Bicep resolves by symbolic name';
        } else if (generator !== 'dev' && /"\w+": "\[if\([^"]*createObject\('value'/.test(readFileSync(path.join(root, json), 'utf8'))) {
          cause = `module parameter written by the older Bicep that compiled the JSON (${generator ?? '?'}) as one if(..., createObject('value', ...), ...) expression; ${classify(na, nb)}`;
        } else if (generator && generator !== 'dev' && stable(withoutDependsOn(na)) === stable(withoutDependsOn(nb))) {
          // Implicit dependencies changed between compiler versions (e.g. 0.5.x did not depend on an
          // existing parent's own parent; 0.17 did not depend on an ancestor the body refers to).
          cause = `implicit dependsOn rules of the older Bicep that compiled the JSON (${generator}); only dependsOn edges differ${setAside ? ', once values of load*() files missing from the corpus are set aside' : ''}`;
        } else if (missing) cause = `file of a load*() function not in the corpus (${missing}); ${classify(na, nb)}`;
        else cause = classify(na, nb);
      }
    }
    if (cause) {
      const general = /^(stale|file of|registry|load\*\(\) file not read|implicit dependsOn|module parameter written|dependsOn an existing|runtime value labels)/.test(cause) ? cause.replace(/ \(.*$/, '') : cause.replace(/\(.*$/, '').replace(/ of .*$/, '').trim();
      const list = causes.get(general) ?? [];
      list.push(`${bicep}: ${cause}`);
      causes.set(general, list);
    }
  }
  const pct = total ? (100 * equal) / total : 100;
  console.log(`corpus-parity: ${corpus}${list.label}`);
  console.log(`  pairs: ${total}; equal graphs: ${equal} (${pct.toFixed(1)}%, target >= 95%); ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (equalSetAside) {
    console.log(`  of which ${equalSetAside} equal once the values of load*() files missing from the corpus are set aside (strictly equal: ${equal - equalSetAside}, ${((100 * (equal - equalSetAside)) / total).toFixed(1)}%)`);
  }
  for (const [cause, list] of [...causes].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${String(list.length).padStart(4)}  ${cause}`);
    for (const item of list.slice(0, verbose ? list.length : 3)) console.log(`          ${item}`);
  }
  if (pct < 95) failedTarget = true;
  }
}
console.log(`  crashes: ${crashes}`);
process.exitCode = crashes > 0 ? 1 : failedTarget && process.env.PARITY_STRICT === '1' ? 1 : 0;
