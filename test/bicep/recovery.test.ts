import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../src/bicep/parser.js';
import { parse } from './helpers.js';

function positions(text: string): string[] {
  return parse(text).diagnostics.map((d) => {
    const p = d.span.file.position(d.span.range().start);
    return `${p.line}:${p.column}`;
  });
}

describe('bicep parser: error recovery', () => {
  it('reports several errors with positions and still parses the valid statements', () => {
    const text = [
      'param ok1 string',
      'var broken = ',
      "resource r 'T@1' = {",
      "  name 'missing colon'",
      '  location: resourceGroup().location',
      '  properties: {',
      '    a: ',
      '    b: 2',
      '  }',
      '}',
      'bogus statement here',
      'var ok2 = 2',
      "output o string = 'x' 'y'",
      'param ok3 int',
      '',
    ].join('\n');
    const r = parse(text);
    expect(positions(text)).toEqual(['2:14', '4:8', '7:8', '11:1', '13:23']);
    expect(r.diagnostics.every((d) => d.code === 'invalid-template')).toBe(true);
    expect(r.diagnostics[1]?.message).toBe("expected ':' after the object property name, found ''missing colon''");
    const names = r.program.statements.map((s) => ('name' in s ? s.name.name : s.kind));
    expect(names).toEqual(['ok1', 'broken', 'r', 'SkippedStatement', 'ok2', 'o', 'ok3']);
    expect(r.program.statements[1]).toMatchObject({ kind: 'Variable', value: { kind: 'Missing' } });
    const res = r.program.statements[2];
    // The good properties around the broken ones survive.
    if (res?.kind === 'Resource' && res.value.kind === 'Object') {
      expect(res.value.properties.map((p) => (p.kind === 'ObjectProperty' ? p.keyName : p.kind))).toEqual(['location', 'properties']);
      const props = res.value.properties[1];
      if (props?.kind === 'ObjectProperty' && props.value.kind === 'Object') {
        expect(props.value.properties.map((p) => (p.kind === 'ObjectProperty' ? p.keyName : p.kind))).toEqual(['a', 'b']);
      }
    }
  });

  it('keeps a variable or parameter whose value does not parse declared, and reports each place once', () => {
    const text = [
      'var obj = { a: 1 }',
      'var x = obj.',
      "var y = concat('a',",
      "param p string = toUpper('a'",
      'output o int = x',
      'output q string = y',
      'output r string = p',
      '',
    ].join('\n');
    const r = parse(text);
    expect(r.diagnostics.map((d) => `${d.span.region().start.line}:${d.span.region().start.column} ${d.message}`)).toEqual([
      "2:13 expected a property name after '.', found a new line",
      '3:20 expected an expression, found a new line',
      "4:29 expected ',' or ')' after the function argument, found a new line",
    ]);
    expect(r.program.statements.map((s) => `${s.kind}:${'name' in s ? s.name.name : ''}`)).toEqual([
      'Variable:obj', 'Variable:x', 'Variable:y', 'Parameter:p', 'Output:o', 'Output:q', 'Output:r',
    ]);
    expect(r.program.statements[1]).toMatchObject({ kind: 'Variable', value: { kind: 'Missing' } });
    expect(r.program.statements[3]).toMatchObject({ kind: 'Parameter', defaultValue: { kind: 'Missing' } });
  });

  it('flags separators Bicep rejects', () => {
    expect(positions("var a = ['x' 'y']")).toEqual(['1:14']);
    expect(positions("var a = { a: 'x' b: 'y' }")).toEqual(['1:18']);
    expect(positions("var a = [\n  'x',,\n]")).toEqual(['2:7', '2:8']);
    expect(positions("var a = {\n  a: 1,\n  b: 2\n}")).toEqual(['2:8']);
  });

  it('does not let an unclosed parenthesis swallow the next declarations', () => {
    const r = parse("resource a 'T@1' = if (\n\nresource b 'T@1' = if (true\n\nparam ok string\n");
    expect(r.diagnostics.length).toBeGreaterThanOrEqual(2);
    expect(r.program.statements.at(-1)).toMatchObject({ kind: 'Parameter', name: { name: 'ok' } });
  });

  it('reports unclosed brackets at the end of the file', () => {
    const r = parse("var a = {\n  b: [\n    1\n");
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.some((d) => d.message.includes("expected ']'"))).toBe(true);
  });

  it('reports lexer errors with exact spans', () => {
    const r = parse("var a = 'bad \\q escape'\nvar b = \"dq\"\nvar c = 1");
    const first = r.diagnostics[0];
    expect(first?.span.range()).toEqual({ start: 13, end: 15 });
    expect(r.program.statements.at(-1)).toMatchObject({ kind: 'Variable', name: { name: 'c' } });
  });

  it('bounds nesting depth without overflowing the stack', () => {
    const deep = 'var x = ' + '['.repeat(100_000) + '\nvar y = 1\n';
    const t0 = Date.now();
    const r = parse(deep);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.diagnostics.some((d) => d.message.includes(`more than ${MAX_DEPTH}`))).toBe(true);
    expect(r.program.statements.at(-1)).toMatchObject({ kind: 'Variable', name: { name: 'y' } });
    for (const s of ['('.repeat(50_000), '!'.repeat(50_000) + 'a', "'${".repeat(20_000), '{a:'.repeat(30_000), 'a ? '.repeat(30_000)]) {
      expect(parse(`var x = ${s}\n`).diagnostics.length).toBeGreaterThan(0);
    }
    expect(parse('type t = ' + '['.repeat(50_000)).diagnostics.length).toBeGreaterThan(0);
  });

  it('counts one nesting level per bracket: an object or array exactly at the limit parses, one deeper does not', () => {
    const objects = (n: number) => `var x = ${'{a:'.repeat(n)}1${'}'.repeat(n)}\n`;
    const arrays = (n: number) => `var x = ${'['.repeat(n)}1${']'.repeat(n)}\n`;
    // The statement's expression is one level, each bracket inside it another.
    expect(parse(objects(MAX_DEPTH - 1)).diagnostics).toEqual([]);
    expect(parse(arrays(MAX_DEPTH - 1)).diagnostics).toEqual([]);
    expect(parse(objects(MAX_DEPTH)).diagnostics.map((d) => d.code)).toEqual(['limit-exceeded']);
    expect(parse(arrays(MAX_DEPTH)).diagnostics.map((d) => d.code)).toEqual(['limit-exceeded']);
    // Types too: `type t = { a: { ... } }`.
    expect(parse(`type t = ${'{a:'.repeat(MAX_DEPTH - 1)}string${'}'.repeat(MAX_DEPTH - 1)}\n`).diagnostics).toEqual([]);
  });

  it('past the nesting limit, the rest of the statement is skipped, not reported line by line', () => {
    const lines = ['var x = {', ...Array.from({ length: MAX_DEPTH + 20 }, () => '  a: {'), '  b: 1', ...Array.from({ length: MAX_DEPTH + 20 }, () => '  }'), '}', "output o string = 'after'", ''];
    const r = parse(lines.join('\n'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['limit-exceeded']);
    expect(r.program.statements.at(-1)).toMatchObject({ kind: 'Output', name: { name: 'o' } });
  });

  it('never throws on arbitrary garbage', () => {
    const junk = ["}}}]]])))", "@@@", "param", "resource r", "'${", "$'''${", "#disable-next-line", "\u0000\uffff", "func f(", "import {", "[for", "x =>"];
    for (const j of junk) expect(() => parse(j)).not.toThrow();
    // A deterministic pseudo-random soup of Bicep-ish fragments.
    const parts = ['{', '}', '[', ']', '(', ')', "'a${", '}b\'', ':', ',', '\n', 'x', '=', '?', '@d()', 'resource', 'for', 'in', 'if', '=>', '...', '.', '::', '!', "'''"];
    let seed = 42;
    for (let n = 0; n < 200; n++) {
      let s = '';
      for (let k = 0; k < 60; k++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        s += parts[seed % parts.length] + ' ';
      }
      expect(() => parse(s)).not.toThrow();
    }
  });
});
