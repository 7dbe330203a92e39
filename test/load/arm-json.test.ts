import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadJson } from '../../src/load/arm-json.js';
import { decodeText, readSource } from '../../src/load/read.js';
import { SourceText } from '../../src/model/source.js';
import { childOf, isTObject, own, type Located, type TObject } from '../../src/model/template.js';

function load(text: string) {
  const source = new SourceText('/virtual/t.json', text, 'arm');
  return { source, ...loadJson(source) };
}

/** Walks a path and returns "line:col-line:col" of the value there. */
function where(text: string, ...path: (string | number)[]): string {
  const l = load(text);
  expect(l.diagnostics).toEqual([]);
  let cur: Located = { node: l.root ?? null, span: l.span };
  for (const k of path) {
    if (typeof k === 'number') {
      const arr = cur.node as unknown[];
      cur = { node: arr[k] as never, span: cur.span.child(arr, k) };
    } else {
      const next = childOf(cur as Located<TObject>, k);
      if (!next) throw new Error(`no ${k}`);
      cur = next;
    }
  }
  const r = cur.span.region();
  return `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
}

describe('ARM JSON loader', () => {
  test('strict JSON: exact start and end of values', () => {
    const text = '{\n  "resources": [\n    { "name": "a", "location": "eastus" }\n  ]\n}\n';
    expect(where(text, 'resources', 0, 'location')).toBe('3:32-3:40');
    expect(where(text, 'resources', 0)).toBe('3:5-3:42');
  });

  test('comments and trailing commas are accepted, positions stay exact', () => {
    const text = '{\n  // a comment\n  "a": 1, /* block */\n  "b": [1, 2,],\n}\n';
    const l = load(text);
    expect(l.diagnostics).toEqual([]);
    expect(isTObject(l.root) && own(l.root, 'b')).toEqual([1, 2]);
    expect(where(text, 'b')).toBe('4:8-4:15');
  });

  test('with comments and trailing commas, key spans and spans inside expressions stay exact too', () => {
    const text = '{ /* a, b */ "v": /* c */ "[concat(\'a\', \'b\')]", // x,\n  "w": [ {"k": 1,}, ], }';
    const l = load(text);
    expect(l.diagnostics).toEqual([]);
    expect(l.root).toEqual({ v: "[concat('a', 'b')]", w: [{ k: 1 }] });
    expect(where(text, 'v')).toBe('1:27-1:47');
    expect(where(text, 'w', 0, 'k')).toBe('2:16-2:17');
    const root: Located<TObject> = { node: l.root as TObject, span: l.span };
    const key = l.span.keySpan(l.root as object, 'w').region();
    expect([key.start.line, key.start.column, key.end.column]).toEqual([2, 3, 6]);
    const v = childOf(root, 'v')!;
    const b = v.span.sub(13, 16).region();
    expect(text.split('\n')[0]!.slice(b.start.column - 1, b.end.column - 1)).toBe("'b'");
  });

  test('an unterminated comment or a comma with nothing after it is still an error at its place', () => {
    const open = load('{"a": 1} /* no end');
    expect(open.root).toBeUndefined();
    expect(open.diagnostics[0]?.message).toMatch(/unterminated comment/);
    expect(open.diagnostics[0]?.span.region().start.column).toBe(10);
    const dangling = load('{"a": [1,');
    expect(dangling.root).toBeUndefined();
    expect(dangling.diagnostics[0]?.code).toBe('invalid-template');
    // A comma that follows no value is not a trailing comma.
    for (const text of ['{"a": [,]}', '{"a": [1,,]}', '{,}', '// c\n{"a": [,]}']) {
      const l = load(text);
      expect(l.root, text).toBeUndefined();
      expect(l.diagnostics[0]?.message, text).toMatch(/invalid JSON/);
    }
  });

  test('an unexpected character is named, and a single quote says what to write instead', () => {
    const quoted = load("{\n  'type': \"x\"\n}");
    expect(quoted.diagnostics[0]?.message).toMatch(/^invalid JSON: unexpected single quote: JSON strings and property names are written in double quotes/);
    expect(quoted.diagnostics[0]?.span.file.position(quoted.diagnostics[0].span.range().start)).toMatchObject({ line: 2, column: 3 });
    expect(load('{"a": @}').diagnostics[0]?.message).toMatch(/^invalid JSON: unexpected character '@'/);
    expect(load('{"a": \u00a0}').diagnostics[0]?.message).toMatch(/^invalid JSON: unexpected character U\+00A0/);
  });

  test('raw line breaks and tabs inside strings are kept as written', () => {
    const text = '{\n  "s": "line one\nline two\tend",\n  "t": 2\n}';
    const l = load(text);
    expect(l.diagnostics).toEqual([]);
    expect(isTObject(l.root) && own(l.root, 's')).toBe('line one\nline two\tend');
    expect(where(text, 't')).toBe('4:8-4:9');
  });

  test('CRLF line endings', () => {
    const text = '{\r\n  "a": {\r\n    "b": "x"\r\n  }\r\n}\r\n';
    expect(where(text, 'a', 'b')).toBe('3:10-3:13');
  });

  test('a UTF-8 byte order mark is removed before parsing', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a": 1}')]);
    const d = decodeText(bytes);
    expect('text' in d && d.text).toBe('{"a": 1}');
  });

  test('UTF-16 with a byte order mark is decoded', () => {
    const body = Buffer.from('{"a": 1}', 'utf16le');
    const d = decodeText(new Uint8Array([0xff, 0xfe, ...body]));
    expect('text' in d && d.text).toBe('{"a": 1}');
  });

  test('a NUL byte or invalid UTF-8 is not text', () => {
    expect(decodeText(new Uint8Array([0x7b, 0x00, 0x7d]))).toMatchObject({ error: expect.stringContaining('NUL byte') });
    expect(decodeText(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))).toMatchObject({ error: expect.stringContaining('not valid UTF-8') });
  });

  test('a syntax error is reported at its exact place', () => {
    const l = load('{\n  "a": 1\n  "b": 2\n}');
    expect(l.root).toBeUndefined();
    expect(l.diagnostics).toHaveLength(1);
    const d = l.diagnostics[0]!;
    expect(d.code).toBe('invalid-template');
    expect(d.message).toContain("expected ','");
    expect(d.span.region().start).toEqual({ line: 3, column: 3 });
  });

  test('an unterminated string is reported where it starts', () => {
    const l = load('{\n  "a": "abc\n}');
    // A raw line break inside a string is accepted, so the string runs to the end of the file.
    expect(l.diagnostics[0]?.code).toBe('invalid-template');
  });

  test('an empty file is an error', () => {
    expect(load('  \n').diagnostics[0]?.message).toContain('empty');
  });

  test('__proto__, constructor and prototype are ordinary keys', () => {
    for (const text of ['{"__proto__": {"x": 1}, "constructor": 2}', '{"__proto__": {"x": 1}, "constructor": 2, /* jsonc */}']) {
      const l = load(text);
      const root = l.root as TObject;
      expect(Object.getPrototypeOf(root)).toBe(Object.prototype);
      expect(own(root, '__proto__')).toEqual({ x: 1 });
      expect(own(root, 'constructor')).toBe(2);
      expect(own(root, 'prototype')).toBeUndefined();
      expect(own(root, 'toString')).toBeUndefined();
    }
  });

  test('a large template (its repeated strings shared) loads to the same values, __proto__ still an ordinary key', () => {
    const resources = Array.from({ length: 6000 }, (_, i) => ({
      type: 'Microsoft.Network/networkInterfaces',
      name: `nic-${i}`,
      dependsOn: ["[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]"],
      tags: { __proto__: 'a string', constructor: 'x' },
    }));
    // Written so that "__proto__" is a key of the JSON text, as JSON.parse then keeps it.
    const text = JSON.stringify({ resources }, null, 1).replaceAll('"tags": {', '"tags": {\n "__proto__": "a string",');
    expect(text.length).toBeGreaterThan(1_000_000);
    const l = load(text);
    expect(l.diagnostics).toEqual([]);
    expect(l.root).toEqual(JSON.parse(text));
    const tags = own(((own(l.root as TObject, 'resources') as TObject[])[5999] as TObject), 'tags') as TObject;
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(own(tags, '__proto__')).toBe('a string');
    expect(where(text, 'resources', 5999, 'name')).toMatch(/^\d+:\d+-\d+:\d+$/);
  });

  test('nesting deeper than the limit is a limit finding at the exact bracket, not a crash', () => {
    const text = `{"a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const l = load(text);
    expect(l.root).toBeUndefined();
    expect(l.diagnostics[0]?.code).toBe('limit-exceeded');
    expect(l.diagnostics[0]?.span.region().start.column).toBe(6 + 512);
  });

  test('too deep is found the same in JSON with comments (jsonc-parser path) and in objects', () => {
    const objects = `{"a": ${'{"b": '.repeat(600)}1${'}'.repeat(600)}}`;
    const o = load(objects);
    expect(o.root).toBeUndefined();
    expect(o.diagnostics[0]?.code).toBe('limit-exceeded');
    // The 513th opening brace: the document's own, then 511 of '{"b": ' after '{"a": '.
    expect(o.diagnostics[0]?.span.region().start.column).toBe(7 + 511 * 6);
    const commented = `// deep\n{"a": ${'['.repeat(600)}${']'.repeat(600)}}`;
    const c = load(commented);
    expect(c.root).toBeUndefined();
    expect(c.diagnostics[0]?.code).toBe('limit-exceeded');
    expect(c.diagnostics[0]?.span.region().start).toEqual({ line: 2, column: 6 + 512 });
    // Exactly at the limit is accepted.
    expect(load(`${'['.repeat(512)}${']'.repeat(512)}`).diagnostics).toEqual([]);
  });

  test('spans inside an expression string map to file columns, escapes included', () => {
    const text = '{"v": "[concat(\\"a\\", \'b\')]"}';
    const l = load(text);
    const v = childOf({ node: l.root as TObject, span: l.span }, 'v')!;
    // decoded: [concat("a", 'b')] ; index 13 is the quote before b
    const s = v.span.sub(13, 16).region();
    expect(text.slice(s.start.column - 1, s.end.column - 1)).toBe("'b'");
  });
});

