// The ARM template expression syntax tree. ARM JSON strings of the form "[...]" parse into it, and
// the Bicep front end lowers Bicep expressions into it, so the evaluator has one input language.
// Offsets are relative to the owning TExpr's span (see model/template.ts): for ARM JSON they index
// the decoded string value, for Bicep they are offsets in the .bicep file relative to that span.

export interface NodeBase {
  start: number;
  end: number;
}

/** A string, integer, boolean or null literal (ARM spells true/false/null as calls; Bicep lowering may use literals). */
export interface Literal extends NodeBase {
  k: 'lit';
  value: string | number | boolean | null;
  /** An integer literal beyond 2^53, exactly (`value` is the nearest number, which it is not). */
  exact?: bigint;
}

/** A function call, optionally namespaced (`ns.fn(...)`, `__bicep.fn(...)`). */
export interface Call extends NodeBase {
  k: 'call';
  ns: string | undefined;
  name: string;
  args: Expr[];
}

/** Property access `obj.name`. */
export interface Member extends NodeBase {
  k: 'member';
  obj: Expr;
  name: string;
}

/** Index access `obj[index]`. */
export interface Index extends NodeBase {
  k: 'index';
  obj: Expr;
  index: Expr;
}

export type Expr = Literal | Call | Member | Index;

/** Whether `test` holds for a call anywhere in `e` (arguments and lambda bodies included). */
export function someCall(e: Expr, test: (c: Call) => boolean): boolean {
  switch (e.k) {
    case 'lit':
      return false;
    case 'member':
      return someCall(e.obj, test);
    case 'index':
      return someCall(e.obj, test) || someCall(e.index, test);
    case 'call':
      return test(e) || e.args.some((a) => someCall(a, test));
  }
}
