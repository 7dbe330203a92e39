// Span.within(): whether one place lies inside another (module parameter values written out as
// objects: the expressions inside them).
import { describe, expect, test } from 'vitest';
import { loadJson } from '../../src/load/arm-json.js';
import { SourceText } from '../../src/model/source.js';
import { TextSpan } from '../../src/model/span.js';
import type { TObject } from '../../src/model/template.js';

describe('Span.within', () => {
  test('text spans: same file, offsets inside (the same place counts)', () => {
    const file = new SourceText('/virtual/main.bicep', "param a string\nparam b string\n", 'bicep');
    const other = new SourceText('/virtual/other.bicep', "param a string\nparam b string\n", 'bicep');
    const outer = new TextSpan(file, 0, 14);
    expect(new TextSpan(file, 6, 7).within(outer)).toBe(true);
    expect(new TextSpan(file, 0, 14).within(outer)).toBe(true);
    expect(new TextSpan(file, 10, 20).within(outer)).toBe(false);
    expect(new TextSpan(other, 6, 7).within(outer)).toBe(false);
  });

  test('JSON path spans: by path, a property name only inside its own span, string parts inside their string', () => {
    const source = new SourceText('/virtual/t.json', '{"p": {"value": {"size": "[parameters(\'x\')]", "tier": "web"}}, "q": 1}', 'arm');
    const { root, span } = loadJson(source);
    const doc = root as TObject;
    const p = span.child(doc, 'p');
    const pv = doc.p as TObject;
    const value = p.child(pv, 'value');
    const vv = pv.value as TObject;
    const size = value.child(vv, 'size');
    expect(size.within(value)).toBe(true);
    expect(size.within(p)).toBe(true);
    expect(value.within(value)).toBe(true);
    expect(value.within(size)).toBe(false);
    expect(span.child(doc, 'q').within(p)).toBe(false);
    // A property name is inside its object, not inside its own value.
    expect(value.keySpan(vv, 'size').within(value)).toBe(true);
    expect(p.keySpan(pv, 'value').within(value)).toBe(false);
    // An expression part is inside the string it is part of, and what holds it.
    const part = size.sub(1, 11);
    expect(part.within(size)).toBe(true);
    expect(part.within(value)).toBe(true);
    expect(part.within(span.child(doc, 'q'))).toBe(false);
    expect(size.sub(2, 5).within(part)).toBe(true);
    expect(part.within(size.sub(2, 5))).toBe(false);
  });
});