describe('readSource on files: the direct UTF-8 read and the byte-checked one agree', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes: Uint8Array) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return readSource(p, 'arm');
  };
  const utf8 = (s: string) => new TextEncoder().encode(s);

  test('plain UTF-8, with and without a byte order mark; a real U+FFFD character is text', () => {
    const plain = file('plain.json', utf8('{"a": "é"}'));
    expect(plain.ok && plain.source.text).toBe('{"a": "é"}');
    const bom = file('bom.json', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"a": 1}')]));
    expect(bom.ok && bom.source.text).toBe('{"a": 1}');
    const fffd = file('fffd.json', utf8('{"a": "\uFFFD"}'));
    expect(fffd.ok && fffd.source.text).toBe('{"a": "\uFFFD"}');
  });

  test('UTF-16 with a byte order mark is decoded; invalid UTF-8 and NUL bytes are findings at the bad byte', () => {
    const u16 = file('u16.json', new Uint8Array([0xff, 0xfe, ...Buffer.from('{"a": 1}', 'utf16le')]));
    expect(u16.ok && u16.source.text).toBe('{"a": 1}');
    const bad = file('bad.json', new Uint8Array([...utf8('{"a": "x'), 0xc3, 0x28, ...utf8('"}')]));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.diagnostic.message).toContain('not valid UTF-8');
      expect(bad.diagnostic.span.region().start).toEqual({ line: 1, column: 9 });
    }
    const nul = file('nul.json', new Uint8Array([...utf8('{"a": 1'), 0, ...utf8('}')]));
    expect(nul.ok).toBe(false);
    if (!nul.ok) expect(nul.diagnostic.message).toContain('NUL byte at byte offset 7');
  });
});

describe('positions of a template whose text was packed after loading', () => {
  test('spans resolve in the text as it was read (plain JSON and JSON with comments)', () => {
    const plainText = '{\n  "resources": [\n    { "name": "a", "location": "eastus" }\n  ]\n}\n';
    const commented = '// a comment\n{\n  "resources": [\n    { "name": "a", /* here */ "location": "eastus", }\n  ]\n}\n';
    for (const text of [plainText, commented]) {
      const l = load(text);
      expect(l.diagnostics).toEqual([]);
      // Packed before any position was asked for (as the lint does for a large template).
      l.source.pack();
      const res = childOf({ node: l.root as TObject, span: l.span }, 'resources') as Located;
      const first = { node: (res.node as TObject[])[0] as TObject, span: res.span.child(res.node as TObject[], 0) };
      const loc = childOf(first, 'location') as Located;
      const r = loc.span.region();
      const line = text.split('\n').findIndex((l) => l.includes('"location"')) + 1;
      expect(r.start.line).toBe(line);
      expect(text.split('\n')[line - 1]?.slice(r.start.column - 1, r.end.column - 1)).toBe('"eastus"');
    }
  });
});
