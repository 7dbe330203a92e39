// Loads a .bicepparam file: `using 'main.bicep'` (or `using none`) and `param x = <expr>`
// assignments. Values are lowered like template expressions, with the file's variables (and
// imported ones) inlined, because they are evaluated later in a scope without a template.
import path from 'node:path';
import { DiagnosticSink, type Diagnostic } from '../model/diagnostic.js';
import type { SourceText } from '../model/source.js';
import { TextSpan, type Span } from '../model/span.js';
import type { TNode } from '../model/template.js';
import { Loader, type BicepHost } from './load.js';
import { FileLowerer } from './lower.js';
import { parseBicepParams } from './parser.js';

export interface BicepParams {
  /** The template named by `using` (absolute); undefined for `using none` or no `using`. */
  templatePath: string | undefined;
  values: Map<string, { node: TNode; span: Span }>;
  diagnostics: Diagnostic[];
}

export function loadBicepParams(source: SourceText, host: BicepHost): BicepParams {
  const sink = new DiagnosticSink();
  const parsed = parseBicepParams(source, host.limits?.maxJsonDepth);
  for (const d of parsed.diagnostics) sink.add(d);
  let templatePath: string | undefined;
  for (const s of parsed.program.statements) {
    if (s.kind === 'Using' && !s.none && s.path) {
      const rel = s.path.expressions.length === 0 ? (s.path.value ?? s.path.segments.join('')) : undefined;
      if (rel === undefined) sink.add({ code: 'invalid-template', message: "the 'using' path must be a literal string", span: new TextSpan(source, s.path.start, s.path.end) });
      else if (/^(br|ts)[:/]/i.test(rel)) {
        sink.add({ code: 'note', message: `the template '${rel}' is in a registry and is not fetched`, span: new TextSpan(source, s.path.start, s.path.end) });
      } else templatePath = path.resolve(path.dirname(source.path), rel);
    }
  }
  const loader = new Loader(host, sink);
  loader.stack.push(path.resolve(source.path));
  let values = new Map<string, { node: TNode; span: Span }>();
  try {
    values = new FileLowerer(source, sink, parsed.program, { modules: loader, inlineVariables: true }).lowerParameterAssignments();
  } catch (e) {
    sink.add({ code: 'internal-error', message: `internal error while lowering Bicep parameters: ${e instanceof Error ? e.message : String(e)}`, span: new TextSpan(source, 0, 0) });
  }
  return { templatePath, values, diagnostics: sink.items };
}
