// The parts of a copy-loop expression that are the same in every copy (EvalContext.invariants).
//
// An expression that never calls copyIndex() is evaluated once per loop (TemplateScope.inLoop).
// One that does varies as a whole, but its other parts need not: the Bicep compiler writes a loop
// `for i in range(0, 800)` as `range(0, 800)[copyIndex()]`, and ARM authors write
// `split(parameters('names'), ',')[copyIndex()]`. Evaluated afresh in each copy, such a part costs
// the loop's size squared (800 copies of an 800-element range). Its value is the same in every
// copy: the same template position, the same parameters and variables. So the largest parts that
// do not call copyIndex() are evaluated once, and the parameters they read are noted again each
// time they are used (the findings' "the value comes from" follow them).
import { someCall, type Expr } from '../expr/ast.js';
import type { InvariantParts } from '../expr/context.js';
import type { Value } from '../expr/value.js';

/** What evaluating a part read (parameters), collected and noted again (TemplateScope's tracking). */
export interface ReadTracking {
  collect(compute: () => Value): { value: Value; reads: ReadonlySet<string> };
  replay(reads: ReadonlySet<string>): void;
}

export class LoopInvariantParts implements InvariantParts {
  private readonly parts = new Set<Expr>();
  private readonly values = new Map<Expr, { value: Value; reads: ReadonlySet<string> }>();

  constructor(
    ast: Expr,
    private readonly reads: ReadTracking,
  ) {
    this.mark(ast);
  }

  /** Whether the expression worth remembering in this loop (and none containing it) is `n`. */
  has(n: Expr): boolean {
    return this.parts.has(n);
  }

  value(n: Expr, compute: () => Value): Value {
    const known = this.values.get(n);
    if (known !== undefined) {
      this.reads.replay(known.reads);
      return known.value;
    }
    const made = this.reads.collect(compute);
    this.values.set(n, made);
    return made.value;
  }

  /**
   * Whether `e` varies from copy to copy (calls copyIndex()); the largest parts of a varying
   * expression that do not vary are kept. Literals cost nothing to evaluate again, and a lambda
   * is left whole: its body runs with its own variables, never as a part of the loop's expression.
   */
  private mark(e: Expr): boolean {
    switch (e.k) {
      case 'lit':
        return false;
      case 'member':
        return this.markChildren([e.obj]);
      case 'index':
        return this.markChildren([e.obj, e.index]);
      case 'call':
        if (calls(e, 'copyindex')) return true;
        if (calls(e, 'lambda')) return callsCopyIndexIn(e);
        return this.markChildren(e.args);
    }
  }

  private markChildren(children: readonly Expr[]): boolean {
    const varies = children.map((c) => this.mark(c));
    if (!varies.includes(true)) return false;
    children.forEach((c, i) => {
      if (!varies[i] && c.k !== 'lit' && !calls(c, 'lambda')) this.parts.add(c);
    });
    return true;
  }
}

/** Whether `e` calls the built-in function `lower` (lowercase: ARM's names are case-insensitive). */
function calls(e: Expr, lower: string): boolean {
  return e.k === 'call' && e.ns === undefined && e.name.length === lower.length && e.name.toLowerCase() === lower;
}

/** Whether copyIndex() is called anywhere in `e` (a lambda's body included). */
export function callsCopyIndexIn(e: Expr): boolean {
  return someCall(e, (c) => calls(c, 'copyindex'));
}
