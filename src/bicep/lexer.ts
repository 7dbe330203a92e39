// Bicep lexer. Produces the same token kinds as the Bicep compiler (names match its TokenType, so
// the baseline token dumps can be compared directly), keeps comments and `#` directives apart as
// trivia, and never throws: bad characters become `Unrecognized` tokens plus an error.
//
// Bicep is newline-sensitive, so runs of line breaks are NewLine tokens. Strings are split at
// interpolation holes the way Bicep does it: 'a${x}b' is StringLeftPiece `'a${`, the tokens of x,
// then StringRightPiece `}b'`. Which `}` closes a hole (rather than an object inside the hole) is
// tracked with an explicit stack, so nesting depth never costs call stack.

export type TokenKind =
  | 'At'
  | 'Unrecognized'
  | 'LeftBrace'
  | 'RightBrace'
  | 'LeftParen'
  | 'RightParen'
  | 'LeftSquare'
  | 'RightSquare'
  | 'Comma'
  | 'Dot'
  | 'Question'
  | 'Colon'
  | 'Semicolon'
  | 'Assignment'
  | 'Plus'
  | 'Minus'
  | 'Asterisk'
  | 'Slash'
  | 'Modulo'
  | 'Exclamation'
  | 'LeftChevron'
  | 'RightChevron'
  | 'LessThanOrEqual'
  | 'GreaterThanOrEqual'
  | 'Equals'
  | 'NotEquals'
  | 'EqualsInsensitive'
  | 'NotEqualsInsensitive'
  | 'LogicalAnd'
  | 'LogicalOr'
  | 'Identifier'
  | 'StringLeftPiece'
  | 'StringMiddlePiece'
  | 'StringRightPiece'
  | 'StringComplete'
  | 'Integer'
  | 'TrueKeyword'
  | 'FalseKeyword'
  | 'NullKeyword'
  | 'NewLine'
  | 'EndOfFile'
  | 'DoubleQuestion'
  | 'DoubleColon'
  | 'Arrow'
  | 'Pipe'
  | 'Ellipsis'
  | 'Hat';

export interface Token {
  kind: TokenKind;
  /** Offsets in the source text, end exclusive. */
  start: number;
  end: number;
  /**
   * For string tokens: the number of `$` of a multi-line string ('''…''' is 0, $'''…''' is 1);
   * -1 for an ordinary single-line string. Absent on other tokens.
   */
  dollars?: number;
}

export type TriviaKind = 'line-comment' | 'block-comment' | 'directive';

/** A comment or a `#disable-next-line`-style directive (never part of the token stream). */
export interface Trivia {
  kind: TriviaKind;
  start: number;
  end: number;
}

export interface LexError {
  message: string;
  start: number;
  end: number;
}

export interface LexResult {
  tokens: Token[];
  trivia: Trivia[];
  errors: LexError[];
}

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_QUOTE = 39; // '
const CH_DOLLAR = 36;
const CH_LBRACE = 123;
const CH_RBRACE = 125;
const CH_BACKSLASH = 92;

export function isIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

export function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

const DIRECTIVES = ['disable-next-line', 'disable-diagnostics', 'restore-diagnostics'];

/** A hole of an interpolated string is open: -1 for a single-line string, N>=1 for a $-multi-line one. */
type Mode = { kind: 'hole'; dollars: number } | { kind: 'brace' };

