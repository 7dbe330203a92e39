// Small helpers for the Bicep parser tests (in-memory sources only).
import { SourceText } from '../../src/model/source.js';
import { parseBicep, parseBicepParams, type BicepParseResult } from '../../src/bicep/parser.js';
import type { Expression, Statement } from '../../src/bicep/syntax.js';

export function src(text: string, kind: 'bicep' | 'bicepparam' = 'bicep'): SourceText {
  return new SourceText(kind === 'bicep' ? '/virtual/main.bicep' : '/virtual/main.bicepparam', text, kind);
}

export function parse(text: string): BicepParseResult {
  return parseBicep(src(text));
}

export function parseParams(text: string): BicepParseResult {
  return parseBicepParams(src(text, 'bicepparam'));
}

/** Parses and asserts there are no diagnostics (the messages are shown on failure). */
export function parseOk(text: string): Statement[] {
  const r = parse(text);
  if (r.diagnostics.length > 0) throw new Error(r.diagnostics.map((d) => `${d.span.toString()} ${d.message}`).join('\n'));
  return r.program.statements;
}

/** The value expression of `var x = <text>`. */
export function expr(text: string): Expression {
  const [s] = parseOk(`var x = ${text}\n`);
  if (s?.kind !== 'Variable') throw new Error('not a variable');
  return s.value;
}

/** Compact rendering of an expression, for precedence tests. */
export function show(e: Expression): string {
  switch (e.kind) {
    case 'Binary':
      return `(${show(e.left)} ${e.operator} ${show(e.right)})`;
    case 'Unary':
      return `(${e.operator}${show(e.operand)})`;
    case 'Ternary':
      return `(${show(e.condition)} ? ${show(e.whenTrue)} : ${show(e.whenFalse)})`;
    case 'VariableAccess':
      return e.name.name;
    case 'Integer':
      return e.text;
    case 'Boolean':
      return String(e.value);
    case 'Null':
      return 'null';
    case 'String':
      return e.expressions.length === 0 ? `'${e.value ?? ''}'` : `str(${e.expressions.map(show).join(', ')})`;
    case 'PropertyAccess':
      return `${show(e.base)}${e.safe ? '.?' : '.'}${e.property.name}`;
    case 'ArrayAccess':
      return `${show(e.base)}[${e.safe ? '?' : ''}${e.fromEnd ? '^' : ''}${show(e.index)}]`;
    case 'ResourceAccess':
      return `${show(e.base)}::${e.name.name}`;
    case 'NonNullAssertion':
      return `${show(e.base)}!`;
    case 'FunctionCall':
      return `${e.base ? show(e.base) + '.' : ''}${e.name.name}(${e.args.map(show).join(', ')})`;
    case 'Parenthesized':
      return show(e.expression);
    case 'Lambda':
      return `((${e.parameters.map((p) => p.name).join(', ')}) => ${show(e.body)})`;
    default:
      return e.kind;
  }
}
