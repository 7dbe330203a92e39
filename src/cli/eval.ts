// `vtaplint eval TEMPLATE [--parameters FILE] [-p name=value]`: evaluates a template's outputs
// and prints them as {"outputs": {"name": {"type": ..., "value": ...}}}. TEMPLATE is ARM JSON, a
// .bicep file (lowered as the lint lowers it) or a .bicepparam file (its template, with its
// values). Values known only at deployment print as {"$unknown": "why"}; secure values are never
// printed.
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { DiagnosticSink } from '../model/diagnostic.js';
import { TextSpan, type Span } from '../model/span.js';
import type { SourceText } from '../model/source.js';
import { isTObject, type TNode } from '../model/template.js';
import type { DeploymentContext } from '../expr/context.js';
import { DEFAULT_LIMITS, type Limits } from '../model/limits.js';
import { UNKNOWN_PROPERTIES, toJson } from '../expr/ops.js';
import { ObjectValue, type Value } from '../expr/value.js';
import { parseBicep } from '../bicep/parser.js';
import { loadArmTemplate } from '../load/arm-json.js';
import { classifyJson } from '../load/classify.js';
import { readSource } from '../load/read.js';
import { associatedParameterFile, environmentParameterTemplate, type SuppliedParameters } from '../deploy/parameters.js';
import { bicepDeployment, deployTemplate, suppliedFromFiles, type AnalyzeOptions } from '../engine/analyze.js';

export interface EvalOptions {
  template: string;
  /** The folder being linted: a parameters file the config maps is read only inside it. */
  root?: string | undefined;
  /** The config's parameters file for this template (before --parameters). */
  mappedParameterFile?: string | undefined;
  parameterFiles: string[];
  /** -p name=value: the value is JSON when it parses as JSON, otherwise a string. */
  params: Record<string, string>;
  context?: DeploymentContext;
  /** The config's limits (the defaults when absent). */
  limits?: Limits | undefined;
}

export interface EvalResult {
  output: string;
  /** 0: evaluated; 1: the template has errors ARM would reject; 2: a file could not be read or parsed. */
  exitCode: number;
  diagnostics: Diagnostic[];
}

/** Evaluates the outputs of a template (ARM JSON, .bicep or .bicepparam) with the given parameter values. */
export async function evalCommand(opts: EvalOptions): Promise<EvalResult> {
  await Promise.resolve();
  const sink = new DiagnosticSink();
  const done = (exitCode: number, output = ''): EvalResult => ({ output, exitCode, diagnostics: sink.items });
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const file = path.resolve(opts.template);
  const read = readSource(file, 'arm', limits);
  if (!read.ok) {
    sink.add(read.diagnostic);
    return done(2);
  }
  // What the lint reads and deploys, with the same parameter values: x.parameters.json beside
  // x.json, the config's mapped file, --parameters files, then -p values (after a .bicepparam
  // file's own).
  const analyze: AnalyzeOptions = {
    root: opts.root ?? path.dirname(file),
    deployment: opts.context ?? {},
    mappedParameterFile: opts.mappedParameterFile,
    parameterFiles: opts.parameterFiles,
    // One template: its --parameters files are its own, as for a lint of it alone.
    parameterFilesBelong: true,
    params: opts.params,
    explicit: true,
    limits,
  };
  const isBicep = /\.bicep(param)?$/i.test(file);
  let template: { source: SourceText; root: TNode; span: Span; parameters: SuppliedParameters };
  let environment: { template: string; source: SourceText } | undefined;
  if (isBicep) {
    const d = bicepDeployment(file, analyze);
    if (d.kind === 'skipped') sink.add({ code: 'invalid-template', message: "the file names no template ('using')", span: new TextSpan(read.source, 0, 0) });
    if (d.kind !== 'template') {
      for (const x of d.kind === 'broken' ? d.diagnostics : []) sink.add(x);
      return done(2);
    }
    for (const x of d.diagnostics) sink.add(x);
    // A template that does not parse is not evaluated: exit 2, as for JSON that does not parse
    // (an error of meaning, such as an unknown function, is evaluated and exits 1).
    // (A .bicepparam file's template may be ARM JSON: its own parse errors are among d.diagnostics' above.)
    if (d.language === 'bicep' && parseBicep(d.source, limits.maxJsonDepth).diagnostics.some((x) => x.code === 'invalid-template')) return done(2);
    template = d;
  } else {
    let loaded = loadArmTemplate(read.source, limits);
    for (const d of loaded.diagnostics) sink.add(d);
    if (loaded.root === undefined) return done(2);
    // An environment's parameters file (azuredeploy.parameters.prod.json) evaluates its template
    // with its values, as the lint lints it and as a .bicepparam file is evaluated.
    const environmentOf = classifyJson(loaded.root) === 'parameters' ? environmentParameterTemplate(file) : undefined;
    if (environmentOf !== undefined) {
      const t = readSource(environmentOf, 'arm', limits);
      if (!t.ok) {
        sink.add(t.diagnostic);
        return done(2);
      }
      loaded = loadArmTemplate(t.source, limits);
      for (const d of loaded.diagnostics) sink.add(d);
      if (loaded.root === undefined) return done(2);
      environment = { template: environmentOf, source: t.source };
    }
    // JSON that is not a template has no outputs to evaluate: printing {"outputs": {}} with exit 0
    // read as "evaluated, nothing to show" (`vtaplint eval azuredeploy.parameters.json`, a
    // package.json). An ARM parameters file, or JSON with neither resources nor outputs, is said
    // and exits 2, as `graph` does; a template sketch without $schema (resources or outputs) is
    // still evaluated.
    const notTemplate = notATemplate(loaded.root);
    if (notTemplate) {
      sink.add({ code: 'invalid-template', message: notTemplate, span: new TextSpan(read.source, 0, 0) });
      return done(2);
    }
    template = environment
      ? { source: environment.source, root: loaded.root, span: loaded.span, parameters: suppliedFromFiles(environment.template, analyze, sink, file) }
      : { source: read.source, root: loaded.root, span: loaded.span, parameters: suppliedFromFiles(file, analyze, sink, true) };
  }
  // A parameters file that cannot be read or parsed stops the evaluation.
  const parameterFiles = [isBicep ? undefined : environment ? file : associatedParameterFile(file), opts.mappedParameterFile, ...opts.parameterFiles];
  const given = new Set(parameterFiles.filter((f): f is string => f !== undefined).map((f) => path.resolve(f)));
  if (sink.items.some((x) => given.has(path.resolve(x.span.file.path)))) return done(2);

  // Deployed as the lint deploys it, so that reference() of a nested deployment or module gives
  // its outputs, and every expression of the template is checked.
  const deployed = deployTemplate(template.source, template.root, template.span, template.parameters, analyze);
  const outputs = Object.create(null) as Record<string, unknown>;
  // An integer beyond 2^53 whose digits are known prints as those digits, as ARM prints it (a JS
  // number would print a nearby one): a placeholder no template string can contain, replaced after.
  const tag = `\u0000int${process.hrtime.bigint().toString(36)}:`;
  const exactInt = (digits: string) => `${tag}${digits}`;
  // An output whose condition is only known at deployment may not be there: said beside its value.
  for (const o of deployed.scope?.outputs() ?? []) outputs[o.name] = { type: o.type ?? null, value: outputJson(o.value, exactInt), ...(o.condition ? { condition: toJson(o.condition) } : {}) };
  for (const d of deployed.diagnostics) sink.add(d);
  const placeholder = new RegExp(`"${JSON.stringify(tag).slice(1, -1).replaceAll('\\', '\\\\')}(-?\\d+)"`, 'g');
  const output = `${JSON.stringify({ outputs }, null, 2).replace(placeholder, '$1')}\n`;
  // A diagnostic below error (a read that fails only if a resource is missing in Azure) fails nothing.
  // (A -p name the template does not declare is among them: ARM's rejection, as in the lint.)
  const failed = sink.items.some((d) => (d.code === 'invalid-template' || d.code === 'evaluation-error') && !d.level);
  return done(failed ? 1 : 0, output);
}

