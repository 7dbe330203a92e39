// Line and column of an offset: LF, CRLF and a lone CR each end a line.
import { describe, expect, test } from 'vitest';
import { SourceText } from '../../src/model/source.js';

describe('SourceText positions', () => {
  test('LF, CRLF and a lone CR end lines; columns count from 1', () => {
    const text = 'ab\ncd\r\nef\rgh\n';
    const src = new SourceText('/virtual/x.json', text, 'arm');
    expect(Array.from(src.lineStarts())).toEqual([0, 3, 7, 10, 13]);
    expect(src.position(0)).toEqual({ line: 1, column: 1 });
    expect(src.position(text.indexOf('d'))).toEqual({ line: 2, column: 2 });
    expect(src.position(text.indexOf('e'))).toEqual({ line: 3, column: 1 });
    expect(src.position(text.indexOf('h'))).toEqual({ line: 4, column: 2 });
    // Past the end: the last position.
    expect(src.position(text.length + 5)).toEqual({ line: 5, column: 1 });
  });

  test('a text without line breaks is one line', () => {
    const src = new SourceText('/virtual/y.json', '{"a": 1}', 'arm');
    expect(Array.from(src.lineStarts())).toEqual([0]);
    expect(src.position(5)).toEqual({ line: 1, column: 6 });
  });

  test('line starts match a character-by-character reading, whatever the mix of breaks', () => {
    // The reference: every character looked at, as the definition says.
    const reference = (t: string): number[] => {
      const out = [0];
      for (let i = 0; i < t.length; i++) {
        const c = t[i];
        if (c === '\n') out.push(i + 1);
        else if (c === '\r') {
          if (t[i + 1] === '\n') i++;
          out.push(i + 1);
        }
      }
      return out;
    };
    const pieces = ['a', 'bc', '\n', '\r', '\r\n', '\n\r', '\r\r\n', '\n\n'];
    let seed = 7;
    for (let n = 0; n < 300; n++) {
      let text = '';
      const len = n % 23;
      for (let i = 0; i < len; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += pieces[seed % pieces.length];
      }
      const src = new SourceText('/virtual/z.json', text, 'arm');
      expect(Array.from(src.lineStarts()), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});

describe('SourceText.pack', () => {
  test('the text comes back exactly, one byte per character or not', () => {
    const texts = [
      '{"name": "vm-1", "location": "westeurope"}\n'.repeat(50),
      // Latin-1 only: still one byte per character.
      '{"note": "café, naïve, ÿ"}\r\n',
      // Beyond Latin-1: emoji (a surrogate pair), CJK, and a lone surrogate, which only UTF-16 keeps.
      '{"note": "🚀 東京 \ud800 end"}',
      '',
    ];
    for (const text of texts) {
      const src = new SourceText('/virtual/p.json', text, 'arm');
      const before = Array.from(src.lineStarts());
      src.pack();
      src.pack(); // packing twice is packing once
      expect(src.text).toBe(text);
      expect(Array.from(src.lineStarts())).toEqual(before);
      // Unpacked once asked: the same string object from then on.
      expect(src.text).toBe(src.text);
    }
  });

  test('positions of a packed file are those of the text', () => {
    const text = '{\n  "a": 1,\n  "b": "x"\n}\n';
    const src = new SourceText('/virtual/q.json', text, 'arm');
    src.pack();
    expect(src.position(text.indexOf('"b"'))).toEqual({ line: 3, column: 3 });
    expect(src.lineText(2)).toBe('  "a": 1,');
  });
});
