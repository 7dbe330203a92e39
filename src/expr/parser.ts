// Parser for ARM template expressions: the strings of the form "[...]" in ARM JSON.
//
// Grammar (as accepted by Azure Resource Manager):
//   template-string := '[' ws expr ws ']'          (a string that starts with '[' and ends with ']')
//                    | '[[' ...                    (escape: the literal string without its first '[')
//   expr   := primary ( '.' ident | '[' ws expr ws ']' )*
//   primary:= string | integer | ident '(' args ')' | ident '.' ident '(' args ')'
//   string := "'" ( "''" | any char but "'" )* "'"
//   integer:= '-'? digit+
// Offsets in the AST and in errors index the decoded string (0 = the opening '[').
// Nesting is bounded (maxDepth) and so is the input (maxLength): such inputs give an error
// result, never a stack overflow.
import type { Call, Expr } from './ast.js';
import type { StaticFacts } from './check.js';
import { DEFAULT_LIMITS } from '../model/limits.js';

export type ParsedString =
  | { kind: 'literal'; value: string }
  | {
      kind: 'expr';
      ast: Expr;
      /** What the template check found out about it, kept with the cached parse (see expr/check.ts). */
      facts: StaticFacts | undefined;
    }
  | { kind: 'error'; message: string; start: number; end: number; /** A vtaplint limit, not a syntax error. */ limit?: boolean };

export interface ParseLimits {
  /** Maximum nesting of calls, accessors and indexes. */
  maxDepth: number;
  /** Maximum length of an expression string, in UTF-16 code units. */
  maxLength: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: DEFAULT_LIMITS.maxExpressionDepth, maxLength: DEFAULT_LIMITS.maxExpressionLength };

/** True when ARM treats the string as an expression (not a literal, not a `[[` escape). */
export function isExpressionString(s: string): boolean {
  return s.length >= 2 && s.charCodeAt(0) === 91 /* [ */ && s.charCodeAt(s.length - 1) === 93 /* ] */ && s.charCodeAt(1) !== 91;
}

class ParseError {
  constructor(
    readonly message: string,
    readonly start: number,
    readonly end: number,
    readonly limit = false,
  ) {}
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

class Parser {
  private pos: number;
  private depth = 0;
  /** Arguments of the calls being parsed (see primary()). */
  private readonly argStack: Expr[] = [];

  constructor(
    private readonly s: string,
    private readonly end: number,
    private readonly limits: ParseLimits,
  ) {
    this.pos = 1;
  }

  parseAll(): Expr {
    this.ws();
    if (this.pos >= this.end) throw new ParseError('The expression is empty.', 0, this.s.length);
    const e = this.expr();
    this.ws();
    if (this.pos < this.end) {
      throw new ParseError(`Unexpected '${this.s[this.pos] ?? ''}' after the end of the expression.`, this.pos, this.pos + 1);
    }
    return e;
  }

  private ws(): void {
    while (this.pos < this.end && isSpace(this.s.charCodeAt(this.pos))) this.pos++;
  }

  private enter(start: number): void {
    if (++this.depth > this.limits.maxDepth) {
      throw new ParseError(`The expression is nested more than ${this.limits.maxDepth} levels deep (limit maxExpressionDepth).`, start, this.pos + 1, true);
    }
  }

  private expr(): Expr {
    const start = this.pos;
    this.enter(start);
    let e = this.primary();
    let postfix = 0;
    for (;;) {
      this.ws();
      const c = this.s.charCodeAt(this.pos);
      if (this.pos >= this.end) break;
      if (c === 46 /* . */) {
        this.pos++;
        this.ws();
        const name = this.ident('a property name after \'.\'');
        e = { k: 'member', obj: e, name, start, end: this.pos };
      } else if (c === 91 /* [ */) {
        this.pos++;
        this.ws();
        const index = this.expr();
        this.ws();
        this.expect(93, "']'");
        e = { k: 'index', obj: e, index, start, end: this.pos };
      } else break;
      // Accessor chains are iterative, but each link still counts as nesting for the evaluator.
      if (++postfix + this.depth > this.limits.maxDepth) {
        throw new ParseError(`The expression is nested more than ${this.limits.maxDepth} levels deep (limit maxExpressionDepth).`, start, this.pos, true);
      }
    }
    this.depth--;
    return e;
  }

  private expect(code: number, what: string): void {
    if (this.s.charCodeAt(this.pos) !== code || this.pos >= this.end) {
      const found = this.pos >= this.end ? 'the end of the expression' : `'${this.s[this.pos] ?? ''}'`;
      throw new ParseError(`Expected ${what} but found ${found}.`, Math.min(this.pos, this.end), Math.min(this.pos, this.end) + 1);
    }
    this.pos++;
  }