/** Why JSON is not a template eval (or graph) can evaluate, or undefined when it is one. */
export function notATemplate(root: TNode): string | undefined {
  const kind = classifyJson(root);
  if (kind === 'template') return undefined;
  if (kind === 'parameters') return 'this is an ARM parameters file, not a template: name the template it gives values to (x.parameters.json beside x.json is used with it, x.parameters.<env>.json with x.json; otherwise name it with --parameters)';
  const sections = isTObject(root) ? Object.keys(root).map((k) => k.toLowerCase()) : [];
  if (sections.includes('resources') || sections.includes('outputs')) return undefined;
  return 'this is not an ARM template: it has no $schema naming deploymentTemplate.json, no resources and no outputs';
}

/** Deepest nesting printed: JSON.stringify and the conversion recurse, and a value can be built deeper than the stack holds. */
export const MAX_PRINT_DEPTH = 2048;
export const TOO_DEEP_TO_PRINT = `the value is nested more than ${MAX_PRINT_DEPTH} levels deep, too deep to print`;

/**
 * An output's value as eval prints it (toJson), with what lies deeper than MAX_PRINT_DEPTH printed
 * as an unknown: reduce() wrapping an array in an array 20,000 times made eval fail with 'internal
 * error: Maximum call stack size exceeded' and print nothing.
 */
function outputJson(v: Value, exactInt: (digits: string) => unknown, depth = 0): unknown {
  const container = Array.isArray(v) || v instanceof ObjectValue;
  if (!container) return toJson(v, exactInt);
  if (depth >= MAX_PRINT_DEPTH) return { $unknown: TOO_DEEP_TO_PRINT };
  if (Array.isArray(v)) {
    // A loop, not map(): one stack frame a level.
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = outputJson(v[i] as Value, exactInt, depth + 1);
    return out;
  }
  const o = Object.create(null) as Record<string, unknown>;
  for (const [k, x] of (v as ObjectValue).entries()) o[k] = outputJson(x, exactInt, depth + 1);
  const partial = (v as ObjectValue).partial;
  if (partial?.open) o[UNKNOWN_PROPERTIES] = partial.reason.message;
  return o;
}
