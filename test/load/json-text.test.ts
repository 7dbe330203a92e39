// Comments and trailing commas blanked for JSON.parse: the same value jsonc-parser reads, at the
// same offsets, and nothing inside strings touched.
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { describe, expect, test } from 'vitest';
import { blankCommentsAndTrailingCommas } from '../../src/load/json-text.js';

/** What JSON.parse makes of the blanked text (the text itself when nothing was blanked). */
function parsedBlanked(text: string): unknown {
  return JSON.parse(blankCommentsAndTrailingCommas(text) ?? text);
}

describe('blankCommentsAndTrailingCommas', () => {
  test('comments and trailing commas become spaces; offsets do not move', () => {
    const text = '{\r\n  // line\r\n  "a": [1, 2, /* c */ ],\n  /* b */ "b": {"c": true,},\n}';
    const out = blankCommentsAndTrailingCommas(text) as string;
    expect(out).toHaveLength(text.length);
    for (let i = 0; i < text.length; i++) if (out[i] !== text[i]) expect(out[i]).toBe(' ');
    expect(JSON.parse(out)).toEqual({ a: [1, 2], b: { c: true } });
    // the line breaks after line comments stay
    expect(out.split('\r\n')).toHaveLength(3);
  });

  test('what looks like a comment or a comma inside a string is text', () => {
    const text = '{"u": "https://x/*y*/", "e": "a\\\\", "q": "say \\"//no\\"", "c": "[1,]"} // end';
    expect(parsedBlanked(text)).toEqual({ u: 'https://x/*y*/', e: 'a\\', q: 'say "//no"', c: '[1,]' });
  });

  test('nothing to blank, or a broken token: undefined (jsonc-parser reports it at its place)', () => {
    expect(blankCommentsAndTrailingCommas('{"a": [1, 2]}')).toBeUndefined();
    expect(blankCommentsAndTrailingCommas('{"a": 1 /* open')).toBeUndefined();
    expect(blankCommentsAndTrailingCommas('{"a": "open')).toBeUndefined();
    expect(blankCommentsAndTrailingCommas('{"a": 1 / 2}')).toBeUndefined();
  });

  test('only a comma that ends a value list is trailing', () => {
    for (const bad of ['[,]', '[1,,]', '{"a": 1,,}', '{,}', '{"a":,}']) expect(() => parsedBlanked(`${bad} // x`), bad).toThrow();
    expect(parsedBlanked('[[1],{"a":"b"},"s",null,] // x')).toEqual([[1], { a: 'b' }, 's', null]);
  });

  test('generated documents read as jsonc-parser reads them', () => {
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const trivia = () => [' ', '\n', '\r\n', '\t', ' // note\n', '/* x, ] */', '/**/', ' //\r\n', ''][rnd(9)] as string;
    const strings = ['"plain"', '"http://a/b"', '"/* not */"', '"a\\"b//c"', '"back\\\\"', '"[x, ]"', '"é,ü"'];
    const value = (depth: number): string => {
      const k = depth > 3 ? rnd(4) : rnd(7);
      if (k === 0) return strings[rnd(strings.length)] as string;
      if (k === 1) return String(rnd(1000) - 500);
      if (k === 2) return ['true', 'false', 'null'][rnd(3)] as string;
      if (k === 3) return '"s"';
      const items = Array.from({ length: rnd(4) }, (_, i) => (k % 2 === 0 ? `"k${i}"${trivia()}:${trivia()}${value(depth + 1)}` : value(depth + 1)));
      const trailing = items.length > 0 && rnd(2) === 0 ? `,${trivia()}` : '';
      const [open, close] = k % 2 === 0 ? ['{', '}'] : ['[', ']'];
      return `${open}${trivia()}${items.join(`${trivia()},${trivia()}`)}${trailing}${trivia()}${close}`;
    };
    for (let n = 0; n < 500; n++) {
      const text = `${trivia()}${value(0)}${trivia()}`;
      const errors: ParseError[] = [];
      const expected: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
      expect(errors, text).toEqual([]);
      const out = blankCommentsAndTrailingCommas(text) ?? text;
      expect(out, text).toHaveLength(text.length);
      expect(JSON.parse(out), text).toEqual(expected);
    }
  });
});
