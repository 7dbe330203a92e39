// Test helpers: a TemplateScope over an in-memory template, and plain-JSON views of values.
import { SourceText } from '../../src/model/source.js';
import { TextSpan } from '../../src/model/span.js';
import type { TNode } from '../../src/model/template.js';
import { TemplateScope, type SuppliedParameter, type TemplateScopeOptions } from '../../src/deploy/scope.js';
import { Budget, type BudgetLimits } from '../../src/expr/context.js';
import { fromJson } from '../../src/expr/ops.js';
import { ObjectValue, Unknown, type Value } from '../../src/expr/value.js';

export function scopeOf(template: object, options: TemplateScopeOptions = {}): { scope: TemplateScope; span: TextSpan } {
  const text = JSON.stringify(template);
  const source = new SourceText('/virtual/template.json', text, 'arm');
  const span = new TextSpan(source, 0, text.length);
  return { scope: new TemplateScope(JSON.parse(text) as TNode, span, options), span };
}

export function supplied(values: Record<string, unknown>): Map<string, SuppliedParameter> {
  return new Map(Object.entries(values).map(([k, v]) => [k, { value: fromJson(v) }]));
}

export interface EvalOptions {
  template?: object;
  deployment?: TemplateScopeOptions['deployment'];
  params?: Record<string, unknown>;
  limits?: Partial<BudgetLimits>;
}

/** Evaluates one template string (with "[...]" for an expression) in a small template. */
export function ev(expr: string, opts: EvalOptions = {}): { value: Value; diags: { code: string; message: string }[]; plain: unknown } {
  const { scope, span } = scopeOf(opts.template ?? { resources: [] }, {
    deployment: opts.deployment,
    parameters: opts.params ? supplied(opts.params) : undefined,
    budget: new Budget(opts.limits ?? {}),
  });
  const value = scope.evaluateString(expr, span);
  return { value, diags: scope.diagnostics.items.map((d) => ({ code: d.code, message: d.message })), plain: plain(value) };
}

/** A value as plain JSON; unknowns become `{ $unknown: code }`. */
export function plain(v: Value): unknown {
  if (v instanceof Unknown) return { $unknown: v.reason.code };
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof ObjectValue) {
    const o = Object.create(null) as Record<string, unknown>;
    for (const [k, x] of v.entries()) o[k] = plain(x);
    return { ...o };
  }
  return v;
}

/** Shortcut: the plain value of an expression (fails the test if diagnostics were reported). */
export function val(expr: string, opts: EvalOptions = {}): unknown {
  const r = ev(expr, opts);
  if (r.diags.length) throw new Error(`unexpected diagnostics: ${JSON.stringify(r.diags)}`);
  return r.plain;
}
