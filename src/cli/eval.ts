// `vtaplint eval TEMPLATE [--parameters FILE] [-p name=value]`: evaluates a template's outputs
// and prints them as {"outputs": {"name": {"type": ..., "value": ...}}}. TEMPLATE is ARM JSON, a
// .bicep file (lowered as the lint lowers it) or a .bicepparam file (its template, with its
// values). Values known only at deployment print as {"$unknown": "why"}; secure values are never
// printed.
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { DiagnosticSink } from '../model/diagnostic.js';
import { TextSpan, type Span } from '../model/span.js';
import type { TNode } from '../model/template.js';
import { budgetLimits, type DeploymentContext } from '../expr/context.js';
import { DEFAULT_LIMITS, type Limits } from '../model/limits.js';
import { fromJson, toJson } from '../expr/ops.js';
import { loadArmTemplate } from '../load/arm-json.js';
import { readSource } from '../load/read.js';
import type { SuppliedParameter } from '../deploy/scope.js';
import { deployFile } from '../deploy/deploy.js';
import type { SourceText } from '../model/source.js';
import { associatedParameterFile, readParameterFile } from '../deploy/parameters.js';
import { bicepDeployment } from '../engine/analyze.js';

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

function parseCliValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}


/** Evaluates the outputs of a template (ARM JSON, .bicep or .bicepparam) with the given parameter values. */
export async function evalCommand(opts: EvalOptions): Promise<EvalResult> {
  await Promise.resolve();
  const sink = new DiagnosticSink();
  const done = (exitCode: number, output = ''): EvalResult => ({ output, exitCode, diagnostics: sink.items });
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const read = readSource(path.resolve(opts.template), 'arm', limits);
  if (!read.ok) {
    sink.add(read.diagnostic);
    return done(2);
  }
  let template: { source: SourceText; root: TNode; span: Span };
  const supplied = new Map<string, SuppliedParameter>();
  if (/\.bicep(param)?$/i.test(opts.template)) {
    // As the lint reads it: lowered, modules followed inside the root, parameter files and -p
    // values after a .bicepparam file's own.
    const file = path.resolve(opts.template);
    const d = bicepDeployment(file, {
      root: opts.root ?? path.dirname(file),
      deployment: opts.context ?? {},
      mappedParameterFile: opts.mappedParameterFile,
      parameterFiles: opts.parameterFiles,
      params: opts.params,
      explicit: true,
      limits,
    });
    if (d.kind === 'skipped') sink.add({ code: 'invalid-template', message: "the file names no template ('using')", span: new TextSpan(read.source, 0, 0) });
    if (d.kind !== 'template') {
      for (const x of d.kind === 'broken' ? d.diagnostics : []) sink.add(x);
      return done(2);
    }
    for (const x of d.diagnostics) sink.add(x);
    // A parameters file that cannot be read or parsed stops the evaluation, as for ARM JSON.
    const given = new Set([opts.mappedParameterFile, ...opts.parameterFiles].filter((f): f is string => f !== undefined).map((f) => path.resolve(f)));
    if (sink.items.some((x) => given.has(path.resolve(x.span.file.path)))) return done(2);
    template = { source: d.source, root: d.root, span: d.span };
    for (const [name, v] of d.parameters) supplied.set(name, v);
  } else {
    const loaded = loadArmTemplate(read.source, limits);
    for (const d of loaded.diagnostics) sink.add(d);
    if (loaded.root === undefined) return done(2);
    template = { source: read.source, root: loaded.root, span: loaded.span };
    // The same values as the lint: x.parameters.json beside x.json (inside the root), the config's
    // mapped file, --parameters files, then -p values.
    const associated = associatedParameterFile(path.resolve(opts.template));
    if (associated && !readParameterFile(associated, supplied, sink, { root: opts.root ?? path.dirname(associated), limits })) return done(2);
    if (opts.mappedParameterFile && !readParameterFile(opts.mappedParameterFile, supplied, sink, { root: opts.root, limits })) return done(2);
    for (const f of opts.parameterFiles) if (!readParameterFile(f, supplied, sink, { limits })) return done(2);
    for (const [name, text] of Object.entries(opts.params)) supplied.set(name, { value: fromJson(parseCliValue(text)) });
  }

  // Deployed as the lint deploys it, so that reference() of a nested deployment or module gives
  // its outputs, and every expression of the template is checked.
  const deployed = deployFile(template.source, template, {
    deployment: opts.context ?? {},
    parameters: supplied,
    root: opts.root ?? path.dirname(path.resolve(opts.template)),
    maxResources: limits.maxResources,
    maxDeploymentDepth: limits.maxDeploymentDepth,
    limits: budgetLimits(limits),
    fileLimits: limits,
  });
  const outputs = Object.create(null) as Record<string, unknown>;
  for (const o of deployed.scope?.outputs() ?? []) outputs[o.name] = { type: o.type ?? null, value: toJson(o.value) };
  for (const d of deployed.diagnostics) sink.add(d);
  const output = `${JSON.stringify({ outputs }, null, 2)}\n`;
  const failed = sink.items.some((d) => d.code === 'invalid-template' || d.code === 'evaluation-error');
  return done(failed ? 1 : 0, output);
}
