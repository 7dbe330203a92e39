// What a part of an expression read: the parameters and variables named inside one span of it.
//
// The deploy stage remembers the parameters each evaluated expression read as one set, at the
// expression's span (TemplateScope.readsAt): per part would cost every expression on the hot
// path. A finding about a value built inside an expression (an argument of createObject() or
// createArray(); in Bicep an object or array written inside a call, a spread or a ternary:
// `union(defaults, { destinationPort: port })`) is at a span inside the expression, so its
// supplied sources are found here instead, from the syntax tree, only when a finding asks.
import type { Expr } from '../expr/ast.js';
import { TextSpan, type Span } from '../model/span.js';
import type { TExpr } from '../model/template.js';

/** An evaluated expression that read parameters, as TemplateScope keeps it. */
export interface ExpressionReads {
  span: Span;
  reads: ReadonlySet<string>;
  /** The expression: an ARM expression string (its parts' offsets are relative to `span`) or a lowered Bicep one. */
  expr: string | TExpr | undefined;
}

/**
 * The names read by the calls `parameters('...')` and `variables('...')` inside `part`, in the
 * order they are written (a Bicep parameter or variable reference is lowered to such a call);
 * and, when the part is in a branch of `if()` (a Bicep ternary), those its condition reads: the
 * value that chose the branch (`encryption: enableEncryption ? { enabled: true } : null`).
 */
export function namesReadIn(ast: Expr, base: Span, part: Span): { parameters: string[]; variables: string[] } {
  const out = { parameters: [] as string[], variables: [] as string[] };
  // Iterative: the tree is as deep as the expression's nesting (the parser bounds it, but a walk
  // needs no stack of its own either). `all`: every name below counts (a deciding condition).
  const stack: { n: Expr; all: boolean }[] = [{ n: ast, all: false }];
  const found: { at: number; kind: 'parameters' | 'variables'; name: string }[] = [];
  while (stack.length > 0) {
    const { n, all } = stack.pop() as { n: Expr; all: boolean };
    switch (n.k) {
      case 'lit':
        break;
      case 'member':
        stack.push({ n: n.obj, all });
        break;
      case 'index':
        stack.push({ n: n.index, all }, { n: n.obj, all });
        break;
      case 'call': {
        const first = n.args[0];
        const name = n.ns === undefined ? n.name.toLowerCase() : '';
        if ((name === 'parameters' || name === 'variables') && n.args.length === 1 && first?.k === 'lit' && typeof first.value === 'string') {
          if (all || base.sub(n.start, n.end).within(part)) found.push({ at: n.start, kind: name, name: first.value });
          break;
        }
        const chosen = !all && name === 'if' && n.args.length === 3 && n.args.slice(1).some((b) => part.within(base.sub(b.start, b.end)));
        for (let i = n.args.length - 1; i >= 0; i--) stack.push({ n: n.args[i] as Expr, all: all || (chosen && i === 0) });
        break;
      }
    }
  }
  found.sort((a, b) => a.at - b.at);
  for (const f of found) out[f.kind].push(f.name);
  return out;
}

/**
 * Finds the expression a part of one lies in, among expressions that read parameters: by the
 * whole string for a part of an ARM expression string, by offsets for a Bicep expression (its
 * expressions do not nest: each is a property value or an element of its own). Built on the
 * first question, from the expressions remembered so far; later ones are added on the next.
 */
export class PartIndex {
  /** ARM expression strings by their span's identity. */
  private readonly byIdentity = new Map<string, ExpressionReads>();
  /** Bicep expressions by file, sorted by start offset. */
  private readonly byFile = new Map<string, { start: number; end: number; e: ExpressionReads }[]>();
  private indexed = 0;

  constructor(private readonly all: readonly ExpressionReads[]) {}

  /** The expression `part` is a proper part of, or undefined. */
  containing(part: Span): ExpressionReads | undefined {
    this.update();
    const whole = part.whole;
    if (whole !== undefined) return this.byIdentity.get(whole.identity());
    if (!(part instanceof TextSpan)) return undefined;
    const list = this.byFile.get(part.file.path);
    if (!list) return undefined;
    // The last expression starting at or before the part: the only one that can hold it.
    let lo = 0;
    let hi = list.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as { start: number }).start <= part.start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const hit = list[at];
    return hit && hit.end >= part.end && !(hit.start === part.start && hit.end === part.end) ? hit.e : undefined;
  }

  private update(): void {
    if (this.indexed === this.all.length) return;
    const touched = new Set<string>();
    for (; this.indexed < this.all.length; this.indexed++) {
      const e = this.all[this.indexed] as ExpressionReads;
      if (e.expr === undefined) continue;
      if (e.span instanceof TextSpan) {
        const path = e.span.file.path;
        let list = this.byFile.get(path);
        if (!list) this.byFile.set(path, (list = []));
        list.push({ start: e.span.start, end: e.span.end, e });
        touched.add(path);
      } else this.byIdentity.set(e.span.identity(), e);
    }
    for (const path of touched) this.byFile.get(path)?.sort((a, b) => a.start - b.start);
  }
}
