// The Bicep syntax tree. Every node carries the offsets [start, end) of the text it covers, and
// so do the parts a finding may need to point at (names, keywords, resource type strings, property
// keys and values). Parse errors leave `Missing` (something required was absent) and `Skipped`
// (tokens that could not be used) nodes, so the tree always has the shape the grammar promises.
import type { Trivia } from './lexer.js';

export interface Node {
  start: number;
  end: number;
}

/** A keyword or punctuation token worth pointing at (`existing`, `if`, `=`...). */
export interface TokenRef extends Node {
  text: string;
}

export interface Identifier extends Node {
  kind: 'Identifier';
  /** '' when missing (a parse error was reported). */
  name: string;
  missing?: true;
}

// ---------------------------------------------------------------------------------------------
// Expressions

/**
 * A string literal, single- or multi-line, possibly interpolated. `segments` are the decoded text
 * pieces between holes (always expressions.length + 1 of them); `segmentSpans` are the tokens.
 */
export interface StringLiteral extends Node {
  kind: 'String';
  segments: string[];
  segmentSpans: Node[];
  expressions: Expression[];
  multiline: boolean;
  /** The decoded value when there is no interpolation. */
  value?: string;
}

export interface IntegerLiteral extends Node {
  kind: 'Integer';
  /** Exact digits as written (values beyond 2^53 lose precision in `value`). */
  text: string;
  value: number;
}

export interface BooleanLiteral extends Node {
  kind: 'Boolean';
  value: boolean;
}

export interface NullLiteral extends Node {
  kind: 'Null';
}

export interface VariableAccess extends Node {
  kind: 'VariableAccess';
  name: Identifier;
}

/** `f(a)`, `sys.f(a)` or `obj.method(a)` (then `base` is the expression before the dot). */
export interface FunctionCall extends Node {
  kind: 'FunctionCall';
  base?: Expression;
  name: Identifier;
  args: Expression[];
  /** Offsets of `(` and of `)` (end of the `)`). */
  openParen: number;
  closeParen: number;
}

export interface PropertyAccess extends Node {
  kind: 'PropertyAccess';
  base: Expression;
  property: Identifier;
  /** `.?` */
  safe: boolean;
}

export interface ArrayAccess extends Node {
  kind: 'ArrayAccess';
  base: Expression;
  index: Expression;
  /** `[?` */
  safe: boolean;
  /** `[^` (index from the end) */
  fromEnd: boolean;
}

/** `parent::child` */
export interface ResourceAccess extends Node {
  kind: 'ResourceAccess';
  base: Expression;
  name: Identifier;
}

/** Postfix `!` */
export interface NonNullAssertion extends Node {
  kind: 'NonNullAssertion';
  base: Expression;
}

export type UnaryOperator = '!' | '-' | '+';

export interface UnaryExpression extends Node {
  kind: 'Unary';
  operator: UnaryOperator;
  operand: Expression;
}

export type BinaryOperator =
  | '??'
  | '||'
  | '&&'
  | '=='
  | '!='
  | '=~'
  | '!~'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

export interface BinaryExpression extends Node {
  kind: 'Binary';
  operator: BinaryOperator;
  operatorSpan: Node;
  left: Expression;
  right: Expression;
}

export interface TernaryExpression extends Node {
  kind: 'Ternary';
  condition: Expression;
  whenTrue: Expression;
  whenFalse: Expression;
}

export interface ParenthesizedExpression extends Node {
  kind: 'Parenthesized';
  expression: Expression;
}

export interface SpreadExpression extends Node {
  kind: 'Spread';
  expression: Expression;
}

export interface ArrayExpression extends Node {
  kind: 'Array';
  items: (Expression | SpreadExpression)[];
}

export interface ObjectProperty extends Node {
  kind: 'ObjectProperty';
  /** Decorators written before the property (not valid Bicep, kept so nothing is lost). */
  decorators?: Decorator[];
  key: Identifier | StringLiteral;
  /** The key's text when it is an identifier or a non-interpolated string. */
  keyName?: string;
  value: Expression;
}

export interface ObjectExpression extends Node {
  kind: 'Object';
  /** Nested resource declarations appear among the properties, as in Bicep. */
  properties: (ObjectProperty | SpreadExpression | ResourceDeclaration)[];
  /**
   * The object (or something inside it) did not parse: a property may be missing only because its
   * line was broken, so a missing required property is not reported (as the compiler does).
   */
  hasErrors?: true;
}

/** `if (condition) body`: a resource/module body or a loop body. */
export interface IfCondition extends Node {
  kind: 'If';
  keyword: TokenRef;
  condition: Expression;
  body: Expression;
}

/** `[for item in iterable: body]` / `[for (item, index) in iterable: body]` */
export interface ForExpression extends Node {
  kind: 'For';
  item: Identifier;
  index?: Identifier;
  iterable: Expression;
  body: Expression | IfCondition;
}