export function lex(text: string): LexResult {
  return new Lexer(text).run();
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private readonly trivia: Trivia[] = [];
  private readonly errors: LexError[] = [];
  private readonly modes: Mode[] = [];
  /** Offset where the current line starts (for directives, which must start a line). */
  private lineStart = 0;

  constructor(private readonly text: string) {}

  run(): LexResult {
    const t = this.text;
    const n = t.length;
    for (;;) {
      this.skipTrivia();
      if (this.pos >= n) break;
      this.scanToken();
    }
    // A string hole still open at the end of the file: the string piece scanner reported it already.
    this.tokens.push({ kind: 'EndOfFile', start: n, end: n });
    return { tokens: this.tokens, trivia: this.trivia, errors: this.errors };
  }

  private error(message: string, start: number, end: number): void {
    this.errors.push({ message, start, end });
  }

  private push(kind: TokenKind, start: number, end: number): void {
    this.tokens.push({ kind, start, end });
    this.pos = end;
  }

  private skipTrivia(): void {
    const t = this.text;
    const n = t.length;
    while (this.pos < n) {
      const c = t.charCodeAt(this.pos);
      if (c === CH_SPACE || c === CH_TAB) {
        this.pos++;
      } else if (c === 47 /* / */ && t.charCodeAt(this.pos + 1) === 47) {
        const start = this.pos;
        let i = this.pos + 2;
        while (i < n) {
          const d = t.charCodeAt(i);
          if (d === CH_LF || d === CH_CR) break;
          i++;
        }
        this.trivia.push({ kind: 'line-comment', start, end: i });
        this.pos = i;
      } else if (c === 47 && t.charCodeAt(this.pos + 1) === 42 /* * */) {
        const start = this.pos;
        const close = t.indexOf('*/', this.pos + 2);
        const end = close < 0 ? n : close + 2;
        if (close < 0) this.error('unterminated multi-line comment', start, end);
        this.trivia.push({ kind: 'block-comment', start, end });
        this.pos = end;
        this.noteLineBreaks(start, end);
      } else if (c === 35 /* # */ && this.atLineStartOnlyWhitespace() && this.directiveAhead()) {
        const start = this.pos;
        let i = this.pos + 1;
        while (i < n) {
          const d = t.charCodeAt(i);
          if (d === CH_LF || d === CH_CR) break;
          // A comment after the codes is a comment, not part of the directive.
          if (d === 47 && (t.charCodeAt(i + 1) === 47 || t.charCodeAt(i + 1) === 42)) break;
          i++;
        }
        let end = i;
        while (end > start && (t.charCodeAt(end - 1) === CH_SPACE || t.charCodeAt(end - 1) === CH_TAB)) end--;
        this.trivia.push({ kind: 'directive', start, end });
        this.pos = i;
      } else {
        break;
      }
    }
  }

  /** Keeps lineStart right when a block comment spans lines. */
  private noteLineBreaks(start: number, end: number): void {
    for (let i = end - 1; i >= start; i--) {
      const c = this.text.charCodeAt(i);
      if (c === CH_LF || c === CH_CR) {
        this.lineStart = i + 1;
        return;
      }
    }
  }

  private atLineStartOnlyWhitespace(): boolean {
    for (let i = this.lineStart; i < this.pos; i++) {
      const c = this.text.charCodeAt(i);
      if (c !== CH_SPACE && c !== CH_TAB) return false;
    }
    return true;
  }

  private directiveAhead(): boolean {
    for (const d of DIRECTIVES) {
      if (this.text.startsWith(d, this.pos + 1) && !isDirectiveNamePart(this.text.charCodeAt(this.pos + 1 + d.length))) {
        return true;
      }
    }
    return false;
  }

  private scanToken(): void {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    const next = t.charCodeAt(start + 1);
    switch (c) {
      case CH_LF:
      case CH_CR: {
        if (this.modes.some((m) => m.kind === 'hole' && m.dollars < 0)) {
          // A line break ends a single-line string early; close every open hole so the rest
          // of the file lexes normally (the same recovery as Bicep's).
          // Like Bicep: an empty StringRightPiece closes the string, the line break is lexed next.
          this.error('unterminated string: a line break is not allowed in a single-line string', start, start);
          this.modes.length = 0;
          this.tokens.push({ kind: 'StringRightPiece', start, end: start, dollars: -1 });
          return;
        }
        let i = start;
        while (i < t.length) {
          const d = t.charCodeAt(i);
          if (d !== CH_LF && d !== CH_CR) break;
          i++;
        }
        this.push('NewLine', start, i);
        this.lineStart = i;
        return;
      }
      case CH_LBRACE:
        if (this.modes.length > 0) this.modes.push({ kind: 'brace' });
        this.push('LeftBrace', start, start + 1);
        return;
      case CH_RBRACE: {
        const top = this.modes[this.modes.length - 1];
        if (top?.kind === 'brace') {
          this.modes.pop();
        } else if (top?.kind === 'hole') {
          if (top.dollars < 0) this.scanStringPiece(start, start + 1, false);
          else this.scanMultilinePiece(start, start + 1, top.dollars, false);
          return;
        }
        this.push('RightBrace', start, start + 1);
        return;
      }
      case 40:
        this.push('LeftParen', start, start + 1);
        return;
      case 41:
        this.push('RightParen', start, start + 1);
        return;
      case 91:
        this.push('LeftSquare', start, start + 1);
        return;
      case 93:
        this.push('RightSquare', start, start + 1);
        return;
      case 64:
        this.push('At', start, start + 1);
        return;
      case 44:
        this.push('Comma', start, start + 1);
        return;
      case 46: // .
        if (next === 46 && t.charCodeAt(start + 2) === 46) this.push('Ellipsis', start, start + 3);
        else this.push('Dot', start, start + 1);
        return;
      case 63: // ?
        if (next === 63) this.push('DoubleQuestion', start, start + 2);
        else this.push('Question', start, start + 1);
        return;
      case 58: // :
        if (next === 58) this.push('DoubleColon', start, start + 2);
        else this.push('Colon', start, start + 1);
        return;
      case 59:
        this.push('Semicolon', start, start + 1);
        return;
      case 43:
        this.push('Plus', start, start + 1);
        return;
      case 45:
        this.push('Minus', start, start + 1);
        return;
      case 37:
        this.push('Modulo', start, start + 1);
        return;
      case 42:
        this.push('Asterisk', start, start + 1);
        return;
      case 47:
        this.push('Slash', start, start + 1);
        return;
      case 94:
        this.push('Hat', start, start + 1);
        return;
      case 33: // !
        if (next === 61) this.push('NotEquals', start, start + 2);
        else if (next === 126) this.push('NotEqualsInsensitive', start, start + 2);
        else this.push('Exclamation', start, start + 1);
        return;
      case 60: // <
        if (next === 61) this.push('LessThanOrEqual', start, start + 2);
        else this.push('LeftChevron', start, start + 1);
        return;
      case 62: // >
        if (next === 61) this.push('GreaterThanOrEqual', start, start + 2);
        else this.push('RightChevron', start, start + 1);
        return;
      case 61: // =
        if (next === 61) this.push('Equals', start, start + 2);
        else if (next === 126) this.push('EqualsInsensitive', start, start + 2);
        else if (next === 62) this.push('Arrow', start, start + 2);
        else this.push('Assignment', start, start + 1);
        return;
      case 38: // &
        if (next === 38) this.push('LogicalAnd', start, start + 2);
        else this.unrecognized(start, start + 1);
        return;
      case 124: // |
        if (next === 124) this.push('LogicalOr', start, start + 2);
        else this.push('Pipe', start, start + 1);
        return;
      case CH_QUOTE:
        if (next === CH_QUOTE && t.charCodeAt(start + 2) === CH_QUOTE) this.scanMultilinePiece(start, start + 3, 0, true);
        else this.scanStringPiece(start, start + 1, true);
        return;
      case CH_DOLLAR: {
        let i = start;
        while (t.charCodeAt(i) === CH_DOLLAR) i++;
        if (t.charCodeAt(i) === CH_QUOTE && t.charCodeAt(i + 1) === CH_QUOTE && t.charCodeAt(i + 2) === CH_QUOTE) {
          this.scanMultilinePiece(start, i + 3, i - start, true);
        } else {
          this.unrecognized(start, start + 1);
        }
        return;
      }
      default:
        break;
    }
    if (isDigit(c)) {
      let i = start + 1;
      while (isDigit(t.charCodeAt(i))) i++;
      this.push('Integer', start, i);
      return;
    }
    if (isIdentifierStart(c)) {
      let i = start + 1;
      while (isIdentifierPart(t.charCodeAt(i))) i++;
      this.push(keywordKind(t, start, i), start, i);
      return;
    }
    // One code point (not one UTF-16 unit), so a surrogate pair is one Unrecognized token.
    const cp = t.codePointAt(start) ?? c;
    this.unrecognized(start, start + (cp > 0xffff ? 2 : 1));
  }

  private unrecognized(start: number, end: number): void {
    const s = this.text.slice(start, end);
    this.error(s === '"' ? 'unexpected \'"\': strings use single quotes' : `unrecognized character ${shownCharacter(s)}`, start, end);
    this.push('Unrecognized', start, end);
  }

  /** Scans a single-line string piece from `contentStart` (after `'` or `}`). */
  private scanStringPiece(start: number, contentStart: number, first: boolean): void {
    const t = this.text;
    const n = t.length;
    let i = contentStart;
    const done = (kind: TokenKind, end: number): void => {
      this.tokens.push({ kind, start, end, dollars: -1 });
      this.pos = end;
    };
    for (;;) {
      if (i >= n) {
        this.error('unterminated string', start, i);
        if (!first) this.popHole();
        done(first ? 'StringComplete' : 'StringRightPiece', i);
        return;
      }
      const c = t.charCodeAt(i);
      if (c === CH_LF || c === CH_CR) {
        this.error('unterminated string: a line break is not allowed in a single-line string', start, i);
        if (!first) this.popHole();
        done(first ? 'StringComplete' : 'StringRightPiece', i);
        return;
      }
      if (c === CH_QUOTE) {
        if (!first) this.popHole();
        done(first ? 'StringComplete' : 'StringRightPiece', i + 1);
        return;
      }
      if (c === CH_DOLLAR && t.charCodeAt(i + 1) === CH_LBRACE) {
        if (first) this.modes.push({ kind: 'hole', dollars: -1 });
        done(first ? 'StringLeftPiece' : 'StringMiddlePiece', i + 2);
        return;
      }
      if (c === CH_BACKSLASH) {
        i = this.scanEscape(i);
        continue;
      }
      i++;
    }
  }

  /** Validates the escape sequence at `i` (a backslash); returns the offset after it. */
  private scanEscape(i: number): number {
    const t = this.text;
    const e = t.charCodeAt(i + 1);
    if (i + 1 >= t.length || e === CH_LF || e === CH_CR) return i + 1; // reported as unterminated by the caller
    if (e === 117 /* u */) {
      if (t.charCodeAt(i + 2) !== CH_LBRACE) {
        this.error('invalid unicode escape: expected \\u{hex}', i, i + 2);
        return i + 2;
      }
      let j = i + 3;
      while (isHexDigit(t.charCodeAt(j))) j++;
      const hex = t.slice(i + 3, j);
      if (t.charCodeAt(j) !== CH_RBRACE || hex.length === 0 || hex.length > 8 || parseInt(hex, 16) > 0x10ffff) {
        this.error('invalid unicode escape: expected \\u{hex} with a code point up to 10FFFF', i, j);
        return j;
      }
      return j + 1;
    }
    // n r t \ ' $
    if (e !== 110 && e !== 114 && e !== 116 && e !== CH_BACKSLASH && e !== CH_QUOTE && e !== CH_DOLLAR) {
      this.error("unrecognized escape sequence: only \\$ \\' \\\\ \\n \\r \\t and \\u{...} are allowed", i, i + 2);
    }
    return i + 2;
  }

  /**
   * Scans a multi-line string piece. `dollars` is 0 for a verbatim '''…''' string; for $'''…'''
   * strings a hole opens at exactly `dollars` `$` signs followed by `{` (extra `$` are text).
   */
  private scanMultilinePiece(start: number, contentStart: number, dollars: number, first: boolean): void {
    const t = this.text;
    const n = t.length;
    let i = contentStart;
    let quotes = 0;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === CH_QUOTE) {
        quotes++;
        i++;
        if (quotes === 3) {
          // More quotes may follow: the text itself may end with quotes.
          while (t.charCodeAt(i) === CH_QUOTE) i++;
          if (!first) this.popHole();
          this.tokens.push({ kind: first ? 'StringComplete' : 'StringRightPiece', start, end: i, dollars });
          this.pos = i;
          this.noteLineBreaks(start, i);
          return;
        }
        continue;
      }
      quotes = 0;
      if (dollars > 0 && c === CH_DOLLAR) {
        let j = i;
        while (j - i < dollars && t.charCodeAt(j) === CH_DOLLAR) j++;
        if (j - i === dollars && t.charCodeAt(j) === CH_LBRACE) {
          if (first) this.modes.push({ kind: 'hole', dollars });
          this.tokens.push({ kind: first ? 'StringLeftPiece' : 'StringMiddlePiece', start, end: j + 1, dollars });
          this.pos = j + 1;
          this.noteLineBreaks(start, j + 1);
          return;
        }
      }
      i++;
    }
    this.error("unterminated multi-line string: expected closing '''", start, n);
    if (!first) this.popHole();
    this.tokens.push({ kind: first ? 'StringComplete' : 'StringRightPiece', start, end: n, dollars });
    this.pos = n;
  }

  private popHole(): void {
    const top = this.modes[this.modes.length - 1];
    if (top?.kind === 'hole') this.modes.pop();
  }
}

