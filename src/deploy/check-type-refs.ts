// Checks the `$ref`s of a template's type nodes (languageVersion 2.0 `definitions`, and the
// parameters, outputs and user-defined functions typed by them) without evaluating anything.
//
// Why: ARM resolves every type reference when it validates the template, whatever the parameter
// values, and rejects one that names nothing ("#/definitions/nope") or a chain of `$ref`s that
// comes back to itself (a type that is never defined); the Bicep compiler reports the same of a
// compiled JSON template it imports (BCP313, "Type reference cycle detected"). The deploy stage
// reads types through typeChain(), which stops silently at both, so without this check such a
// template passed with no finding.
//
// The same walk checks each type node's `type`: ARM reads it into its enumeration of template
// types (string, securestring, int, bool, object, secureobject, array; any case) when it parses the
// template, and fails the whole template on any other name (`"type": "strng"`, `"constructor"`),
// before a value is looked at. The deploy stage treats an unknown type as no type at all.
import type { DiagnosticSink } from '../model/diagnostic.js';
import type { Span } from '../model/span.js';
import { forEachUserFunction, isTObject, ownProp, type TNode, type TObject } from '../model/template.js';
import { resolveTypeRef } from '../model/type-ref.js';

/** Checks the type references of template `t` (its own sections; nested templates are checked on their own). */
export function checkTypeRefs(t: TObject, span: Span, diagnostics: DiagnosticSink): void {
  new TypeRefChecker(t, diagnostics).template(span);
}

/** The type names ARM's template schema accepts (compared without regard to case). */
const SECTION_WORD: Readonly<Record<string, string>> = { definitions: 'definition', parameters: 'parameter', outputs: 'output' };
const TEMPLATE_TYPES = new Set(['string', 'securestring', 'int', 'bool', 'object', 'secureobject', 'array']);

class TypeRefChecker {
  /** Type nodes already reported as part of a $ref cycle (a cycle is reported once). */
  private readonly inCycle = new Set<TObject>();

  constructor(
    private readonly t: TObject,
    private readonly diagnostics: DiagnosticSink,
  ) {}

  template(span: Span): void {
    const t = this.t;
    for (const key of Object.keys(t)) {
      const section = t[key] as TNode;
      const at = span.child(t, key);
      switch (key.toLowerCase()) {
        case 'definitions':
        case 'parameters':
        case 'outputs':
          if (isTObject(section)) for (const name of Object.keys(section)) this.typeNode(section, name, at, `the ${SECTION_WORD[key.toLowerCase()] ?? 'declaration'} '${name}'`);
          break;
        case 'functions':
          this.functions(section, at);
          break;
        default:
      }
    }
  }

  /** User-defined functions: each parameter and the output are type nodes. */
  private functions(section: TNode, span: Span): void {
    forEachUserFunction(section, span, (f, fSpan) => {
      const params = ownProp(f, 'parameters');
      if (Array.isArray(params)) params.forEach((_, j) => this.typeNode(params, j, fSpan.child(f, 'parameters'), `parameter ${j + 1} of a user-defined function`));
      if (isTObject(ownProp(f, 'output'))) this.typeNode(f, 'output', fSpan, 'the output of a user-defined function');
    });
  }


  /**
   * The type node `container[key]`: its own `$ref`, then the type nodes inside it (properties,
   * additionalProperties, items, prefixItems, discriminator mapping). Values (defaultValue,
   * allowedValues, an output's value, metadata) are data, not types, and are not entered.
   */
  private typeNode(container: TObject | TNode[], key: string | number, containerSpan: Span, what: string): void {
    const node = (container as Record<string | number, TNode>)[key] as TNode;
    if (!isTObject(node)) return;
    const span = containerSpan.child(container, key);
    for (const k of Object.keys(node)) {
      const child = node[k] as TNode;
      switch (k.toLowerCase()) {
        case '$ref':
          if (typeof child === 'string') this.ref(node, child, span.child(node, k));
          break;
        case 'type':
          // A Set of lowercase names: a type named like an Object.prototype member is no type.
          if (typeof child === 'string' && !TEMPLATE_TYPES.has(child.toLowerCase())) {
            this.diagnostics.add({
              code: 'invalid-template',
              message: `The type '${child}' of ${what} is not a template type (string, securestring, int, bool, object, secureobject, array); ARM cannot parse the template.`,
              span: span.child(node, k),
            });
          }
          break;
        case 'properties':
          if (isTObject(child)) for (const p of Object.keys(child)) this.typeNode(child, p, span.child(node, k), `the property '${p}' of ${what}`);
          break;
        case 'additionalproperties':
        case 'items':
          this.typeNode(node, k, span, `the ${k} of ${what}`);
          break;
        case 'prefixitems':
          if (Array.isArray(child)) child.forEach((_, i) => this.typeNode(child, i, span.child(node, k), `item ${i} of ${what}`));
          break;
        case 'discriminator': {
          const mapping = isTObject(child) ? ownProp(child, 'mapping') : undefined;
          if (isTObject(child) && isTObject(mapping)) {
            const mapSpan = span.child(node, k).child(child, 'mapping');
            for (const m of Object.keys(mapping)) this.typeNode(mapping, m, mapSpan, `the '${m}' member of ${what}`);
          }
          break;
        }
        default:
      }
    }
  }

  /** `node.$ref` (the string `ref`, written at `span`): it must name a node, and the chain of `$ref`s from it must end. */
  private ref(node: TObject, ref: string, span: Span): void {
    const target = resolveTypeRef(this.t, ref);
    if (!target) {
      this.diagnostics.add({
        code: 'invalid-template',
        message: `The type reference '${ref}' names nothing in the template${ref.startsWith('#/') ? '' : " (a type reference is a JSON pointer into the template, such as '#/definitions/name')"}; ARM rejects the template.`,
        span,
      });
      return;
    }
    // Follow the chain: a node met again is a cycle of references, with no type at its end.
    const chain: TObject[] = [node];
    let at: TObject | undefined = target;
    const names: string[] = [ref];
    while (at && !chain.includes(at)) {
      chain.push(at);
      const next = ownProp(at, '$ref');
      if (typeof next !== 'string') return;
      names.push(next);
      at = resolveTypeRef(this.t, next);
    }
    // A missing link further on is reported where it is written; a cycle once, at the first of
    // its nodes reached, and only when this node is on it (a parameter that leads into it is not).
    if (!at || at !== node || this.inCycle.has(node)) return;
    for (const n of chain) this.inCycle.add(n);
    this.diagnostics.add({
      code: 'invalid-template',
      message: `The type references form a cycle (${names.join(' -> ')}): the type is never defined; ARM rejects the template.`,
      span,
    });
  }
}