/** `x => e` / `(a, b) => e` */
export interface LambdaExpression extends Node {
  kind: 'Lambda';
  parameters: Identifier[];
  body: Expression;
}

/** Something required was absent; the parser reported it. */
export interface MissingExpression extends Node {
  kind: 'Missing';
}

/** Tokens that could not be parsed, kept so the tree covers the whole text. */
export interface SkippedExpression extends Node {
  kind: 'Skipped';
}

export type Expression =
  | StringLiteral
  | IntegerLiteral
  | BooleanLiteral
  | NullLiteral
  | VariableAccess
  | FunctionCall
  | PropertyAccess
  | ArrayAccess
  | ResourceAccess
  | NonNullAssertion
  | UnaryExpression
  | BinaryExpression
  | TernaryExpression
  | ParenthesizedExpression
  | ArrayExpression
  | ObjectExpression
  | ForExpression
  | LambdaExpression
  | IfCondition
  | MissingExpression
  | SkippedExpression;

// ---------------------------------------------------------------------------------------------
// Type expressions

/** `string`, `myType`, `ns.myType` is a TypePropertyAccess on a TypeReference. */
export interface TypeReference extends Node {
  kind: 'TypeReference';
  name: Identifier;
}

export interface TypePropertyAccess extends Node {
  kind: 'TypePropertyAccess';
  base: TypeExpression;
  property: Identifier;
}

/** `T[0]` or `T[*]` (index undefined). */
export interface TypeIndexAccess extends Node {
  kind: 'TypeIndexAccess';
  base: TypeExpression;
  index?: IntegerLiteral;
}

/** `T.*` */
export interface TypeAdditionalPropertiesAccess extends Node {
  kind: 'TypeAdditionalPropertiesAccess';
  base: TypeExpression;
}

/** `resourceInput<'type@version'>`, `resourceOutput<...>`, `resource<...>` and other `name<args>`. */
export interface ParameterizedType extends Node {
  kind: 'ParameterizedType';
  /** `sys` in `sys.resourceInput<...>`. */
  namespace?: TypeExpression;
  name: Identifier;
  /** A string argument is a LiteralType. */
  args: TypeExpression[];
}

/** `'a'`, `1`, `-1`, `true`, `null` used as a type. */
export interface LiteralType extends Node {
  kind: 'LiteralType';
  value: StringLiteral | IntegerLiteral | BooleanLiteral | NullLiteral | UnaryExpression;
}

export interface ObjectTypeProperty extends Node {
  kind: 'ObjectTypeProperty';
  decorators: Decorator[];
  /** Identifier or string key; `*` (additional properties) has key undefined. */
  key?: Identifier | StringLiteral;
  keyName?: string;
  additional: boolean;
  value: TypeExpression;
}

export interface ObjectType extends Node {
  kind: 'ObjectType';
  properties: ObjectTypeProperty[];
}

export interface TupleTypeItem extends Node {
  kind: 'TupleTypeItem';
  decorators: Decorator[];
  value: TypeExpression;
}

export interface TupleType extends Node {
  kind: 'TupleType';
  items: TupleTypeItem[];
}

/** `T[]` */
export interface ArrayType extends Node {
  kind: 'ArrayType';
  element: TypeExpression;
}

/** `T?` */
export interface NullableType extends Node {
  kind: 'NullableType';
  base: TypeExpression;
}

/** `T!` */
export interface NonNullableType extends Node {
  kind: 'NonNullableType';
  base: TypeExpression;
}

export interface UnionType extends Node {
  kind: 'UnionType';
  members: TypeExpression[];
}

export interface ParenthesizedType extends Node {
  kind: 'ParenthesizedType';
  type: TypeExpression;
}

export type TypeExpression =
  | TypeReference
  | TypePropertyAccess
  | TypeIndexAccess
  | TypeAdditionalPropertiesAccess
  | ParameterizedType
  | LiteralType
  | ObjectType
  | TupleType
  | ArrayType
  | NullableType
  | NonNullableType
  | UnionType
  | ParenthesizedType
  | MissingExpression
  | SkippedExpression;

// ---------------------------------------------------------------------------------------------
// Statements

/** `@name(args)` or `@ns.name(args)`; a decorator without `(...)` has expression VariableAccess/PropertyAccess. */
export interface Decorator extends Node {
  kind: 'Decorator';
  expression: Expression;
  /** The decorator's name (`description` for `@sys.description(...)`), span included. */
  name: Identifier;
  /** `sys` for `@sys.description(...)`. */
  namespace?: Identifier;
  args: Expression[];
}

interface DeclarationBase extends Node {
  decorators: Decorator[];
  /** The leading keyword (`param`, `resource`...). */
  keyword: TokenRef;
}

export interface TargetScopeDeclaration extends DeclarationBase {
  kind: 'TargetScope';
  value: Expression;
}