  private ident(what: string): string {
    const start = this.pos;
    if (this.pos >= this.end || !isIdentStart(this.s.charCodeAt(this.pos))) {
      const found = this.pos >= this.end ? 'the end of the expression' : `'${this.s[this.pos] ?? ''}'`;
      throw new ParseError(`Expected ${what} but found ${found}.`, start, start + 1);
    }
    while (this.pos < this.end && isIdentPart(this.s.charCodeAt(this.pos))) this.pos++;
    return this.s.slice(start, this.pos);
  }

  private primary(): Expr {
    const start = this.pos;
    const c = this.s.charCodeAt(this.pos);
    if (this.pos >= this.end) throw new ParseError('Expected a value but found the end of the expression.', start, start + 1);
    if (c === 39 /* ' */) return this.stringLit();
    if (isDigit(c) || c === 45 /* - */ || c === 43 /* + */) return this.number();
    if (isIdentStart(c)) {
      let name = this.ident('a function name');
      let ns: string | undefined;
      this.ws();
      // `ns.fn(` is a namespaced (user-defined) function; `fn(...).prop` is handled by expr().
      if (this.s.charCodeAt(this.pos) === 46 && this.pos < this.end) {
        const save = this.pos;
        this.pos++;
        this.ws();
        if (this.pos < this.end && isIdentStart(this.s.charCodeAt(this.pos))) {
          const second = this.ident('a function name');
          this.ws();
          if (this.s.charCodeAt(this.pos) === 40 && this.pos < this.end) {
            ns = name;
            name = second;
          } else this.pos = save;
        } else this.pos = save;
      }
      if (this.s.charCodeAt(this.pos) !== 40 || this.pos >= this.end) {
        const lower = name.toLowerCase();
        // Bare keywords are accepted as literals (some tools emit them); anything else needs a call.
        if (ns === undefined && (lower === 'true' || lower === 'false' || lower === 'null')) {
          return { k: 'lit', value: lower === 'null' ? null : lower === 'true', start, end: this.pos };
        }
        const found = this.pos >= this.end ? 'the end of the expression' : `'${this.s[this.pos] ?? ''}'`;
        throw new ParseError(`Expected '(' after the function name '${name}' but found ${found}.`, start, this.pos + 1);
      }
      this.pos++;
      // Arguments are gathered on a stack shared by the whole parse, then copied into an array of
      // their exact size: an array grown by push() from [] reserves 17 slots, for calls that
      // mostly have one to three arguments (and cached parses are kept).
      const mark = this.argStack.length;
      this.ws();
      if (this.s.charCodeAt(this.pos) === 41 && this.pos < this.end) {
        this.pos++;
      } else {
        for (;;) {
          this.ws();
          const arg = this.expr();
          this.argStack.push(arg);
          this.ws();
          const d = this.s.charCodeAt(this.pos);
          if (this.pos < this.end && d === 44 /* , */) {
            this.pos++;
            continue;
          }
          if (this.pos < this.end && d === 41 /* ) */) {
            this.pos++;
            break;
          }
          const found = this.pos >= this.end ? 'the end of the expression' : `'${this.s[this.pos] ?? ''}'`;
          throw new ParseError(`Expected ',' or ')' in the arguments of '${name}' but found ${found}.`, this.pos, this.pos + 1);
        }
      }
      const args = this.argStack.slice(mark);
      this.argStack.length = mark;
      const call: Call = { k: 'call', ns, name, args, start, end: this.pos };
      return call;
    }
    throw new ParseError(`Unexpected character '${this.s[this.pos] ?? ''}'.`, start, start + 1);
  }