function isDirectiveNamePart(c: number): boolean {
  return isIdentifierPart(c) || c === 45;
}

function keywordKind(t: string, start: number, end: number): TokenKind {
  const len = end - start;
  if (len === 4) {
    if (t.startsWith('true', start)) return 'TrueKeyword';
    if (t.startsWith('null', start)) return 'NullKeyword';
  } else if (len === 5 && t.startsWith('false', start)) {
    return 'FalseKeyword';
  }
  return 'Identifier';
}

/** Decodes the text of a single-line string piece's content (between delimiters); bad escapes are kept verbatim. */
export function decodeStringContent(raw: string): string {
  if (raw.indexOf('\\') < 0) return raw;
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw.charCodeAt(i) !== CH_BACKSLASH) continue;
    parts.push(raw.slice(last, i));
    const e = raw[i + 1];
    let consumed = 2;
    switch (e) {
      case 'n':
        parts.push('\n');
        break;
      case 'r':
        parts.push('\r');
        break;
      case 't':
        parts.push('\t');
        break;
      case '\\':
      case "'":
      case '$':
        parts.push(e);
        break;
      case 'u': {
        const close = raw.indexOf('}', i + 3);
        const hex = raw[i + 2] === '{' && close > 0 ? raw.slice(i + 3, close) : '';
        const cp = /^[0-9a-fA-F]{1,8}$/.test(hex) ? parseInt(hex, 16) : NaN;
        if (cp <= 0x10ffff) {
          parts.push(String.fromCodePoint(cp));
          consumed = close - i + 1;
        } else {
          parts.push(raw.slice(i, i + 2));
        }
        break;
      }
      default:
        parts.push(raw.slice(i, i + 2));
        break;
    }
    i += consumed - 1;
    last = i + 1;
  }
  parts.push(raw.slice(last));
  return parts.join('');
}

/**
 * A character the lexer does not take, as a message shows it: quoted when it can be seen, else
 * by its code point (a second byte order mark, a no-break space or a zero-width space pasted
 * from a web page showed as '' or ' ', which told nothing).
 */
function shownCharacter(s: string): string {
  if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]+$/u.test(s)) return `'${s}'`;
  const cp = s.codePointAt(0) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp === 0xfeff) return `${code} (a byte order mark, which only the start of a file may have)`;
  if (cp === 0xa0 || cp === 0x202f) return `${code} (a no-break space)`;
  if (/^\p{Zs}$/u.test(s)) return `${code} (a space character other than ' ')`;
  if (/^\p{Cc}$/u.test(s)) return `${code} (a control character)`;
  return `${code} (an invisible character)`;
}
