// `vtaplint graph FILE`: prints the deployed resource graph (JSON, or text for people). Positions
// and files sit under `source` keys; drop them to compare two graphs of one deployment.
import path from 'node:path';
import { analyzeFile, diagnosticsNow } from '../engine/analyze.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { DeploymentContext } from '../expr/context.js';
import { graphToJson, type Json } from '../graph/export.js';
import type { Limits } from '../model/limits.js';

export interface GraphOptions {
  file: string;
  cwd: string;
  root: string;
  format: 'json' | 'text';
  mappedParameterFile?: string | undefined;
  parameterFiles: string[];
  params: Record<string, string>;
  deployment: DeploymentContext;
  limits?: Limits | undefined;
}

/** What Azure would reject (the codes that make `eval` exit with 1 too). */
const REJECTED = new Set(['invalid-template', 'evaluation-error']);

export function graphCommand(opts: GraphOptions): { output: string; exitCode: number; error?: string; problems: Diagnostic[] } {
  const file = path.resolve(opts.cwd, opts.file);
  const a = analyzeFile(file, { root: opts.root, deployment: opts.deployment, mappedParameterFile: opts.mappedParameterFile, parameterFiles: opts.parameterFiles, params: opts.params, explicit: true, limits: opts.limits });
  // A file that cannot be read or parsed: exit 2, as for eval, with where and why.
  if (a.kind === 'broken') return { output: '', exitCode: 2, problems: a.diagnostics };
  if (a.kind !== 'template') return { output: '', exitCode: 2, error: `${opts.file} is not a template vtaplint can analyse`, problems: [] };
  const rel = (f: string) => path.relative(opts.root, f).replaceAll('\\', '/');
  const json = graphToJson(a.graph, { relativeTo: rel });
  // After the graph is built: it evaluates every resource, and what Azure would reject on the
  // way is said (exit code 1, as for eval), with the graph printed all the same.
  // Limits reached are said too (part of the template is not in the graph), without failing.
  const problems = diagnosticsNow(a).filter((d) => REJECTED.has(d.code) || d.code === 'limit-exceeded');
  const exitCode = problems.some((d) => REJECTED.has(d.code)) ? 1 : 0;
  if (opts.format === 'json') return { output: `${JSON.stringify(json, null, 2)}\n`, exitCode, problems };
  return { output: graphText(json), exitCode, problems };
}

type Obj = { [k: string]: Json };

function short(j: Json): string {
  if (j && typeof j === 'object' && !Array.isArray(j) && '$unknown' in j) {
    const u = j as Obj;
    if (Array.isArray(u.parts)) return u.parts.map((p) => (typeof p === 'string' ? p : `{${String((p as Obj).symbol ?? (p as Obj).$unknown)}}`)).join('');
    return `{${String(u.symbol ?? u.$unknown)}}`;
  }
  return typeof j === 'string' ? j : JSON.stringify(j);
}

/** One block per resource: id, type, state, location, then its edges. */
function graphText(json: Json): string {
  const lines: string[] = [];
  const doc = json as Obj;
  for (const r of doc.resources as Obj[]) {
    const src = r.source as Obj;
    lines.push(`${r.id as string}`);
    lines.push(`  type ${r.type as string}@${String(r.apiVersion ?? '?')}  state ${r.state as string}  location ${short(r.location ?? null)}  (${src.file as string}:${src.line as number}:${src.column as number})`);
    for (const e of r.edges as Obj[]) lines.push(`  -> ${e.kind as string} ${e.to as string}${e.sub ? `/${e.sub as string}` : ''}${e.path ? `  via ${e.path as string}` : ''}`);
  }
  const unresolved = doc.unresolvedDependsOn as Obj[];
  if (unresolved.length) {
    lines.push('', 'unresolved dependsOn:');
    for (const u of unresolved) lines.push(`  ${u.from as string} -> ${short(u.value ?? null)}`);
  }
  return `${lines.join('\n')}\n`;
}
