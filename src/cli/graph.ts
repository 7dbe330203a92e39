// `vtaplint graph FILE`: prints the deployed resource graph (JSON, or text for people). Positions
// and files sit under `source` keys; drop them to compare two graphs of one deployment.
import path from 'node:path';
import { analyzeFile, diagnosticsNow } from '../engine/analyze.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { DeploymentContext } from '../expr/context.js';
import { graphParts, type Json } from '../graph/export.js';
import { DEFAULT_LIMITS, type Limits } from '../model/limits.js';
import { writeWithArray } from '../report/streamed-json.js';
import { loadArmTemplate } from '../load/arm-json.js';
import { readSource } from '../load/read.js';
import { notATemplate } from './eval.js';

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

/** Why JSON that is no template is not one, as eval says it (a parameters file: which template to name). */
function whyNot(file: string): string {
  if (!/\.jsonc?$/i.test(file)) return '';
  const read = readSource(file, 'arm');
  const root = read.ok ? loadArmTemplate(read.source).root : undefined;
  const why = root === undefined ? undefined : notATemplate(root);
  return why === undefined ? '' : `: ${why}`;
}

/** What Azure would reject (the codes that make `eval` exit with 1 too). */
const REJECTED = new Set(['invalid-template', 'evaluation-error']);

/**
 * Writes the graph with `write`, a resource at a time (JSON.stringify(graph, null, 2) or the text
 * form, the same text either way): a large graph is never one string (V8 caps a string at about
 * 512 MB) nor whole as objects. Edges beyond maxGraphEdges are left out, and that is said among
 * the problems (limit-exceeded, with where the first edge left out comes from).
 */
export function graphCommand(opts: GraphOptions, write: (chunk: string) => void): { exitCode: number; error?: string; problems: Diagnostic[] } {
  const file = path.resolve(opts.cwd, opts.file);
  const a = analyzeFile(file, { root: opts.root, deployment: opts.deployment, mappedParameterFile: opts.mappedParameterFile, parameterFiles: opts.parameterFiles, params: opts.params, explicit: true, limits: opts.limits });
  // A file that cannot be read or parsed: exit 2, as for eval, with where and why.
  if (a.kind === 'broken') return { exitCode: 2, problems: a.diagnostics };
  if (a.kind !== 'template') return { exitCode: 2, error: `${opts.file} is not a template vtaplint can analyse${whyNot(file)}`, problems: [] };
  const rel = (f: string) => path.relative(opts.root, f).replaceAll('\\', '/');
  const maxEdges = (opts.limits ?? DEFAULT_LIMITS).maxGraphEdges;
  const parts = graphParts(a.graph, { relativeTo: rel }, maxEdges);
  if (opts.format === 'json') writeWithArray(parts.head, 'resources', 1, parts.resources, write);
  else writeGraphText(parts.head, parts.resources, write);
  // After the graph is built: it evaluates every resource, and what Azure would reject on the
  // way is said (exit code 1, as for eval), with the graph printed all the same.
  // Limits reached are said too (part of the template is not in the graph), without failing.
  const hit = parts.limit();
  // The dependency edges the analysis keeps stop at the same limit (ResourceGraph.orderCut):
  // said once, as what the printed graph leaves out.
  const problems = diagnosticsNow(a).filter((d) => (REJECTED.has(d.code) || d.code === 'limit-exceeded') && !(hit && d === a.graph.orderCut));
  if (hit) problems.push({ code: 'limit-exceeded', message: `the graph has more than ${hit.max} edges; the edges from here on are left out (limit maxGraphEdges)`, span: hit.span });
  const exitCode = problems.some((d) => REJECTED.has(d.code) && !d.level) ? 1 : 0;
  return { exitCode, problems };
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

/** One block per resource: id, type, state, location, then its edges; then unresolved dependsOn. */
function writeGraphText(head: Obj, resources: Iterable<Json>, write: (chunk: string) => void): void {
  let written = false;
  for (const json of resources) {
    written = true;
    const r = json as Obj;
    const lines: string[] = [];
    const src = r.source as Obj;
    lines.push(`${r.id as string}`);
    lines.push(`  type ${r.type as string}@${String(r.apiVersion ?? '?')}  state ${r.state as string}  location ${short(r.location ?? null)}  (${src.file as string}:${src.line as number}:${src.column as number})`);
    for (const e of r.edges as Obj[]) lines.push(`  -> ${e.kind as string} ${e.to as string}${e.sub ? `/${e.sub as string}` : ''}${e.path ? `  via ${e.path as string}` : ''}`);
    write(`${lines.join('\n')}\n`);
  }
  const unresolved = head.unresolvedDependsOn as Obj[];
  if (unresolved.length) {
    const lines = ['', 'unresolved dependsOn:'];
    for (const u of unresolved) lines.push(`  ${u.from as string} -> ${short(u.value ?? null)}`);
    write(`${lines.join('\n')}\n`);
  } else if (!written) write('\n');
}
