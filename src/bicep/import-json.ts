// A compile-time import from an ARM JSON template (`import {foo} from 'shared.json'`, `import * as
// x from 'shared.json'`): the template read as the library the compiler reads it as. What it
// exports is marked as the Bicep compiler marks it when it compiles `@export()`: variables are
// listed in the template's `metadata.__bicep_exported_variables!`, types (`definitions`) and
// functions (members of the `__bicep` namespace) carry `metadata.__bicep_export!: true`. The
// imported symbols get the template's values: its variables (and those they use, which the
// compiler copies along under names of their own), its `copy` variables, its functions.
// Expressions become the lowered form Bicep files lower to (TExpr), so the importing file renames
// and follows them as it does a Bicep library's.
import type { Expr } from '../expr/ast.js';
import { parseTemplateString } from '../expr/parser.js';
import type { Span } from '../model/span.js';
import { TExpr, isTObject, own, setOwn, type TNode, type TObject } from '../model/template.js';
import type { LoweredFile } from './lower.js';

const EXPORTED_VARIABLES = '__bicep_exported_variables!';
const EXPORTED = '__bicep_export!';
/** The namespace the compiler puts a Bicep file's functions in. */
const BICEP_NAMESPACE = '__bicep';
/** Deepest JSON value converted (loadJson already refused deeper files). */
const MAX_DEPTH = 2048;

/** The library an ARM JSON template is to a Bicep file that imports from it. */
export function jsonLibrary(root: TObject, span: Span): LoweredFile {
  const exported = new Set<string>();
  const metadata = own(root, 'metadata');
  const listed = isTObject(metadata) ? own(metadata, EXPORTED_VARIABLES) : undefined;
  if (Array.isArray(listed)) {
    for (const e of listed) {
      const name = isTObject(e) ? own(e, 'name') : undefined;
      if (typeof name === 'string') exported.add(name);
    }
  }
  const definitions = own(root, 'definitions');
  if (isTObject(definitions)) {
    for (const name of Object.keys(definitions)) if (isExported(definitions[name])) exported.add(name);
  }

  const variables: LoweredFile['variables'] = new Map();
  const varsSpan = span.child(root, 'variables');
  const section = own(root, 'variables');
  if (isTObject(section)) {
    for (const name of Object.keys(section)) {
      const node = section[name] as TNode;
      const at = varsSpan.child(section, name);
      if (name.toLowerCase() === 'copy' && Array.isArray(node)) {
        // Variable copy loops: each a variable of its own, kept in the form ARM evaluates.
        node.forEach((entry, i) => {
          const loop = isTObject(entry) ? own(entry, 'name') : undefined;
          if (typeof loop !== 'string') return;
          const eSpan = at.child(node, i);
          const vars = new Set<string>();
          variables.set(loop, { node: lowered(entry, eSpan, vars, 0), span: eSpan, keySpan: eSpan, vars, copy: true });
        });
        continue;
      }
      const vars = new Set<string>();
      variables.set(name, { node: lowered(node, at, vars, 0), span: at, keySpan: at, vars });
    }
  }

  const functions: LoweredFile['functions'] = new Map();
  const fnSection = own(root, 'functions');
  if (Array.isArray(fnSection)) {
    const fnSpan = span.child(root, 'functions');
    fnSection.forEach((nsNode, i) => {
      if (!isTObject(nsNode) || own(nsNode, 'namespace') !== BICEP_NAMESPACE) return;
      const members = own(nsNode, 'members');
      if (!isTObject(members)) return;
      const mSpan = fnSpan.child(fnSection, i).child(nsNode, 'members');
      for (const name of Object.keys(members)) {
        const f = members[name] as TNode;
        if (!isTObject(f)) continue;
        if (isExported(f)) exported.add(name);
        const at = mSpan.child(members, name);
        const vars = new Set<string>();
        functions.set(name, { node: lowered(f, at, vars, 0) as TObject, span: at, vars });
      }
    });
  }
  return { root, variables, functions, exported, types: new Map(), fromJson: true };
}

function isExported(n: TNode | undefined): boolean {
  const metadata = isTObject(n) ? own(n, 'metadata') : undefined;
  return isTObject(metadata) && own(metadata, EXPORTED) === true;
}

/**
 * A template value with its expressions parsed (TExpr, evaluated as the string would be), and
 * the variables they read added to `vars`. Literal strings stay as written (`[[` escapes
 * included), as do strings that do not parse (their error is reported where they are evaluated).
 */
function lowered(n: TNode, span: Span, vars: Set<string>, depth: number): TNode {
  if (depth > MAX_DEPTH) return n;
  if (typeof n === 'string') {
    const p = parseTemplateString(n);
    if (p.kind !== 'expr') return n;
    collectVariables(p.ast, vars);
    return new TExpr(p.ast, span);
  }
  if (n === null || typeof n !== 'object' || n instanceof TExpr) return n;
  if (Array.isArray(n)) return n.map((x, i) => lowered(x, span.child(n, i), vars, depth + 1));
  const out: TObject = {};
  for (const k of Object.keys(n)) setOwn(out, k, lowered(n[k] as TNode, span.child(n, k), vars, depth + 1));
  return out;
}

function collectVariables(e: Expr, vars: Set<string>): void {
  switch (e.k) {
    case 'lit':
      return;
    case 'member':
      collectVariables(e.obj, vars);
      return;
    case 'index':
      collectVariables(e.obj, vars);
      collectVariables(e.index, vars);
      return;
    case 'call': {
      const first = e.args[0];
      if (e.ns === undefined && e.name.toLowerCase() === 'variables' && first?.k === 'lit' && typeof first.value === 'string') vars.add(first.value);
      for (const a of e.args) collectVariables(a, vars);
    }
  }
}
