// `vtaplint eval TEMPLATE [--parameters FILE] [-p name=value]`: evaluates an ARM template's
// outputs and prints them as {"outputs": {"name": {"type": ..., "value": ...}}}. Values known only
// at deployment print as {"$unknown": "why"}; secure values are never printed.
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { DiagnosticSink } from '../model/diagnostic.js';
import { TextSpan } from '../model/span.js';
import type { TNode } from '../model/template.js';
import { Budget, budgetLimits, type DeploymentContext } from '../expr/context.js';
import { DEFAULT_LIMITS, type Limits } from '../model/limits.js';
import { fromJson, toJson } from '../expr/ops.js';
import { loadArmTemplate } from '../load/arm-json.js';
import { readSource } from '../load/read.js';
import { TemplateScope, type SuppliedParameter } from '../deploy/scope.js';
import { readParameterFile } from '../deploy/parameters.js';

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


/** Evaluates the outputs of an ARM template with the given parameter values. */
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
  if (/\.bicep(param)?$/i.test(opts.template)) {
    sink.add({ code: 'invalid-template', message: 'eval takes an ARM JSON template (compile Bicep files with `bicep build` first).', span: new TextSpan(read.source, 0, 0) });
    return done(2);
  }
  const loaded = loadArmTemplate(read.source, limits);
  for (const d of loaded.diagnostics) sink.add(d);
  if (loaded.root === undefined) return done(2);

  const supplied = new Map<string, SuppliedParameter>();
  if (opts.mappedParameterFile && !readParameterFile(opts.mappedParameterFile, supplied, sink, { root: opts.root, limits })) return done(2);
  for (const f of opts.parameterFiles) if (!readParameterFile(f, supplied, sink, { limits })) return done(2);
  for (const [name, text] of Object.entries(opts.params)) supplied.set(name, { value: fromJson(parseCliValue(text)) });

  const scope = new TemplateScope(loaded.root as TNode, loaded.span, { parameters: supplied, deployment: opts.context, diagnostics: sink, budget: new Budget(budgetLimits(limits)) });
  const outputs = Object.create(null) as Record<string, unknown>;
  for (const o of scope.outputs()) outputs[o.name] = { type: o.type ?? null, value: toJson(o.value) };
  const output = `${JSON.stringify({ outputs }, null, 2)}\n`;
  const failed = sink.items.some((d) => d.code === 'invalid-template' || d.code === 'evaluation-error');
  return done(failed ? 1 : 0, output);
}