  private stringLit(): Expr {
    const start = this.pos;
    this.pos++;
    // Most literals have no '' escape: one search and one slice.
    const close = this.s.indexOf("'", this.pos);
    if (close >= 0 && close < this.end && (close + 1 >= this.end || this.s.charCodeAt(close + 1) !== 39)) {
      const value = this.s.slice(this.pos, close);
      this.pos = close + 1;
      return { k: 'lit', value, start, end: this.pos };
    }
    let out = '';
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= this.end) throw new ParseError('The string literal is not terminated.', start, this.end);
      if (this.s.charCodeAt(this.pos) === 39) {
        if (this.s.charCodeAt(this.pos + 1) === 39 && this.pos + 1 < this.end) {
          out += this.s.slice(chunk, this.pos + 1);
          this.pos += 2;
          chunk = this.pos;
          continue;
        }
        out += this.s.slice(chunk, this.pos);
        this.pos++;
        return { k: 'lit', value: out, start, end: this.pos };
      }
      this.pos++;
    }
  }

  private number(): Expr {
    const start = this.pos;
    if (this.s.charCodeAt(this.pos) === 45 || this.s.charCodeAt(this.pos) === 43) this.pos++;
    const digits = this.pos;
    while (this.pos < this.end && isDigit(this.s.charCodeAt(this.pos))) this.pos++;
    if (this.pos === digits) throw new ParseError('Expected digits after the sign.', start, this.pos + 1);
    // A fraction is not ARM syntax: say so precisely instead of failing on the '.'.
    if (this.s.charCodeAt(this.pos) === 46 && isDigit(this.s.charCodeAt(this.pos + 1)) && this.pos + 1 < this.end) {
      throw new ParseError('Only integer literals are allowed in expressions.', start, this.pos + 2);
    }
    const text = this.s.slice(start, this.pos);
    // Up to 15 digits is exact as a double and inside the 64-bit range: no BigInt needed
    // (+ 0 turns '-0' into 0, as BigInt does).
    if (this.pos - digits <= 15) return { k: 'lit', value: Number(text) + 0, start, end: this.pos };
    const big = BigInt(text);
    if (big > 9223372036854775807n || big < -9223372036854775808n) {
      throw new ParseError(`The integer literal '${text}' is outside the 64-bit range.`, start, this.pos);
    }
    const value = Number(big);
    return Number.isSafeInteger(value) ? { k: 'lit', value, start, end: this.pos } : { k: 'lit', value, exact: big, start, end: this.pos };
  }
}

const CACHE_MAX = 20_000;
const cache = new Map<string, ParsedString>();

/**
 * Forgets the cached parses; the engine calls it before each file it analyses, as the strings
 * parsed again and again (see EvalContext.repeats) are those of one file's loops and functions.
 */
export function clearParseCache(): void {
  cache.clear();
}

/** Parses a template string without the cache (see parseTemplateString). */
export function parseTemplateStringUncached(s: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedString {
  if (s.length < 2 || s.charCodeAt(0) !== 91 || s.charCodeAt(s.length - 1) !== 93) return { kind: 'literal', value: s };
  // "[[...]" is how ARM escapes a literal string that starts with '[': the first '[' is dropped.
  if (s.charCodeAt(1) === 91) return { kind: 'literal', value: s.slice(1) };
  if (s.length > limits.maxLength) {
    return { kind: 'error', message: `The expression is longer than ${limits.maxLength} characters (limit maxExpressionLength).`, start: 0, end: s.length, limit: true };
  }
  try {
    // `facts` starts as a field of its own, so filling it in later keeps the object's shape.
    return { kind: 'expr', ast: new Parser(s, s.length - 1, limits).parseAll(), facts: undefined };
  } catch (e) {
    if (e instanceof ParseError) return { kind: 'error', message: e.message, start: e.start, end: Math.max(e.end, e.start), ...(e.limit ? { limit: true } : {}) };
    // A RangeError (stack) cannot happen with the depth limit; report rather than crash anyway.
    return { kind: 'error', message: `The expression could not be parsed: ${String(e)}`, start: 0, end: s.length };
  }
}

/**
 * Parses an ARM template string: a literal, a `[[` escape (the literal without its first '['),
 * an expression, or a syntax error with offsets into `s`. Results are cached by content: for
 * strings evaluated again and again (copy loop elements, user-defined function bodies). A string
 * parsed once or twice is cheaper to parse again than to cache: cached parses outlive V8's young
 * generation (copied twice, promoted, then dropped when the cache fills), and over the quickstart
 * templates caching every parse made evaluating all expressions ~10% slower (scavenges took
 * 118 ms instead of 69 ms) and linting ~5% slower.
 */
export function parseTemplateString(s: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedString {
  // The cache holds results under the default limits only (other limits are rare: a config that raises them).
  if (s.length < 2 || s.charCodeAt(0) !== 91 || s.charCodeAt(s.length - 1) !== 93) return { kind: 'literal', value: s };
  if (limits.maxDepth !== DEFAULT_PARSE_LIMITS.maxDepth || limits.maxLength !== DEFAULT_PARSE_LIMITS.maxLength) return parseTemplateStringUncached(s, limits);
  const hit = cache.get(s);
  if (hit) return hit;
  const r = parseTemplateStringUncached(s);
  if (cache.size >= CACHE_MAX) cache.clear();
  // Huge strings are not worth keeping (they are rare and would pin memory).
  if (s.length <= 64 * 1024) cache.set(s, r);
  return r;
}
