// The seam between the deployment stage and the expression evaluator: what deploy needs in
// order to turn template nodes into values (see src/deploy/scope.ts for the implementation).
import type { DiagnosticSink } from '../model/diagnostic.js';
import type { Span } from '../model/span.js';
import type { TNode } from '../model/template.js';
import type { Unknown, Value } from '../expr/value.js';

/** The copy loop a resource instance belongs to (copyIndex() inside it). */
export interface ResourceLoop {
  name: string;
  index: number | Unknown;
}

export interface NodeEvaluator {
  readonly diagnostics: DiagnosticSink;
  /** Evaluates a template value tree (objects, arrays, expressions, property copy loops). */
  evaluateNode(node: TNode, span: Span, loop?: ResourceLoop): Value;
  /**
   * Runs `f` (a resource body evaluated when first read) apart from the expression being
   * evaluated: the parameters it reads are not that expression's (see TemplateScope.isolated).
   */
  isolated<T>(f: () => T): T;
}
