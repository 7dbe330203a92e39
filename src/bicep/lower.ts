// Lowers one Bicep file into the ARM template model (languageVersion 2.0 shape: resources keyed by
// symbolic name), mirroring what the Bicep compiler emits, so the evaluation, deployment, graph
// and rule stages work unchanged and every node points at the .bicep text it came from.
//
// Symbolic references follow the compiler's ExpressionConverter: `res.id` -> resourceId(...),
// `res.name` -> the name expression, `res.properties.x` -> reference(id, api).x, other
// properties -> reference(id, api, 'full').x, `mod.outputs.x` -> reference(...).outputs.x.value.
// Implicit dependsOn entries are the resources/modules a declaration references, directly or
// through variables (existing resources are looked through), plus the parent.
//
// FileLowerer runs the two passes (lower() for a .bicep file, lowerParameterAssignments() for a
// .bicepparam file); the work is in layers, each a class in its own module that extends the one
// below it and calls only what it or the layers below declare (the hooks of lower-expr.ts are
// the only calls upwards):
//   lower-expr.ts               expressions (operators, strings, lambdas, for-expressions)
//   lower-symbols.ts            the file's declarations by name, and how a name resolves to one
//   lower-imports.ts            compile-time imports: the variables, functions and types they bring
//   lower-collect.ts            pass 1: declarations, resource keys and parents
//   lower-names.ts              names and ids of resources and of module deployments
//   lower-scopes.ts             `scope`: of resources and modules, and the compiler's checks of it
//   lower-decorator-checks.ts   the compiler's checks of decorators
//   lower-type-checks.ts        the compiler's checks of declared types and literal values
//   lower-cycles.ts             variables, functions and declarations that reference each other
//   lower-deploy-time.ts        what must be known at the start of the deployment (BCP120, BCP177-BCP182)
//   lower-builtins.ts           built-in functions the compiler evaluates or renames (load*(), nameof(), ...)
//   lower-references.ts         symbols in expressions: variables, resources, modules, namespaces
//   lower-declarations.ts       parameters, functions and outputs
//   lower-resource.ts           resource declarations
//   lower-module-deployment.ts  module declarations, as Microsoft.Resources/deployments
//   lower-depends.ts            dependsOn, explicit and implicit
// and lower-syntax.ts holds the small questions about the syntax tree they share.
import { recordSpan, type TextSpan } from '../model/span.js';
import { nameTable, own, setOwn, type TNode, type TObject } from '../model/template.js';
import { forPlacementErrors } from './for-placement.js';
import { DependsOnLowerer } from './lower-depends.js';
import { RefCollector } from './lower-expr.js';
import { setImportedVariable } from './lower-imports.js';
import { SCHEMAS } from './lower-scopes.js';
import { BASE_VALUES, type LoweredFile } from './lower-symbols.js';
import type { FunctionDeclaration, TypeDeclaration } from './syntax.js';
import { typeCycleErrors } from './type-cycles.js';
import { unionTypeProblems } from './union-types.js';

export type { FileLowerOptions, LoweredFile, TargetScopeKind } from './lower-symbols.js';
export { BASE_VALUES } from './lower-symbols.js';

