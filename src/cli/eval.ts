// `vtaplint eval TEMPLATE [--parameters FILE] [-p name=value]`: evaluates an ARM template's
// outputs and prints them as {"outputs": {"name": {"type": ..., "value": ...}}}. Values known only
// at deployment print as {"$unknown": "why"}; secure values are never printed.
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { DiagnosticSink } from '../model/diagnostic.js';
import { TextSpan } from '../model/span.js';
import type { TNode } from '../model/template.js';
import type { DeploymentContext } from '../expr/context.js';
import { fromJson, toJson } from '../expr/ops.js';
import { loadArmTemplate } from '../load/arm-json.js';
import { readSource } from '../load/read.js';
import { TemplateScope, type SuppliedParameter } from '../deploy/scope.js';
import { readParameterFile } from '../deploy/parameters.js';

export interface EvalOptions {
  template: string;
  parameterFiles: string[];
  /** -p name=value: the value is JSON when it parses as JSON, otherwise a string. */
  params: Record<string, string>;
  context?: DeploymentContext;
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
  const read = readSource(path.resolve(opts.template), 'arm');
  if (!read.ok) {
    sink.add(read.diagnostic);
    return done(2);
  }
  if (/\.bicep(param)?$/i.test(opts.template)) {
    sink.add({ code: 'invalid-template', message: 'eval takes an ARM JSON template (compile Bicep files with `bicep build` first).', span: new TextSpan(read.source, 0, 0) });
    return done(2);
  }
  const loaded = loadArmTemplate(read.source);
  for (const d of loaded.diagnostics) sink.add(d);
  if (loaded.root === undefined) return done(2);

  const supplied = new Map<string, SuppliedParameter>();
  for (const f of opts.parameterFiles) if (!readParameterFile(f, supplied, sink)) return done(2);
  for (const [name, text] of Object.entries(opts.params)) supplied.set(name, { value: fromJson(parseCliValue(text)) });

  const scope = new TemplateScope(loaded.root as TNode, loaded.span, { parameters: supplied, deployment: opts.context, diagnostics: sink });
  const outputs = Object.create(null) as Record<string, unknown>;
  for (const o of scope.outputs()) outputs[o.name] = { type: o.type ?? null, value: toJson(o.value) };
  const output = `${JSON.stringify({ outputs }, null, 2)}\n`;
  const failed = sink.items.some((d) => d.code === 'invalid-template' || d.code === 'evaluation-error');
  return done(failed ? 1 : 0, output);
}
