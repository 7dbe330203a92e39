// TEMPORARY: evaluates literal template values only, until the expression evaluator is wired in.
import { DiagnosticSink } from '../model/diagnostic.js';
import type { Span } from '../model/span.js';
import { TExpr, isTObject, type TNode } from '../model/template.js';
import { ObjectValue, Unknown, setElementSpans, type Value } from '../expr/value.js';
import type { NodeEvaluator } from './evaluator.js';

export class LiteralEvaluator implements NodeEvaluator {
  readonly diagnostics = new DiagnosticSink();

  evaluateNode(node: TNode, span: Span): Value {
    if (node instanceof TExpr) return new Unknown({ code: 'unsupported', message: 'expression', span });
    if (typeof node === 'string') {
      if (node.startsWith('[[')) return node.slice(1);
      if (node.startsWith('[') && node.endsWith(']')) return new Unknown({ code: 'unsupported', message: `expression ${node}`, span });
      return node;
    }
    if (Array.isArray(node)) {
      const out = node.map((n, i) => this.evaluateNode(n, span.child(node, i)));
      setElementSpans(out, node.map((_, i) => span.child(node, i)));
      return out;
    }
    if (isTObject(node)) {
      const o = new ObjectValue();
      o.span = span;
      for (const k of Object.keys(node)) o.set(k, this.evaluateNode(node[k] as TNode, span.child(node, k)), span.child(node, k), span.keySpan(node, k));
      return o;
    }
    return node;
  }
}