export class FileLowerer extends DependsOnLowerer {
  lower(): LoweredFile {
    this.collect();
    const root: TObject = {};
    const whole = this.program;
    this.set(root, '$schema', SCHEMAS[this.targetScope], whole);
    this.set(root, 'languageVersion', '2.0', whole);
    this.set(root, 'contentVersion', '1.0.0.0', whole);
    const metadata: TObject = { _generator: { name: 'vtaplint-bicep' } };
    this.set(root, 'metadata', metadata, whole);
    const exported = new Set<string>();
    const parameters: TObject = nameTable();
    const variables: TObject = nameTable();
    const outputs: TObject = nameTable();
    const members: TObject = nameTable();
    const resources: TObject = nameTable();
    const varInfo: LoweredFile['variables'] = new Map();
    const funcInfo: LoweredFile['functions'] = new Map();

    this.checkDecoratorNames();
    this.checkTypeNames();
    if (this.options.forExpressions !== 0) for (const f of forPlacementErrors(this.program.statements, this.file.text)) this.error(f.at, f.message);
    for (const p of unionTypeProblems(this.program.statements)) this.error(p.at, p.message);
    for (const s of this.program.statements) {
      if (s.decorators.some((d) => d.name.name.toLowerCase() === 'export') && 'name' in s) exported.add(s.name.name);
      for (const d of s.decorators) this.checkDecoratorArguments(d);
      if (s.kind === 'Parameter' || s.kind === 'Output') this.checkDecoratorTargets(s.decorators, s.type);
      if (s.kind === 'TypeDeclaration') this.checkDiscriminators(s.decorators, s.value);
      else if (s.kind === 'Parameter' || s.kind === 'Output' || s.kind === 'Variable') this.checkDiscriminators(s.decorators, s.type);
      if (s.kind === 'Parameter') this.checkLiteralTypes(s.type, s.defaultValue, 'the default value', s.decorators);
      // A typed variable (`var x string = ...`) is checked as the compiler checks it.
      if (s.kind === 'Variable' && s.type) this.checkLiteralTypes(s.type, s.value, 'the value', []);
      if (s.kind === 'Output') this.checkLiteralTypes(s.type, s.value, 'the value', []);
      // A function's body against its declared result type, as a typed variable's value is.
      else if (s.kind === 'Function') this.checkLiteralTypes(s.returnType, s.body, "the function's result", []);
      else if (s.kind === 'TypeDeclaration') this.checkDecoratorTargets(s.decorators, s.value);
      else if (s.kind === 'Assert') this.checkAssert(s.value);
      switch (s.kind) {
        case 'Metadata':
          this.set(metadata, s.name.name, this.value(s.value, {}), s, s.name);
          break;
        case 'Parameter':
          this.set(parameters, s.name.name, this.parameter(s), s, s.name);
          break;
        case 'Variable': {
          const refs = new RefCollector();
          this.varRefs.set(s.name.name, refs);
          const node = this.value(s.value, { refs });
          this.set(variables, s.name.name, node, s.value, s.name);
          varInfo.set(s.name.name, { node, span: this.span(s.value), keySpan: this.span(s.name), vars: refs.variables });
          break;
        }
        case 'Function': {
          const refs = new RefCollector();
          const f = this.func(s, refs);
          this.set(members, s.name.name, f, s, s.name);
          funcInfo.set(s.name.name, { node: f, span: this.span(s), vars: refs.variables });
          break;
        }
        case 'Output':
          this.set(outputs, s.name.name, this.output(s), s, s.name);
          break;
        default:
          break;
      }
    }
    this.checkLoopVariables(varInfo);
    this.checkVariableCycles(variables, varInfo);
    this.checkFunctionCycles(members);
    for (const e of typeCycleErrors(this.program.statements.filter((x): x is TypeDeclaration => x.kind === 'TypeDeclaration'))) this.error(e.at, e.message);
    // Imported variables and functions come after the file's own.
    for (const [name, v] of this.importedVars) {
      if (own(variables, name) !== undefined) continue;
      setImportedVariable(variables, name, v);
    }
    for (const [name, f] of this.importedFuncs) {
      if (own(members, name) !== undefined) continue;
      setOwn(members, name, f.node);
      recordSpan(members, name, f.span);
    }
    for (const r of this.byKey.values()) {
      const node = r.kind === 'resource' ? this.resource(r) : this.module(r);
      this.set(resources, r.key, node, r.decl, r.decl.name);
    }
    for (const r of this.byKey.values()) this.addDependsOn(r, resources[r.key] as TObject);
    this.reportCycles();
    this.checkOutputReads();
    // After the cycles: a name in one is reported there.
    for (const r of this.byKey.values()) this.checkDeployTimeValues(r);

    if (Object.keys(this.typeDefs.table).length > 0) this.set(root, 'definitions', this.typeDefs.table, whole);
    this.set(root, 'parameters', parameters, whole);
    if (Object.keys(members).length > 0) {
      const fns: TNode[] = [{ namespace: '__bicep', members }];
      recordSpan(fns, 0, this.span(whole));
      this.set(root, 'functions', fns, whole);
    }
    this.set(root, 'variables', variables, whole);
    this.set(root, 'resources', resources, whole);
    this.set(root, 'outputs', outputs, whole);
    return { root, variables: varInfo, functions: funcInfo, exported, types: this.types, imports: { variables: this.importedVars, functions: this.importedFuncs } };
  }

  /**
   * A .bicepparam file: `param x = value` assignments, and `scope`, the template the values are
   * evaluated in: the file's own variables they use (see paramsFileVars), and what they import
   * brings the variables and functions it uses (a value imported from a .bicep file may read that
   * file's other variables, as `json.bar` where `var json = loadJsonContent(...)`, or call its
   * functions), as a template's imports do.
   */
  lowerParameterAssignments(): { values: Map<string, { node: TNode; span: TextSpan }>; scope: TObject } {
    this.collect();
    this.checkTypeNames();
    for (const s of this.program.statements) {
      if (s.kind === 'ParameterAssignment') this.assigned.add(s.name.name);
      // Its typed variables are checked as a template's are (lowerTemplate).
      if (s.kind === 'Variable' && s.type) this.checkLiteralTypes(s.type, s.value, 'the value', []);
    }
    const values = new Map<string, { node: TNode; span: TextSpan }>();
    for (const s of this.program.statements) {
      if (s.kind === 'ParameterAssignment') values.set(s.name.name, { node: this.secretReference(s.value) ?? this.value(s.value, {}), span: this.span(s.value) });
    }
    const scope: TObject = {};
    // A value may use the values assigned to other parameters of the file (`param b = a ? 1 : 2`):
    // they are the scope's parameters, each with its assigned value as its default.
    const parameters: TObject = nameTable();
    for (const [name, v] of values) {
      const decl: TObject = {};
      setOwn(decl, 'defaultValue', v.node);
      setOwn(parameters, name, decl);
      recordSpan(parameters, name, v.span);
      recordSpan(decl, 'defaultValue', v.span);
    }
    if (this.options.extendsBase === true) setOwn(parameters, BASE_VALUES, { type: 'object' });
    setOwn(scope, 'parameters', parameters);
    const variables: TObject = nameTable();
    for (const [name, v] of [...this.importedVars, ...this.paramsFileVars]) setImportedVariable(variables, name, v);
    setOwn(scope, 'variables', variables);
    // The functions the values may call: imported ones and the file's own (`func` in a .bicepparam).
    const own = this.program.statements.filter((s): s is FunctionDeclaration => s.kind === 'Function');
    if (this.importedFuncs.size > 0 || own.length > 0) {
      const members: TObject = nameTable();
      for (const [name, f] of this.importedFuncs) {
        setOwn(members, name, f.node);
        recordSpan(members, name, f.span);
      }
      for (const s of own) {
        setOwn(members, s.name.name, this.func(s, new RefCollector()));
        recordSpan(members, s.name.name, this.span(s));
      }
      setOwn(scope, 'functions', [{ namespace: '__bicep', members }]);
    }
    return { values, scope };
  }
}
