// -p values of object and array parameters as the Azure CLI reads them: JSON, else a Python
// literal (ast.literal_eval), which cmd and PowerShell users write because their shells strip
// double quotes.
import { describe, expect, test } from 'vitest';
import { parsePythonLiteral } from '../../src/deploy/python-literal.js';

describe('parsePythonLiteral', () => {
  test('dicts, lists, tuples, strings in either quotes, numbers, True, False and None', () => {
    expect(parsePythonLiteral("{'env': 'prod', \"n\": 3, 'on': True, 'off': False, 'none': None}")).toEqual({ env: 'prod', n: 3, on: true, off: false, none: null });
    expect(parsePythonLiteral("['1', '2',]")).toEqual(['1', '2']);
    expect(parsePythonLiteral('(1, -2.5, +3e2, 1_000)')).toEqual([1, -2.5, 300, 1000]);
    // Parentheses around one value are no tuple; a trailing comma makes one.
    expect(parsePythonLiteral("({'a': 1})")).toEqual({ a: 1 });
    expect(parsePythonLiteral("('x',)")).toEqual(['x']);
    expect(parsePythonLiteral('()')).toEqual([]);
    expect(parsePythonLiteral("{'nested': [{'a': ('x',)}]}")).toEqual({ nested: [{ a: ['x'] }] });
    expect(parsePythonLiteral('[]')).toEqual([]);
    expect(parsePythonLiteral(' { } ')).toEqual({});
  });

  test("Python's number forms: hex, octal and binary integers, '1.', '.5', underscores, a sign apart; no leading zero", () => {
    expect(parsePythonLiteral('[0x10, 0o17, 0b101, 1., .5, 1e1_0, - 1, 0, 00]')).toEqual([16, 15, 5, 1, 0.5, 1e10, -1, 0, 0]);
    expect(parsePythonLiteral('[01]')).toBeUndefined();
    expect(parsePythonLiteral('[1e400]')).toBeUndefined();
  });

  test("string prefixes: u changes nothing, r keeps backslashes; octal escapes", () => {
    expect(parsePythonLiteral("[u'x', r'a\\d', R'q\\'s']")).toEqual(['x', 'a\\d', "q\\'s"]);
    expect(parsePythonLiteral("'\\012\\1\\101'")).toBe('\n\u0001A');
    expect(parsePythonLiteral("b'x'")).toBeUndefined();
  });

  test("Python's string escapes, and adjacent strings joined", () => {
    expect(parsePythonLiteral("'it\\'s\\n\\x41\\u00e9'")).toBe("it's\nAé");
    expect(parsePythonLiteral("'a' \"b\"")).toBe('ab');
    // An unknown escape keeps its backslash, as Python does.
    expect(parsePythonLiteral("'C:\\dir'")).toBe('C:\\dir');
  });

  test('keys such as __proto__ are ordinary data', () => {
    const v = parsePythonLiteral("{'__proto__': {'x': 1}}") as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test('what literal_eval rejects is no value: names, calls, unclosed brackets, non-string keys, trailing text', () => {
    for (const text of ['env:prod', "{'a': b}", 'open("x")', "['a'", "{1: 'a'}", "'a' x", "{'a' 'b'}", '', "'unclosed"]) expect(parsePythonLiteral(text), text).toBeUndefined();
  });

  test('nesting is bounded', () => {
    expect(parsePythonLiteral(`${'['.repeat(300)}${']'.repeat(300)}`)).toBeUndefined();
    expect(parsePythonLiteral(`${'['.repeat(100)}${']'.repeat(100)}`)).toBeDefined();
  });
});
