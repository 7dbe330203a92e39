import { describe, expect, it } from 'vitest';
import { decodeStringContent, lex } from '../../src/bicep/lexer.js';

function kinds(text: string): string[] {
  return lex(text).tokens.map((t) => t.kind);
}

function texts(text: string): string[] {
  return lex(text).tokens.map((t) => text.slice(t.start, t.end));
}

describe('bicep lexer', () => {
  it('lexes operators, keywords and identifiers with exact offsets', () => {
    const text = "a ?? b.?c[?^1]! :: => ... != !~ =~ == <= >= < > && || | ^ @x";
    expect(kinds(text)).toEqual([
      'Identifier', 'DoubleQuestion', 'Identifier', 'Dot', 'Question', 'Identifier', 'LeftSquare', 'Question', 'Hat',
      'Integer', 'RightSquare', 'Exclamation', 'DoubleColon', 'Arrow', 'Ellipsis', 'NotEquals', 'NotEqualsInsensitive',
      'EqualsInsensitive', 'Equals', 'LessThanOrEqual', 'GreaterThanOrEqual', 'LeftChevron', 'RightChevron', 'LogicalAnd',
      'LogicalOr', 'Pipe', 'Hat', 'At', 'Identifier', 'EndOfFile',
    ]);
    const t = lex('param  foo').tokens;
    expect(t[1]).toMatchObject({ kind: 'Identifier', start: 7, end: 10 });
    expect(kinds('true false null resource')).toEqual(['TrueKeyword', 'FalseKeyword', 'NullKeyword', 'Identifier', 'EndOfFile']);
  });

  it('makes runs of line breaks one NewLine token (LF, CRLF and lone CR)', () => {
    expect(texts('a\r\n\r\nb\rc\n')).toEqual(['a', '\r\n\r\n', 'b', '\r', 'c', '\n', '']);
  });

  it('keeps comments as trivia, not tokens', () => {
    const r = lex('a // one\n/* two\n */ b');
    expect(kinds('a // one\n/* two\n */ b')).toEqual(['Identifier', 'NewLine', 'Identifier', 'EndOfFile']);
    expect(r.trivia.map((t) => t.kind)).toEqual(['line-comment', 'block-comment']);
    expect(r.trivia[0]).toMatchObject({ start: 2, end: 8 });
  });

  it('splits interpolated strings into pieces, with nested objects in holes', () => {
    const text = "'a${x}b${ {k: 'v'}.k }c'";
    expect(kinds(text)).toEqual([
      'StringLeftPiece', 'Identifier', 'StringMiddlePiece', 'LeftBrace', 'Identifier', 'Colon', 'StringComplete',
      'RightBrace', 'Dot', 'Identifier', 'StringRightPiece', 'EndOfFile',
    ]);
    expect(texts(text)[0]).toBe("'a${");
    expect(texts(text)[2]).toBe('}b${');
    expect(texts(text)[10]).toBe('}c\'');
    expect(kinds("'${'${x}'}'")).toEqual(['StringLeftPiece', 'StringLeftPiece', 'Identifier', 'StringRightPiece', 'StringRightPiece', 'EndOfFile']);
  });

  it('validates escapes and decodes them', () => {
    expect(lex("'\\\\ \\' \\n \\r \\t \\$ \\u{1F600}'").errors).toEqual([]);
    expect(decodeStringContent("a\\nb\\'c\\$d\\u{41}\\u{1F600}")).toBe("a\nb'c$dA\u{1F600}");
    const bad = lex("'\\q'");
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]).toMatchObject({ start: 1, end: 3 });
    expect(lex("'\\u{110000}'").errors).toHaveLength(1);
    // An escaped $ does not open a hole.
    expect(kinds("'\\${x}'")).toEqual(['StringComplete', 'EndOfFile']);
  });

  it('lexes multi-line strings, verbatim and with $-interpolation', () => {
    expect(texts("'''a\n'b'\n''''")).toEqual(["'''a\n'b'\n''''", '']);
    expect(kinds("'''${x}'''")).toEqual(['StringComplete', 'EndOfFile']);
    const text = "$$'''a ${x} $${y} $$${z}'''";
    expect(texts(text)).toEqual(["$$'''a ${x} $${", 'y', "} $$${", 'z', "}'''", '']);
    expect(kinds(text)).toEqual(['StringLeftPiece', 'Identifier', 'StringMiddlePiece', 'Identifier', 'StringRightPiece', 'EndOfFile']);
    expect(lex(text).tokens[0]?.dollars).toBe(2);
    expect(kinds("$''''''")).toEqual(['StringComplete', 'EndOfFile']);
  });

  it('reports unterminated strings and bad characters without throwing', () => {
    const r = lex("var a = 'abc\nvar b = \"x\" ☕ &");
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('unterminated string'),
      expect.stringContaining('single quotes'),
      expect.stringContaining('single quotes'),
      expect.stringContaining('unrecognized'),
      expect.stringContaining('unrecognized'),
    ]);
    expect(r.tokens.filter((t) => t.kind === 'Unrecognized')).toHaveLength(4);
    expect(lex("'''never closed").errors[0]?.message).toContain("'''");
    expect(lex('/* never closed').errors).toHaveLength(1);
  });

  it('closes an interpolation cut by a line break', () => {
    const r = lex("'a${b\nc");
    expect(r.tokens.map((t) => t.kind)).toEqual(['StringLeftPiece', 'Identifier', 'StringRightPiece', 'NewLine', 'Identifier', 'EndOfFile']);
    expect(r.errors).toHaveLength(1);
  });

  it('recognizes # directives only at the start of a line', () => {
    const r = lex('#disable-next-line BCP001 foo // why\nx #disable-next-line y\n  #restore-diagnostics a');
    expect(r.trivia.map((t) => t.kind)).toEqual(['directive', 'line-comment', 'directive']);
    expect(r.tokens.filter((t) => t.kind === 'Unrecognized')).toHaveLength(1);
  });
});
