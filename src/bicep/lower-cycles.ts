// Cycles in a file's lowering (see lower.ts): variables that read each other, functions that call
// each other, and resources and modules that reference each other (BCP079, BCP080).
import { cyclesOf, cycleText } from '../model/cycles.js';
import { isTObject, own, type TObject } from '../model/template.js';
import type { LoweredFile } from './lower-symbols.js';
import { TypeChecks } from './lower-type-checks.js';
import type { FunctionCall, FunctionDeclaration, Node } from './syntax.js';

export abstract class CycleChecks extends TypeChecks {
  /**
   * BCP079/BCP080: a variable that reads itself, or variables that read each other in a cycle,
   * reported at each read that closes it, also when nothing reads them (the deploy stage sees a
   * cycle only when it evaluates one). Their values become unknown, so that evaluating them does
   * not report the cycle a second time.
   */
  protected checkVariableCycles(variables: TObject, varInfo: LoweredFile['variables']): void {
    const names = [...this.varRefs.keys()];
    const position = new Map(names.map((n, i) => [n, i]));
    const members = new Set<string>();
    for (const n of names) {
      const self = this.varRefs.get(n)?.variableAt.get(n);
      if (!self) continue;
      this.error(self, `the variable '${n}' reads itself (BCP079)`);
      members.add(n);
    }
    const edgesOf = (i: number): [number, Node][] =>
      [...(this.varRefs.get(names[i] as string)?.variableAt ?? [])].map(([v, at]) => [position.get(v) ?? -1, at]);
    for (const c of cyclesOf(names.length, edgesOf)) {
      const cycle = [...c.nodes, c.nodes[0] as number].map((i) => `'${names[i]}'`).join(' -> ');
      c.nodes.forEach((i, k) => {
        const from = names[i] as string;
        const to = names[c.nodes[(k + 1) % c.nodes.length] as number] as string;
        const at = this.varRefs.get(from)?.variableAt.get(to);
        if (at) this.error(at, `the variables read each other in a cycle: ${cycle} (BCP080)`);
        members.add(from);
      });
    }
    for (const n of members) {
      const decl = this.vars.get(n);
      const info = varInfo.get(n);
      if (!decl || !info) continue;
      const node = this.texpr(this.reported(decl.value));
      this.set(variables, n, node, decl.value, decl.name);
      varInfo.set(n, { ...info, node });
    }
  }

  /**
   * BCP079/BCP080 for user-defined functions: a `func` whose body calls itself, or functions that
   * call each other in a cycle, are the compiler's error at each call that closes it, also when
   * nothing calls them (ARM has no recursion: evaluating one only stopped at the nesting limit,
   * with a warning, and only when something called it).
   */
  protected checkFunctionCycles(members: TObject): void {
    const funcs = this.program.statements.filter((x): x is FunctionDeclaration => x.kind === 'Function');
    if (funcs.length === 0) return;
    const position = new Map(funcs.map((f, i) => [f.name.name, i]));
    // Calls of the file's functions in each body, the first one to each callee.
    const calls = funcs.map((f) => {
      const out = new Map<number, Node>();
      const visit = (node: unknown, depth: number): void => {
        if (depth > 2048 || node === null || typeof node !== 'object') return;
        if (Array.isArray(node)) {
          for (const x of node) visit(x, depth + 1);
          return;
        }
        const n = node as Partial<FunctionCall> & { kind?: unknown };
        if (n.kind === 'FunctionCall' && n.base === undefined && n.name) {
          const j = position.get(n.name.name);
          if (j !== undefined && !out.has(j)) out.set(j, n.name);
        }
        for (const v of Object.values(node)) if (v !== null && typeof v === 'object') visit(v, depth + 1);
      };
      visit(f.body, 0);
      return out;
    });
    const inCycle = new Set<number>();
    calls.forEach((c, i) => {
      const self = c.get(i);
      if (!self) return;
      this.error(self, `the function '${funcs[i]?.name.name ?? ''}' calls itself, which the Bicep compiler does not allow (BCP079): ARM functions cannot recurse`);
      inCycle.add(i);
    });
    const edgesOf = (i: number): [number, Node][] => [...(calls[i] ?? [])].filter(([j]) => j !== i);
    for (const c of cyclesOf(funcs.length, edgesOf)) {
      const cycle = [...c.nodes, c.nodes[0] as number].map((i) => `'${funcs[i]?.name.name ?? ''}'`).join(' -> ');
      c.nodes.forEach((i, k) => {
        const at = calls[i]?.get(c.nodes[(k + 1) % c.nodes.length] as number);
        if (at) this.error(at, `the functions call each other in a cycle: ${cycle} (BCP080): ARM functions cannot recurse`);
        inCycle.add(i);
      });
    }
    // Their results become the already-reported unknown, so that calling one does not recurse
    // until the nesting limit (a second finding for the same mistake).
    for (const i of inCycle) {
      const f = funcs[i];
      const member = f ? own(members, f.name.name) : undefined;
      const output = isTObject(member) ? own(member, 'output') : undefined;
      if (f && isTObject(output)) this.set(output, 'value', this.texpr(this.reported(f.body)), f.body);
    }
  }

  /** What each resource or module depends on (addDependsOn), for reportCycles. */
  protected readonly dependencies = new Map<string, { self: Node | undefined; chain: (at: Node) => boolean; on: { key: string; at: Node }[] }>();

  /**
   * Resources and modules that reference each other in a cycle (a module passing another's
   * output to a module that reads its own, two modules reading each other's outputs, a TAP and a
   * NIC naming each other), directly, through variables or in dependsOn: the compiler rejects the
   * file (BCP079 for a declaration that references itself, BCP080 for a cycle). Reported once per
   * cycle, at the reference that closes it, with the declarations in order.
   */
  protected reportCycles(): void {
    const keys = [...this.dependencies.keys()];
    for (const key of keys) {
      const self = this.dependencies.get(key)?.self;
      if (self) this.error(self, `'${this.symbolOf(key)}' references its own declaration (through what it reads), which the Bicep compiler does not allow (BCP079): a resource or module cannot use its own properties or outputs`);
    }
    const position = new Map(keys.map((k, i) => [k, i]));
    const edgesOf = (i: number): [number, Node][] => (this.dependencies.get(keys[i] as string)?.on ?? []).map((d) => [position.get(d.key) ?? -1, d.at]);
    for (const c of cyclesOf(keys.length, edgesOf)) {
      // Only `scope` and `parent` references: the chain that forms a cycle, already reported.
      const viaChain = c.nodes.every((i, n) => {
        const d = this.dependencies.get(keys[i] as string);
        const next = keys[c.nodes[(n + 1) % c.nodes.length] as number];
        return d !== undefined && d.on.some((e) => e.key === next && d.chain(e.at));
      });
      if (viaChain) continue;
      const names = cycleText(c.nodes.map((i) => `'${this.symbolOf(keys[i] as string)}'`));
      this.error(c.closing, `the declarations reference each other in a cycle: ${names} (each uses the next, directly, through a variable or in dependsOn); the Bicep compiler rejects the file (BCP080): remove one of these references`);
    }
  }

  private symbolOf(key: string): string {
    return this.byKey.get(key)?.symbol ?? key;
  }
}