export interface MetadataDeclaration extends DeclarationBase {
  kind: 'Metadata';
  name: Identifier;
  value: Expression;
}

export interface ParameterDeclaration extends DeclarationBase {
  kind: 'Parameter';
  name: Identifier;
  /** The declared type; undefined for `param x resource '...'`. */
  type?: TypeExpression;
  /** `param x resource 'type@version'` */
  resourceType?: StringLiteral;
  defaultValue?: Expression;
}

export interface VariableDeclaration extends DeclarationBase {
  kind: 'Variable';
  name: Identifier;
  type?: TypeExpression;
  value: Expression;
}

export interface ResourceDeclaration extends DeclarationBase {
  kind: 'Resource';
  name: Identifier;
  /** The type string, `'Microsoft.Network/virtualNetworkTaps@2023-09-01'`. */
  type: StringLiteral | MissingExpression;
  existing?: TokenRef;
  /** Object, IfCondition or ForExpression. */
  value: Expression;
}

export interface ModuleDeclaration extends DeclarationBase {
  kind: 'Module';
  name: Identifier;
  path: StringLiteral | MissingExpression;
  value: Expression;
}

export interface OutputDeclaration extends DeclarationBase {
  kind: 'Output';
  name: Identifier;
  type?: TypeExpression;
  resourceType?: StringLiteral;
  value: Expression;
}

export interface TypeDeclaration extends DeclarationBase {
  kind: 'TypeDeclaration';
  name: Identifier;
  value: TypeExpression;
}

export interface TypedLambdaParameter extends Node {
  kind: 'TypedLambdaParameter';
  name: Identifier;
  type: TypeExpression;
}

export interface FunctionDeclaration extends DeclarationBase {
  kind: 'Function';
  name: Identifier;
  parameters: TypedLambdaParameter[];
  returnType: TypeExpression;
  body: Expression;
}

export interface ImportedSymbol extends Node {
  kind: 'ImportedSymbol';
  name: Identifier;
  alias?: Identifier;
}

/** `import {a, b as c} from 'x.bicep'` / `import * as ns from 'x.bicep'` */
export interface CompileTimeImportDeclaration extends DeclarationBase {
  kind: 'CompileTimeImport';
  symbols?: ImportedSymbol[];
  /** `* as ns` */
  wildcardAlias?: Identifier;
  from: StringLiteral | MissingExpression;
}

/** `extension 'spec' with {...} as alias`, also the legacy `import 'az@1.0.0'`. */
export interface ExtensionDeclaration extends DeclarationBase {
  kind: 'Extension';
  /** A string, or an identifier (`extension microsoftGraphV1`). */
  specification: Expression;
  config?: Expression;
  alias?: Identifier;
}

export interface TestDeclaration extends DeclarationBase {
  kind: 'Test';
  name: Identifier;
  path: StringLiteral | MissingExpression;
  value: Expression;
}

export interface AssertDeclaration extends DeclarationBase {
  kind: 'Assert';
  name: Identifier;
  value: Expression;
}

/** `.bicepparam`: `using 'main.bicep'` / `using none` */
export interface UsingDeclaration extends DeclarationBase {
  kind: 'Using';
  path?: StringLiteral;
  none: boolean;
  /** `using 'main.bicep' with { ... }` (deployment settings) */
  config?: ObjectExpression;
}

/** `.bicepparam`: `extensionConfig alias with { ... }` */
export interface ExtensionConfigAssignment extends DeclarationBase {
  kind: 'ExtensionConfig';
  name: Identifier;
  config: ObjectExpression;
}

/** `.bicepparam`: `extends 'base.bicepparam'` */
export interface ExtendsDeclaration extends DeclarationBase {
  kind: 'Extends';
  path: StringLiteral | MissingExpression;
}

/** `.bicepparam`: `param name = value` */
export interface ParameterAssignment extends DeclarationBase {
  kind: 'ParameterAssignment';
  name: Identifier;
  value: Expression;
}

/** A line that could not be parsed as a statement. */
export interface SkippedStatement extends Node {
  kind: 'SkippedStatement';
  decorators: Decorator[];
}

export type Statement =
  | TargetScopeDeclaration
  | MetadataDeclaration
  | ParameterDeclaration
  | VariableDeclaration
  | ResourceDeclaration
  | ModuleDeclaration
  | OutputDeclaration
  | TypeDeclaration
  | FunctionDeclaration
  | CompileTimeImportDeclaration
  | ExtensionDeclaration
  | TestDeclaration
  | AssertDeclaration
  | UsingDeclaration
  | ExtendsDeclaration
  | ExtensionConfigAssignment
  | ParameterAssignment
  | SkippedStatement;

export interface Program extends Node {
  kind: 'Program';
  statements: Statement[];
  /** Comments and `#` directives, in order (for suppression comments). */
  trivia: Trivia[];
}
