// Bicep parser: recursive descent over the lexer's tokens, with error recovery.
//
// Recovery: a syntax error raises an internal ParseError that is caught at the nearest
// recovery point (an object property, an array item, a statement). The tokens up to the end of
// the line (or the enclosing closing bracket) are skipped, so one mistake never hides the rest of
// the file. Nothing escapes parseBicep()/parseBicepParams(): they never throw for bad input.
//
// Newlines: Bicep separates statements, object properties and array items by line breaks, but
// inside parentheses (call arguments, parenthesised expressions, lambda parameters) they are
// insignificant. A stack of modes says which applies; cur() skips NewLine tokens where they are
// insignificant, so the grammar functions need not care.
//
// Depth: nesting (brackets, unary chains, ternaries) is capped at MAX_DEPTH; deeper input gets one
// diagnostic and the statement is skipped, so hostile input cannot overflow the stack.
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceText } from '../model/source.js';
import { TextSpan } from '../model/span.js';
import { decodeStringContent, lex, type Token, type TokenKind } from './lexer.js';
import type {
  ArrayExpression,
  BinaryOperator,
  CompileTimeImportDeclaration,
  Decorator,
  Expression,
  ExtensionDeclaration,
  ForExpression,
  FunctionDeclaration,
  Identifier,
  IfCondition,
  ImportedSymbol,
  IntegerLiteral,
  LambdaExpression,
  MissingExpression,
  ObjectExpression,
  ObjectProperty,
  ObjectType,
  ObjectTypeProperty,
  ParameterizedType,
  Program,
  ResourceDeclaration,
  SpreadExpression,
  Statement,
  StringLiteral,
  TokenRef,
  TupleType,
  TupleTypeItem,
  TypedLambdaParameter,
  TypeExpression,
  TypePropertyAccess,
  TypeReference,
  UnaryOperator,
} from './syntax.js';

export const MAX_DEPTH = 512;
/** Beyond this many diagnostics a file is hopeless; more would only slow things down. */
const MAX_DIAGNOSTICS = 1000;

export interface BicepParseResult {
  program: Program;
  diagnostics: Diagnostic[];
  tokens: Token[];
  /** How many decorators the parser made, the ones recovery dropped included (see FileLowerOptions.decorators). */
  decorators: number;
  /** How many for-expressions the parser began, the ones recovery dropped included (see FileLowerOptions.forExpressions). */
  forExpressions: number;
}

export function parseBicep(source: SourceText, maxDepth = MAX_DEPTH): BicepParseResult {
  return new Parser(source, false, maxDepth).run();
}

/** Parses a `.bicepparam` file (`using`, `extends`, `param x = value`, plus var/import/type/func). */
export function parseBicepParams(source: SourceText, maxDepth = MAX_DEPTH): BicepParseResult {
  return new Parser(source, true, maxDepth).run();
}

/** Internal signal for recovery; never leaves this module. */
class ParseError {
  constructor(readonly abort: boolean) {}
}

const BINARY_PRECEDENCE: Partial<Record<TokenKind, number>> = {
  DoubleQuestion: 1,
  LogicalOr: 2,
  LogicalAnd: 3,
  Equals: 4,
  NotEquals: 4,
  EqualsInsensitive: 4,
  NotEqualsInsensitive: 4,
  LeftChevron: 5,
  RightChevron: 5,
  LessThanOrEqual: 5,
  GreaterThanOrEqual: 5,
  Plus: 6,
  Minus: 6,
  Asterisk: 7,
  Slash: 7,
  Modulo: 7,
};

const BINARY_OPERATOR: Partial<Record<TokenKind, BinaryOperator>> = {
  DoubleQuestion: '??',
  LogicalOr: '||',
  LogicalAnd: '&&',
  Equals: '==',
  NotEquals: '!=',
  EqualsInsensitive: '=~',
  NotEqualsInsensitive: '!~',
  LeftChevron: '<',
  RightChevron: '>',
  LessThanOrEqual: '<=',
  GreaterThanOrEqual: '>=',
  Plus: '+',
  Minus: '-',
  Asterisk: '*',
  Slash: '/',
  Modulo: '%',
};

const DECLARATION_KEYWORDS = new Set([
  'param',
  'var',
  'resource',
  'module',
  'output',
  'type',
  'func',
  'import',
  'extension',
  'metadata',
  'using',
  'extends',
  'test',
  'assert',
]);

const OPENERS = new Set<TokenKind>(['LeftBrace', 'LeftSquare', 'LeftParen', 'StringLeftPiece']);
const CLOSERS = new Set<TokenKind>(['RightBrace', 'RightSquare', 'RightParen', 'StringRightPiece']);

function isStringStart(k: TokenKind): boolean {
  return k === 'StringComplete' || k === 'StringLeftPiece';
}

/** Identifier-like tokens usable as names (keywords are contextual; true/false/null are tokens of their own). */
function isNameToken(k: TokenKind): boolean {
  return k === 'Identifier' || k === 'TrueKeyword' || k === 'FalseKeyword' || k === 'NullKeyword';
}

class Parser {
  private readonly text: string;
  private readonly tokens: Token[];
  private i = 0;
  /** true: newlines are insignificant (inside parentheses). */
  private readonly modes: boolean[] = [];
  private depth = 0;
  /** Where the expression or type being parsed started (see enterContainer). */
  private enteredAt = -1;
  private readonly errors: { message: string; start: number; end: number; limit?: boolean }[] = [];
  private readonly lexTrivia;
  /** Decorators made (decoratorFrom), kept or not. */
  private decorators = 0;
  /** For-expressions begun (parseFor), kept or not. */
  private forExpressions = 0;

  constructor(
    private readonly source: SourceText,
    private readonly params: boolean,
    private readonly maxDepth: number,
  ) {
    this.text = source.text;
    const lexed = lex(this.text);
    this.tokens = lexed.tokens;
    this.lexTrivia = lexed.trivia;
    for (const e of lexed.errors) this.errors.push(e);
  }

  run(): BicepParseResult {
    const statements: Statement[] = [];
    for (;;) {
      this.skipNewLines();
      const t = this.cur();
      if (t.kind === 'EndOfFile') break;
      const start = t.start;
      const before = this.i;
      try {
        const s = this.parseStatement();
        statements.push(s);
        const after = this.raw();
        if (after.kind !== 'NewLine' && after.kind !== 'EndOfFile') {
          this.error(`expected a new line after the ${describeStatement(s)}`, after);
          this.skipStatement();
        }
      } catch (e) {
        // Nesting within maxJsonDepth (at most 2048) can still be deeper than the stack holds
        // here: a Bicep bracket level is about ten parser frames, a JSON one a few. That is the
        // depth limit too, reported as such at the statement, not an internal error of the file.
        const overflow = e instanceof RangeError && /call stack/i.test(e.message);
        if (!(e instanceof ParseError) && !overflow) throw e;
        if (overflow && this.errors.length <= MAX_DIAGNOSTICS) {
          // Where it ran out: the parser's position is not unwound by the exception.
          const at = this.cur();
          this.errors.push({ message: `nesting is too deep for the parser's stack (${this.depth} levels); the rest of the statement is not analysed (limit maxJsonDepth)`, start: at.start, end: at.end, limit: true });
        }
        this.modes.length = 0;
        this.depth = 0;
        if (this.i === before) this.i++;
        // After the depth limit the brackets cannot balance: the rest of the statement goes, up to
        // the next line that starts a declaration (its deeper lines would each be an error).
        if (overflow || (e instanceof ParseError && e.abort)) this.skipToDeclaration();
        else this.skipStatement();
        const end = this.tokens[Math.max(0, this.i - 1)]?.end ?? start;
        statements.push({ kind: 'SkippedStatement', decorators: [], start, end: Math.max(start, end) });
      }
    }
    const seen = new Set<string>();
    const diagnostics: Diagnostic[] = this.errors
      .slice()
      .sort((a, b) => a.start - b.start)
      .filter((e) => {
        // Recovery at several nesting levels can report the same problem more than once, in other
        // words ("expected an expression" inside a call, then "expected ',' or ')'" around it):
        // one error per place, the first reported (the sort is stable), as the compiler gives.
        const key = String(e.start);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, MAX_DIAGNOSTICS)
      .map((e) => ({ code: e.limit ? 'limit-exceeded' : 'invalid-template', message: e.message, span: new TextSpan(this.source, e.start, e.end) }));
    const program: Program = { kind: 'Program', statements, trivia: this.lexTrivia, start: 0, end: this.text.length };
    return { program, diagnostics, tokens: this.tokens, decorators: this.decorators, forExpressions: this.forExpressions };
  }

  // ------------------------------------------------------------------------------------------
  // Token cursor

  private insensitive(): boolean {
    return this.modes.length > 0 && this.modes[this.modes.length - 1] === true;
  }

  /** The current token; NewLine tokens are skipped where newlines are insignificant. */
  private cur(): Token {
    if (this.insensitive()) {
      let j = this.i;
      while ((this.tokens[j] as Token).kind === 'NewLine') j++;
      // An unclosed '(' must not swallow the declarations that follow it.
      if (j === this.i || !this.declarationAt(j)) this.i = j;
    }
    return this.tokens[this.i] as Token;
  }

  /**
   * Does a declaration start at token j (a keyword at column 0 followed by a name, or a decorator)?
   * Used only to stop recovery and newline skipping from running into the next statement.
   */
  private declarationAt(j: number): boolean {
    const t = this.tokens[j] as Token;
    const prev = this.tokens[j - 1];
    if (!prev || prev.kind !== 'NewLine' || prev.end !== t.start) return false;
    if (t.kind === 'At') return true;
    if (t.kind !== 'Identifier') return false;
    const next = this.tokens[j + 1] as Token;
    const word = this.textOf(t);
    if (word === 'targetScope') return next.kind === 'Assignment';
    return DECLARATION_KEYWORDS.has(word) && (next.kind === 'Identifier' || next.kind === 'StringComplete' || next.kind === 'LeftBrace' || next.kind === 'Asterisk');
  }

  /** The current token, newlines included. */
  private raw(): Token {
    return this.tokens[this.i] as Token;
  }

  private peekAt(offset: number): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }

  private at(kind: TokenKind): boolean {
    return this.cur().kind === kind;
  }

  private atWord(word: string): boolean {
    const t = this.cur();
    return t.kind === 'Identifier' && this.textOf(t) === word;
  }

  private next(): Token {
    const t = this.cur();
    if (t.kind !== 'EndOfFile') this.i++;
    return t;
  }

  private textOf(t: { start: number; end: number }): string {
    return this.text.slice(t.start, t.end);
  }

  /** At line break(s) followed by a token of `kind` (a continuation line)? */
  private continuesWith(kind: TokenKind): boolean {
    let j = this.i;
    if ((this.tokens[j] as Token).kind !== 'NewLine') return false;
    while ((this.tokens[j] as Token).kind === 'NewLine') j++;
    return (this.tokens[j] as Token).kind === kind;
  }

  private skipNewLines(): void {
    while (this.raw().kind === 'NewLine') this.i++;
  }

  /** Parse problems met so far (also those not kept past MAX_DIAGNOSTICS): see ObjectExpression.hasErrors. */
  private problems = 0;

  private error(message: string, at: { start: number; end: number }): void {
    this.problems++;
    if (this.errors.length > MAX_DIAGNOSTICS) return;
    this.errors.push({ message, start: at.start, end: at.end });
  }

  /** Reports at the current token and raises a ParseError for recovery. */
  private fail(message: string): never {
    const t = this.cur();
    // The lexer has reported bad characters already; one diagnostic per problem.
    if (t.kind !== 'Unrecognized') this.error(message + this.found(t), t);
    else this.problems++;
    throw new ParseError(false);
  }

  private found(t: Token): string {
    if (t.kind === 'EndOfFile') return ', found the end of the file';
    if (t.kind === 'NewLine') return ', found a new line';
    const s = this.textOf(t);
    return `, found '${s.length > 40 ? s.slice(0, 40) + '…' : s}'`;
  }

  private expect(kind: TokenKind, message: string): Token {
    if (this.cur().kind !== kind) this.fail(message);
    return this.next();
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) {
      const t = this.cur();
      if (this.errors.length <= MAX_DIAGNOSTICS) {
        this.errors.push({ message: `nesting is too deep (more than ${this.maxDepth} levels); the rest of the statement is not analysed (limit maxJsonDepth)`, start: t.start, end: t.end, limit: true });
      }
      throw new ParseError(true);
    }
  }

  private leave(): void {
    this.depth--;
  }

  /**
   * A bracket opens one nesting level: when the expression (or type) that holds it starts at the
   * bracket, that expression already counted the level, so `{ a: { a: {} } }` is three levels,
   * not six. Returns whether it counted one (to be left).
   */
  private enterContainer(): boolean {
    if (this.enteredAt === this.i) return false;
    this.enter();
    return true;
  }

  private skipToDeclaration(): void {
    for (;;) {
      const t = this.raw();
      if (t.kind === 'EndOfFile') return;
      if (t.kind === 'NewLine' && this.declarationAt(this.i + 1)) return;
      this.i++;
    }
  }

  /** Skips to the end of the line, keeping brackets opened on the way balanced. */
  private skipStatement(): void {
    let balance = 0;
    for (;;) {
      const t = this.raw();
      if (t.kind === 'EndOfFile') return;
      if (t.kind === 'NewLine' && (balance <= 0 || this.declarationAt(this.i + 1))) return;
      if (OPENERS.has(t.kind)) balance++;
      else if (CLOSERS.has(t.kind)) balance--;
      this.i++;
    }
  }

  /** Skips a broken item of an object/array: to the line end, or to the enclosing `closer`. */
  private skipItem(closer: TokenKind): void {
    let balance = 0;
    for (;;) {
      const t = this.raw();
      if (t.kind === 'EndOfFile') return;
      if (balance <= 0 && (t.kind === 'NewLine' || t.kind === closer)) return;
      if (t.kind === 'NewLine' && this.declarationAt(this.i + 1)) return;
      if (OPENERS.has(t.kind)) balance++;
      else if (CLOSERS.has(t.kind)) balance--;
      this.i++;
    }
  }

  /** Runs an item parser; on a recoverable error skips the item and returns undefined. */
  private recover<T>(closer: TokenKind, parse: () => T): T | undefined {
    const saveModes = this.modes.length;
    const saveDepth = this.depth;
    const before = this.i;
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof ParseError) || e.abort) throw e;
      this.modes.length = saveModes;
      this.depth = saveDepth;
      if (this.i === before && this.raw().kind !== closer && this.raw().kind !== 'NewLine') this.i++;
      this.skipItem(closer);
      return undefined;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Statements

  private tokenRef(t: Token): TokenRef {
    return { text: this.textOf(t), start: t.start, end: t.end };
  }

  private identifier(what: string): Identifier {
    const t = this.cur();
    if (t.kind !== 'Identifier') this.fail(`expected ${what}`);
    this.next();
    return { kind: 'Identifier', name: this.textOf(t), start: t.start, end: t.end };
  }

  private parseDecorators(): Decorator[] {
    const out: Decorator[] = [];
    while (this.at('At')) {
      const at = this.next();
      const expression = this.parsePostfix();
      const d = this.decoratorFrom(at.start, expression);
      out.push(d);
      const after = this.raw();
      if (after.kind !== 'NewLine') this.fail('expected a new line after the decorator');
      this.skipNewLines();
    }
    return out;
  }

  private decoratorFrom(start: number, expression: Expression): Decorator {
    this.decorators++;
    // Object literals, not spreads of a common base: one is made for nearly every declaration.
    const end = expression.end;
    if (expression.kind === 'FunctionCall') {
      const ns = expression.base?.kind === 'VariableAccess' ? expression.base.name : undefined;
      if (ns) return { kind: 'Decorator', expression, start, end, name: expression.name, namespace: ns, args: expression.args };
      return { kind: 'Decorator', expression, start, end, name: expression.name, args: expression.args };
    }
    if (expression.kind === 'VariableAccess') return { kind: 'Decorator', expression, start, end, name: expression.name, args: [] };
    if (expression.kind === 'PropertyAccess' && expression.base.kind === 'VariableAccess') {
      return { kind: 'Decorator', expression, start, end, name: expression.property, namespace: expression.base.name, args: [] };
    }
    this.error('expected a decorator name, such as @description(...)', expression);
    return { kind: 'Decorator', expression, start, end, name: { kind: 'Identifier', name: '', missing: true, start, end: start }, args: [] };
  }

  private parseStatement(): Statement {
    const decorators = this.parseDecorators();
    const t = this.cur();
    const start = decorators[0]?.start ?? t.start;
    if (t.kind !== 'Identifier') this.fail('expected a declaration (param, var, resource, module, output, ...)');
    const word = this.textOf(t);
    if (this.params) {
      switch (word) {
        case 'using': {
          const keyword = this.tokenRef(this.next());
          if (this.atWord('none')) {
            const n = this.next();
            return { kind: 'Using', decorators, keyword, none: true, start, end: n.end };
          }
          const path = this.parseString('expected a file path string or none after using');
          let config: ObjectExpression | undefined;
          if (this.atWord('with')) {
            this.next();
            config = this.parseObject();
          }
          return { kind: 'Using', decorators, keyword, path, ...(config ? { config } : {}), none: false, start, end: config?.end ?? path.end };
        }
        case 'extends': {
          const keyword = this.tokenRef(this.next());
          const path = this.parseString('expected a file path string after extends');
          return { kind: 'Extends', decorators, keyword, path, start, end: path.end };
        }
        case 'extensionConfig': {
          const keyword = this.tokenRef(this.next());
          const name = this.identifier('an extension alias');
          if (!this.atWord('with')) this.fail("expected 'with' after the extension alias");
          this.next();
          const config = this.parseObject();
          return { kind: 'ExtensionConfig', decorators, keyword, name, config, start, end: config.end };
        }
        case 'param': {
          const keyword = this.tokenRef(this.next());
          const name = this.identifier('a parameter name');
          this.expect('Assignment', "expected '=' after the parameter name");
          const value = this.parseExpression();
          return { kind: 'ParameterAssignment', decorators, keyword, name, value, start, end: value.end };
        }
        default:
          break;
      }
    }
    switch (word) {
      case 'targetScope': {
        const keyword = this.tokenRef(this.next());
        this.expect('Assignment', "expected '=' after targetScope");
        const value = this.parseExpression();
        return { kind: 'TargetScope', decorators, keyword, value, start, end: value.end };
      }
      case 'metadata': {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier('a metadata name');
        this.expect('Assignment', "expected '=' after the metadata name");
        const value = this.parseExpression();
        return { kind: 'Metadata', decorators, keyword, name, value, start, end: value.end };
      }
      case 'param': {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier('a parameter name');
        let type: TypeExpression | undefined;
        let resourceType: StringLiteral | undefined;
        if (this.atWord('resource') && isStringStart(this.peekAt(1).kind)) {
          this.next();
          resourceType = this.parseString('expected a resource type string');
        } else if (this.at('Assignment')) {
          type = this.missing(this.cur().start);
          this.error('expected a parameter type', this.cur());
        } else {
          type = this.parseType();
        }
        let defaultValue: Expression | undefined;
        if (this.at('Assignment')) {
          this.next();
          defaultValue = this.valueOrMissing();
        }
        const end = defaultValue?.end ?? resourceType?.end ?? type?.end ?? name.end;
        // The usual parameter (a type, maybe a default) as a literal; the others as before.
        if (type && !resourceType) {
          if (defaultValue) return { kind: 'Parameter', decorators, keyword, name, type, defaultValue, start, end };
          return { kind: 'Parameter', decorators, keyword, name, type, start, end };
        }
        return {
          kind: 'Parameter',
          decorators,
          keyword,
          name,
          ...(type ? { type } : {}),
          ...(resourceType ? { resourceType } : {}),
          ...(defaultValue ? { defaultValue } : {}),
          start,
          end,
        };
      }
      case 'var': {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier('a variable name');
        const type = this.at('Assignment') ? undefined : this.parseType();
        this.expect('Assignment', "expected '=' after the variable name");
        const value = this.valueOrMissing();
        if (!type) return { kind: 'Variable', decorators, keyword, name, value, start, end: value.end };
        return { kind: 'Variable', decorators, keyword, name, type, value, start, end: value.end };
      }
      case 'resource':
        return this.parseResource(decorators, start);
      case 'module':
      case 'test': {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier(word === 'module' ? 'a module name' : 'a test name');
        const path = this.parseStringOrMissing(`expected the ${word} path string`);
        this.expect('Assignment', `expected '=' after the ${word} path`);
        const value = this.parseDeclarationBody();
        if (word === 'module') return { kind: 'Module', decorators, keyword, name, path, value, start, end: value.end };
        return { kind: 'Test', decorators, keyword, name, path, value, start, end: value.end };
      }
      case 'output': {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier('an output name');
        let type: TypeExpression | undefined;
        let resourceType: StringLiteral | undefined;
        if (this.atWord('resource') && isStringStart(this.peekAt(1).kind)) {
          this.next();
          resourceType = this.parseString('expected a resource type string');
        } else if (this.at('Assignment')) {
          type = this.missing(this.cur().start);
          this.error('expected an output type', this.cur());
        } else {
          type = this.parseType();
        }
        this.expect('Assignment', "expected '=' after the output type");
        const value = this.parseExpression();
        return {
          kind: 'Output',
          decorators,
          keyword,
          name,
          ...(type ? { type } : {}),
          ...(resourceType ? { resourceType } : {}),
          value,
          start,
          end: value.end,
        };
      }
      case 'type': {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier('a type name');
        this.expect('Assignment', "expected '=' after the type name");
        const value = this.parseType();
        return { kind: 'TypeDeclaration', decorators, keyword, name, value, start, end: value.end };
      }
      case 'func':
        return this.parseFunction(decorators, start);
      case 'import':
        return this.parseImport(decorators, start);
      case 'extension':
      case 'provider':
        return this.parseExtension(decorators, start, this.tokenRef(this.next()));
      case 'assert': {
        const keyword = this.tokenRef(this.next());
        const name = this.identifier('an assertion name');
        this.expect('Assignment', "expected '=' after the assertion name");
        const value = this.parseExpression();
        return { kind: 'Assert', decorators, keyword, name, value, start, end: value.end };
      }
      default:
        return this.fail(
          this.params
            ? 'expected a declaration (using, param, var, import, type, func)'
            : 'expected a declaration (param, var, resource, module, output, type, func, import, extension, metadata, targetScope)',
        );
    }
  }

  private parseResource(decorators: Decorator[], start: number): ResourceDeclaration {
    const keyword = this.tokenRef(this.next());
    const name = this.identifier('a resource name');
    const type = this.parseStringOrMissing('expected the resource type string');
    let existing: TokenRef | undefined;
    if (this.atWord('existing')) existing = this.tokenRef(this.next());
    this.expect('Assignment', existing ? "expected '=' after existing" : "expected '=' after the resource type");
    const value = this.parseDeclarationBody();
    if (!existing) return { kind: 'Resource', decorators, keyword, name, type, value, start, end: value.end };
    return { kind: 'Resource', decorators, keyword, name, type, existing, value, start, end: value.end };
  }

  /** A resource/module body: `{...}`, `if (cond) {...}` or `[for ...]`. */
  private parseDeclarationBody(): Expression {
    // `=` may end the line when `if (...)` follows on the next one.
    if (this.continuesWith('Identifier')) {
      let j = this.i;
      while ((this.tokens[j] as Token).kind === 'NewLine') j++;
      if (this.textOf(this.tokens[j] as Token) === 'if') this.i = j;
    }
    if (this.atWord('if')) return this.parseIf();
    const t = this.cur();
    if (t.kind !== 'LeftBrace' && t.kind !== 'LeftSquare') this.fail("expected '{', 'if' or '[for' for the body");
    return this.parseExpression();
  }

  private parseIf(): IfCondition {
    const kw = this.next();
    const condition = this.parseParenthesized();
    const body = this.parseExpression();
    return { kind: 'If', keyword: this.tokenRef(kw), condition, body, start: kw.start, end: body.end };
  }

  private parseFunction(decorators: Decorator[], start: number): FunctionDeclaration {
    const keyword = this.tokenRef(this.next());
    const name = this.identifier('a function name');
    this.expect('LeftParen', "expected '(' to start the function's parameters");
    this.modes.push(true);
    const parameters: TypedLambdaParameter[] = [];
    while (!this.at('RightParen')) {
      const pname = this.identifier('a parameter name');
      const type = this.parseType();
      parameters.push({ kind: 'TypedLambdaParameter', name: pname, type, start: pname.start, end: type.end });
      if (this.at('Comma')) this.next();
      else if (!this.at('RightParen')) this.fail("expected ',' or ')' in the parameter list");
    }
    this.modes.pop();
    this.next();
    const returnType = this.parseType();
    this.expect('Arrow', "expected '=>' after the function's return type");
    // The body may start on the next line (the formatter breaks long signatures there), unless
    // that line is a declaration: then the body is missing.
    if (this.raw().kind === 'NewLine') {
      let j = this.i;
      while ((this.tokens[j] as Token).kind === 'NewLine') j++;
      if (!this.declarationAt(j) && (this.tokens[j] as Token).kind !== 'EndOfFile') this.i = j;
    }
    const body = this.parseExpression();
    return { kind: 'Function', decorators, keyword, name, parameters, returnType, body, start, end: body.end };
  }

  private parseImport(decorators: Decorator[], start: number): CompileTimeImportDeclaration | ExtensionDeclaration {
    const keywordToken = this.next();
    const keyword = this.tokenRef(keywordToken);
    if (this.at('LeftBrace')) {
      this.next();
      this.modes.push(true); // symbol lists may be split over lines
      const symbols: ImportedSymbol[] = [];
      while (!this.at('RightBrace')) {
        const t = this.cur();
        let name: Identifier;
        if (t.kind === 'StringComplete') {
          const s = this.parseString('expected a symbol name');
          name = { kind: 'Identifier', name: s.value ?? '', start: s.start, end: s.end };
        } else {
          name = this.identifier('an imported symbol name');
        }
        let alias: Identifier | undefined;
        if (this.atWord('as')) {
          this.next();
          alias = this.identifier('an alias after as');
        }
        symbols.push({ kind: 'ImportedSymbol', name, ...(alias ? { alias } : {}), start: name.start, end: alias?.end ?? name.end });
        // Items are separated by commas or line breaks.
        if (this.at('Comma')) this.next();
        else if (!this.at('RightBrace') && (this.tokens[this.i - 1] as Token).kind !== 'NewLine') {
          this.fail("expected ',' or '}' in the import list");
        }
      }
      this.modes.pop();
      this.next();
      if (!this.atWord('from')) this.fail("expected 'from' after the imported symbols");
      this.next();
      const from = this.parseStringOrMissing('expected the path string to import from');
      return { kind: 'CompileTimeImport', decorators, keyword, symbols, from, start, end: from.end };
    }
    if (this.at('Asterisk')) {
      this.next();
      if (!this.atWord('as')) this.fail("expected 'as' after '*'");
      this.next();
      const wildcardAlias = this.identifier('a namespace name after as');
      if (!this.atWord('from')) this.fail("expected 'from' after the namespace name");
      this.next();
      const from = this.parseStringOrMissing('expected the path string to import from');
      return { kind: 'CompileTimeImport', decorators, keyword, wildcardAlias, from, start, end: from.end };
    }
    // The old form of extensions: import 'az@1.0.0' [with {...}] [as x]
    return this.parseExtension(decorators, start, keyword);
  }

  private parseExtension(decorators: Decorator[], start: number, keyword: TokenRef): ExtensionDeclaration {
    let specification: Expression;
    const t = this.cur();
    if (isStringStart(t.kind)) {
      specification = this.parseString('expected the extension specification');
    } else if (t.kind === 'Identifier') {
      this.next();
      specification = { kind: 'VariableAccess', name: { kind: 'Identifier', name: this.textOf(t), start: t.start, end: t.end }, start: t.start, end: t.end };
    } else {
      return this.fail('expected the extension name or specification string');
    }
    let config: Expression | undefined;
    let alias: Identifier | undefined;
    let end = specification.end;
    if (this.atWord('with')) {
      this.next();
      config = this.parseObject();
      end = config.end;
    }
    if (this.atWord('as')) {
      this.next();
      alias = this.identifier('an alias after as');
      end = alias.end;
    }
    return { kind: 'Extension', decorators, keyword, specification, ...(config ? { config } : {}), ...(alias ? { alias } : {}), start, end };
  }

  // ------------------------------------------------------------------------------------------
  // Expressions

  /**
   * The value of a declaration the rest of the file refers to (a variable, a parameter's
   * default). When it does not parse (`var x = obj.` while the user types), the declaration still
   * stands with a missing value, as the compiler keeps the symbol: every use of `x` is then not
   * an "unknown symbol" error of its own. The rest of the statement is skipped.
   */
  private valueOrMissing(): Expression {
    const depth = this.depth;
    const modes = this.modes.length;
    const at = this.cur().start;
    try {
      return this.parseExpression();
    } catch (e) {
      if (!(e instanceof ParseError) || e.abort) throw e;
      this.depth = depth;
      this.modes.length = modes;
      this.skipStatement();
      return { kind: 'Missing', start: at, end: Math.max(at, this.tokens[Math.max(0, this.i - 1)]?.end ?? at) };
    }
  }

  private missing(at: number): MissingExpression {
    return { kind: 'Missing', start: at, end: at };
  }

  parseExpression(): Expression {
    this.enter();
    this.enteredAt = this.i;
    const condition = this.parseBinary(1);
    let result = condition;
    // A conditional may be split over lines, with `?` and `:` starting the continuation lines.
    if (this.at('Question') || this.continuesWith('Question')) {
      this.skipNewLines();
      this.next();
      this.skipNewLines();
      const whenTrue = this.parseExpression();
      if (this.continuesWith('Colon')) this.skipNewLines();
      this.expect('Colon', "expected ':' in the conditional expression");
      this.skipNewLines();
      const whenFalse = this.parseExpression();
      result = { kind: 'Ternary', condition, whenTrue, whenFalse, start: condition.start, end: whenFalse.end };
    }
    this.leave();
    return result;
  }

  private parseBinary(minPrecedence: number): Expression {
    let left = this.parseUnary();
    for (;;) {
      const t = this.cur();
      const p = BINARY_PRECEDENCE[t.kind];
      if (p === undefined || p < minPrecedence) return left;
      this.next();
      const right = this.parseBinary(p + 1);
      left = {
        kind: 'Binary',
        operator: BINARY_OPERATOR[t.kind] as BinaryOperator,
        operatorSpan: { start: t.start, end: t.end },
        left,
        right,
        start: left.start,
        end: right.end,
      };
    }
  }

  private parseUnary(): Expression {
    const t = this.cur();
    if (t.kind === 'Exclamation' || t.kind === 'Minus' || t.kind === 'Plus') {
      this.enter();
      this.next();
      const operand = this.parseUnary();
      this.leave();
      const operator: UnaryOperator = t.kind === 'Exclamation' ? '!' : t.kind === 'Minus' ? '-' : '+';
      return { kind: 'Unary', operator, operand, start: t.start, end: operand.end };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Expression {
    let e = this.parsePrimary();
    for (;;) {
      const t = this.cur();
      if (t.kind === 'Dot') {
        this.next();
        let safe = false;
        if (this.at('Question')) {
          this.next();
          safe = true;
        }
        const p = this.cur();
        if (!isNameToken(p.kind)) this.fail("expected a property name after '.'");
        this.next();
        const property: Identifier = { kind: 'Identifier', name: this.textOf(p), start: p.start, end: p.end };
        if (!safe && this.raw().kind === 'LeftParen') {
          e = this.parseCall(property, e);
        } else {
          e = { kind: 'PropertyAccess', base: e, property, safe, start: e.start, end: p.end };
        }
      } else if (t.kind === 'LeftSquare') {
        this.next();
        let safe = false;
        let fromEnd = false;
        if (this.at('Question')) {
          this.next();
          safe = true;
        }
        if (this.at('Hat')) {
          this.next();
          fromEnd = true;
        }
        this.modes.push(true);
        const index = this.parseExpression();
        const close = this.expect('RightSquare', "expected ']' after the index");
        this.modes.pop();
        e = { kind: 'ArrayAccess', base: e, index, safe, fromEnd, start: e.start, end: close.end };
      } else if (t.kind === 'DoubleColon') {
        this.next();
        const name = this.identifier("a resource name after '::'");
        e = { kind: 'ResourceAccess', base: e, name, start: e.start, end: name.end };
      } else if (t.kind === 'Exclamation') {
        this.next();
        e = { kind: 'NonNullAssertion', base: e, start: e.start, end: t.end };
      } else {
        return e;
      }
    }
  }

  private parseCall(name: Identifier, base: Expression | undefined): Expression {
    const open = this.next(); // (
    this.modes.push(true);
    const args: Expression[] = [];
    while (!this.at('RightParen')) {
      if (this.at('EndOfFile')) this.fail("expected ')' to close the argument list");
      args.push(this.parseExpression());
      if (this.at('Comma')) {
        const comma = this.next();
        if (this.at('RightParen')) this.error("unexpected ',' before ')'", comma);
      } else if (!this.at('RightParen')) {
        this.fail("expected ',' or ')' after the function argument");
      }
    }
    const close = this.next();
    this.modes.pop();
    // Two literals (with and without `base`), not a spread: calls are among the commonest nodes.
    if (base) return { kind: 'FunctionCall', base, name, args, openParen: open.start, closeParen: close.end, start: base.start, end: close.end };
    return { kind: 'FunctionCall', name, args, openParen: open.start, closeParen: close.end, start: name.start, end: close.end };
  }

  private parsePrimary(): Expression {
    const t = this.cur();
    switch (t.kind) {
      case 'Integer': {
        this.next();
        const text = this.textOf(t);
        // Bicep's integers are 64-bit (BCP010); 2^63 itself is the operand of -9223372036854775808.
        if (text.length >= 19 && BigInt(text) > 9223372036854775808n) this.error('expected a valid 64-bit signed integer (BCP010)', t);
        return { kind: 'Integer', text, value: Number(text), start: t.start, end: t.end } satisfies IntegerLiteral;
      }
      case 'TrueKeyword':
      case 'FalseKeyword':
        this.next();
        return { kind: 'Boolean', value: t.kind === 'TrueKeyword', start: t.start, end: t.end };
      case 'NullKeyword':
        this.next();
        return { kind: 'Null', start: t.start, end: t.end };
      case 'StringComplete':
      case 'StringLeftPiece':
        return this.parseString('expected a string');
      case 'Identifier': {
        const name: Identifier = { kind: 'Identifier', name: this.textOf(t), start: t.start, end: t.end };
        const after = this.peekAt(1);
        if (after.kind === 'LeftParen') {
          this.next();
          return this.parseCall(name, undefined);
        }
        if (after.kind === 'Arrow') {
          this.next();
          this.next();
          const body = this.parseExpression();
          return { kind: 'Lambda', parameters: [name], body, start: t.start, end: body.end } satisfies LambdaExpression;
        }
        this.next();
        return { kind: 'VariableAccess', name, start: t.start, end: t.end };
      }
      case 'LeftParen':
        if (this.lambdaAhead()) return this.parseLambda();
        return this.parseParenthesized();
      case 'LeftSquare':
        return this.parseArray();
      case 'LeftBrace':
        return this.parseObject();
      case 'NewLine':
      case 'EndOfFile':
      case 'RightBrace':
      case 'RightSquare':
      case 'RightParen':
      case 'Comma':
        // Nothing where an expression belongs: keep the statement, with a Missing node.
        this.error('expected an expression' + this.found(t), t.kind === 'NewLine' ? { start: t.start, end: t.start } : t);
        return this.missing(t.start);
      default:
        return this.fail('expected an expression');
    }
  }

  /** At `(`: is this `(a, b) =>`? Bounded by the parameter list's length. */
  private lambdaAhead(): boolean {
    let j = this.i + 1;
    const k = (): TokenKind => {
      while ((this.tokens[j] as Token).kind === 'NewLine') j++;
      return (this.tokens[j] as Token).kind;
    };
    if (k() !== 'RightParen') {
      for (;;) {
        if (k() !== 'Identifier') return false;
        j++;
        const sep = k();
        if (sep === 'RightParen') break;
        if (sep !== 'Comma') return false;
        j++;
      }
    }
    j++; // )
    return k() === 'Arrow';
  }

  private parseLambda(): LambdaExpression {
    const open = this.next();
    this.modes.push(true);
    const parameters: Identifier[] = [];
    while (!this.at('RightParen')) {
      parameters.push(this.identifier('a lambda parameter name'));
      if (this.at('Comma')) this.next();
    }
    this.next();
    this.modes.pop();
    this.expect('Arrow', "expected '=>'");
    const body = this.parseExpression();
    return { kind: 'Lambda', parameters, body, start: open.start, end: body.end };
  }

  private parseParenthesized(): Expression {
    const open = this.expect('LeftParen', "expected '('");
    this.modes.push(true);
    const expression = this.parseExpression();
    const close = this.expect('RightParen', "expected ')'");
    this.modes.pop();
    return { kind: 'Parenthesized', expression, start: open.start, end: close.end };
  }

  private parseArray(): Expression {
    const counted = this.enterContainer();
    const open = this.next();
    this.modes.push(false);
    // `[` and `for` may be on separate lines.
    let j = this.i;
    while ((this.tokens[j] as Token).kind === 'NewLine') j++;
    const maybeFor = this.tokens[j] as Token;
    if (maybeFor.kind === 'Identifier' && this.textOf(maybeFor) === 'for') {
      this.i = j;
      const f = this.parseFor(open);
      this.modes.pop();
      if (counted) this.leave();
      return f;
    }
    const { items, close } = this.parseItems('RightSquare', 'array item', "expected ']' to close the array", () => this.parseItemOrSpread());
    this.modes.pop();
    if (counted) this.leave();
    return { kind: 'Array', items, start: open.start, end: close.end } satisfies ArrayExpression;
  }

  /** After an array item or object property: `,` or new line(s), or the closing bracket. */
  private afterItem(closer: TokenKind, what: string): void {
    const t = this.raw();
    if (t.kind === 'Comma') {
      this.i++;
      let lastComma = t;
      if (this.raw().kind === 'Comma') {
        this.error(`unexpected ',' after the ${what}`, this.raw());
        while (this.raw().kind === 'Comma') lastComma = this.tokens[this.i++] as Token;
      }
      // Bicep separates items either by commas or by line breaks, not by both (its BCP238).
      if (this.raw().kind === 'NewLine') this.error('unexpected new line after a comma', { start: lastComma.end, end: lastComma.end });
      this.skipNewLines();
    } else if (t.kind === 'NewLine') {
      this.skipNewLines();
    } else if (t.kind !== closer) {
      this.fail(`expected ',', a new line or '${closer === 'RightSquare' ? ']' : '}'}' after the ${what}`);
    }
  }

  private afterRecovery(): void {
    if (this.raw().kind === 'NewLine') this.skipNewLines();
  }

  /**
   * The items of a bracketed list, each parsed by `item` and followed by a separator, up to the
   * closing bracket (consumed and returned). An item that fails is left out: the parse goes on at
   * the next one, so one mistake is one error.
   */
  private parseItems<T>(closer: TokenKind, what: string, unclosed: string, item: () => T): { items: T[]; close: Token } {
    const items: T[] = [];
    this.skipNewLines();
    while (!this.at(closer)) {
      if (this.at('EndOfFile')) this.fail(unclosed);
      const it = this.recover(closer, () => {
        const parsed = item();
        this.afterItem(closer, what);
        return parsed;
      });
      if (it) items.push(it);
      else this.afterRecovery();
    }
    return { items, close: this.next() };
  }

  private parseItemOrSpread(): Expression | SpreadExpression {
    const t = this.cur();
    if (t.kind === 'Ellipsis') {
      this.next();
      const expression = this.parseExpression();
      return { kind: 'Spread', expression, start: t.start, end: expression.end };
    }
    return this.parseExpression();
  }

  private parseFor(open: Token): ForExpression {
    this.forExpressions++;
    this.next(); // for
    let item: Identifier;
    let index: Identifier | undefined;
    if (this.at('LeftParen')) {
      this.next();
      this.modes.push(true);
      item = this.identifier('the loop item name');
      this.expect('Comma', "expected ',' after the loop item name");
      index = this.identifier('the loop index name');
      this.expect('RightParen', "expected ')' after the loop index name");
      this.modes.pop();
    } else {
      item = this.identifier('the loop item name');
    }
    if (!this.atWord('in')) this.fail("expected 'in' after the loop variable");
    this.next();
    const iterable = this.parseExpression();
    this.expect('Colon', "expected ':' after the loop's array expression");
    this.skipNewLines();
    const body = this.atWord('if') && this.peekAt(1).kind === 'LeftParen' ? this.parseIf() : this.parseExpression();
    this.skipNewLines();
    const close = this.expect('RightSquare', "expected ']' to close the for-expression");
    if (!index) return { kind: 'For', item, iterable, body, start: open.start, end: close.end };
    return { kind: 'For', item, index, iterable, body, start: open.start, end: close.end };
  }

  parseObject(): ObjectExpression {
    const counted = this.enterContainer();
    const open = this.expect('LeftBrace', "expected '{'");
    const problems = this.problems;
    this.modes.push(false);
    const { items: properties, close } = this.parseItems('RightBrace', 'object property', "expected '}' to close the object", () => this.parseObjectProperty());
    this.modes.pop();
    if (counted) this.leave();
    this.duplicateKeys(properties);
    if (this.problems > problems) return { kind: 'Object', properties, hasErrors: true, start: open.start, end: close.end };
    return { kind: 'Object', properties, start: open.start, end: close.end };
  }

  /**
   * A key written twice in one object (BCP025), reported at each of them as the compiler does
   * (`name` and `'name'` are the same key). The object itself parsed: not counted as a parse
   * problem (hasErrors).
   */
  private duplicateKeys(properties: readonly (ObjectProperty | SpreadExpression | ResourceDeclaration)[]): void {
    // Most objects have one property or none: nothing to compare, nothing to allocate.
    if (properties.length < 2) return;
    const first = new Map<string, ObjectProperty>();
    let reported: Set<ObjectProperty> | undefined;
    for (const p of properties) {
      if (p.kind !== 'ObjectProperty' || p.keyName === undefined) continue;
      const earlier = first.get(p.keyName);
      if (!earlier) {
        first.set(p.keyName, p);
        continue;
      }
      reported ??= new Set<ObjectProperty>();
      for (const x of reported.has(earlier) ? [p] : [earlier, p]) {
        reported.add(x);
        if (this.errors.length <= MAX_DIAGNOSTICS) {
          this.errors.push({ message: `the property '${p.keyName}' is declared more than once in this object (BCP025): remove or rename the duplicates`, start: x.key.start, end: x.key.end });
        }
      }
    }
  }

  private parseObjectProperty(): ObjectProperty | SpreadExpression | ResourceDeclaration {
    const decorators = this.parseDecorators();
    const t = this.cur();
    if (t.kind === 'Ellipsis') {
      this.next();
      const expression = this.parseExpression();
      return { kind: 'Spread', expression, start: t.start, end: expression.end };
    }
    // A nested resource: `resource child 'type' = {...}` among the properties.
    if (t.kind === 'Identifier' && this.textOf(t) === 'resource' && this.peekAt(1).kind === 'Identifier') {
      return this.parseResource(decorators, decorators[0]?.start ?? t.start);
    }
    let key: Identifier | StringLiteral;
    let keyName: string | undefined;
    if (isNameToken(t.kind)) {
      this.next();
      keyName = this.textOf(t);
      key = { kind: 'Identifier', name: keyName, start: t.start, end: t.end };
    } else if (isStringStart(t.kind)) {
      key = this.parseString('expected a property name');
      keyName = key.value;
    } else {
      return this.fail('expected a property name');
    }
    this.expect('Colon', "expected ':' after the object property name");
    const value = this.parseExpression();
    // The common property (no decorators, a plain key) as one literal; the others as before, with
    // the same keys in the same order.
    if (decorators.length === 0 && keyName !== undefined) return { kind: 'ObjectProperty', key, keyName, value, start: key.start, end: value.end };
    return {
      kind: 'ObjectProperty',
      ...(decorators.length > 0 ? { decorators } : {}),
      key,
      ...(keyName !== undefined ? { keyName } : {}),
      value,
      start: decorators[0]?.start ?? key.start,
      end: value.end,
    };
  }

  private parseStringOrMissing(message: string): StringLiteral | MissingExpression {
    if (isStringStart(this.cur().kind)) return this.parseString(message);
    if (this.at('Assignment')) {
      this.error(message + this.found(this.cur()), this.cur());
      return this.missing(this.cur().start);
    }
    return this.fail(message);
  }

  /** A string literal, interpolated or not, single- or multi-line. */
  parseString(message: string): StringLiteral {
    const t = this.cur();
    if (!isStringStart(t.kind)) this.fail(message);
    this.next();
    const dollars = t.dollars ?? -1;
    const multiline = dollars >= 0;
    if (t.kind === 'StringComplete') {
      const value = this.segmentText(t, true, true, dollars);
      return {
        kind: 'String',
        segments: [value],
        segmentSpans: [{ start: t.start, end: t.end }],
        expressions: [],
        multiline,
        value,
        start: t.start,
        end: t.end,
      };
    }
    this.enter();
    const segments = [this.segmentText(t, true, false, dollars)];
    const segmentSpans = [{ start: t.start, end: t.end }];
    const expressions: Expression[] = [];
    // Holes may span lines only in multi-line strings; the lexer reports line breaks otherwise.
    this.modes.push(true);
    let end: number;
    for (;;) {
      expressions.push(this.parseExpression());
      const p = this.cur();
      if (p.kind !== 'StringMiddlePiece' && p.kind !== 'StringRightPiece') this.fail("expected '}' to close the string interpolation");
      this.next();
      segments.push(this.segmentText(p, false, p.kind === 'StringRightPiece', dollars));
      segmentSpans.push({ start: p.start, end: p.end });
      end = p.end;
      if (p.kind === 'StringRightPiece') break;
    }
    this.modes.pop();
    this.leave();
    return { kind: 'String', segments, segmentSpans, expressions, multiline, start: t.start, end };
  }

  /** The decoded text of a string piece; `first`/`last` say which delimiters it has. */
  private segmentText(t: Token, first: boolean, last: boolean, dollars: number): string {
    const text = this.text;
    if (dollars < 0) {
      const s = t.start + 1; // ' or }
      let e = t.end;
      if (last) {
        if (text.charCodeAt(e - 1) === 39 && e - 1 >= s) e--;
      } else {
        e -= 2; // ${
      }
      return decodeStringContent(text.slice(s, Math.max(s, e)));
    }
    let s = first ? t.start + dollars + 3 : t.start + 1;
    let e = t.end;
    if (last) {
      if (text.endsWith("'''", e) && e - 3 >= s) e -= 3;
    } else {
      e -= dollars + 1;
    }
    // Verbatim multi-line strings drop one line break right after the opening quotes.
    if (first) {
      if (text.charCodeAt(s) === 13 && s < e) s++;
      if (text.charCodeAt(s) === 10 && s < e) s++;
    }
    return text.slice(s, Math.max(s, e));
  }

  // ------------------------------------------------------------------------------------------
  // Type expressions

  parseType(): TypeExpression {
    this.enter();
    this.enteredAt = this.i;
    // A union may start on the next line with a leading `|` (`type pet =` then `  | 'cat'`): the
    // compiler's formatter writes long unions that way.
    if (this.continuesWith('Pipe')) this.skipNewLines();
    const t = this.cur();
    let leadingPipe = false;
    if (t.kind === 'Pipe') {
      this.next();
      leadingPipe = true;
    }
    const first = this.parseSingularType();
    let result: TypeExpression = first;
    // Union members may continue on following lines that start with `|`.
    if (this.at('Pipe') || leadingPipe || this.continuesWith('Pipe')) {
      const members = [first];
      while (this.at('Pipe') || this.continuesWith('Pipe')) {
        this.skipNewLines();
        this.next();
        this.skipNewLines();
        members.push(this.parseSingularType());
      }
      const last = members[members.length - 1] as TypeExpression;
      result = { kind: 'UnionType', members, start: t.start, end: last.end };
    }
    this.leave();
    return result;
  }

  private parseSingularType(): TypeExpression {
    const depth = this.depth;
    try {
      return this.parseTypeSuffixes(this.parsePrimaryType());
    } finally {
      this.depth = depth;
    }
  }

  /**
   * The suffixes after a type (`[]`, `[0]`, `?`, `!`, `.p`, `<...>`), read in a loop but nested
   * in the tree they build (`string[][]` is an array of arrays), which the later stages walk
   * recursively: each counts as a nesting level (see enter()), so ten thousand of them are a
   * limit finding and not a stack overflow further on.
   */
  private parseTypeSuffixes(base: TypeExpression): TypeExpression {
    let e = base;
    for (;;) {
      const t = this.raw();
      if (t.kind === 'LeftSquare') {
        const n = this.peekAt(1);
        if (n.kind === 'RightSquare') {
          this.enter();
          this.i += 2;
          e = { kind: 'ArrayType', element: e, start: e.start, end: n.end };
        } else if ((n.kind === 'Integer' || n.kind === 'Asterisk') && this.peekAt(2).kind === 'RightSquare') {
          const close = this.peekAt(2);
          this.enter();
          this.i += 3;
          const index: IntegerLiteral | undefined =
            n.kind === 'Integer' ? { kind: 'Integer', text: this.textOf(n), value: Number(this.textOf(n)), start: n.start, end: n.end } : undefined;
          e = { kind: 'TypeIndexAccess', base: e, ...(index ? { index } : {}), start: e.start, end: close.end };
        } else {
          return e;
        }
      } else if (t.kind === 'Question') {
        this.enter();
        this.i++;
        e = { kind: 'NullableType', base: e, start: e.start, end: t.end };
      } else if (t.kind === 'Exclamation') {
        this.enter();
        this.i++;
        e = { kind: 'NonNullableType', base: e, start: e.start, end: t.end };
      } else if (t.kind === 'LeftChevron' && (e.kind === 'TypeReference' || e.kind === 'TypePropertyAccess')) {
        this.enter();
        e = this.parseTypeArguments(e);
      } else if (t.kind === 'Dot') {
        this.enter();
        this.i++;
        const p = this.cur();
        if (p.kind === 'Asterisk') {
          this.next();
          e = { kind: 'TypeAdditionalPropertiesAccess', base: e, start: e.start, end: p.end };
        } else {
          if (!isNameToken(p.kind)) this.fail("expected a property name after '.'");
          this.next();
          e = { kind: 'TypePropertyAccess', base: e, property: { kind: 'Identifier', name: this.textOf(p), start: p.start, end: p.end }, start: e.start, end: p.end };
        }
      } else {
        return e;
      }
    }
  }

  private parsePrimaryType(): TypeExpression {
    const t = this.cur();
    switch (t.kind) {
      case 'Identifier': {
        this.next();
        const name: Identifier = { kind: 'Identifier', name: this.textOf(t), start: t.start, end: t.end };
        return { kind: 'TypeReference', name, start: t.start, end: t.end };
      }
      case 'StringComplete':
      case 'StringLeftPiece': {
        const value = this.parseString('expected a type');
        return { kind: 'LiteralType', value, start: value.start, end: value.end };
      }
      case 'Integer':
      case 'TrueKeyword':
      case 'FalseKeyword':
      case 'NullKeyword': {
        const value = this.parsePrimary() as IntegerLiteral;
        return { kind: 'LiteralType', value, start: value.start, end: value.end };
      }
      case 'Minus':
      case 'Plus':
      case 'Exclamation': {
        // A nesting level (as an expression's unary operator): `type t = ----...1` is as deep.
        this.enter();
        this.next();
        const operand = this.parsePrimaryType();
        this.leave();
        const operator: UnaryOperator = t.kind === 'Exclamation' ? '!' : t.kind === 'Minus' ? '-' : '+';
        const inner: Expression = operand.kind === 'LiteralType' ? operand.value : this.missing(operand.start);
        if (operand.kind !== 'LiteralType') this.error('expected a literal after the unary operator', operand);
        return { kind: 'LiteralType', value: { kind: 'Unary', operator, operand: inner, start: t.start, end: operand.end }, start: t.start, end: operand.end };
      }
      case 'LeftBrace':
        return this.parseObjectType();
      case 'LeftSquare':
        return this.parseTupleType();
      case 'LeftParen': {
        this.next();
        this.modes.push(true);
        const type = this.parseType();
        const close = this.expect('RightParen', "expected ')' after the type");
        this.modes.pop();
        return { kind: 'ParenthesizedType', type, start: t.start, end: close.end };
      }
      default:
        return this.fail('expected a type');
    }
  }

  /** `name<args>` / `ns.name<args>`, at `<`. */
  private parseTypeArguments(e: TypeReference | TypePropertyAccess): ParameterizedType {
    this.next();
    this.modes.push(true);
    const args: TypeExpression[] = [];
    while (!this.at('RightChevron')) {
      args.push(this.parseType());
      if (this.at('Comma')) this.next();
      else if (!this.at('RightChevron')) this.fail("expected ',' or '>' in the type arguments");
    }
    const close = this.next();
    this.modes.pop();
    const name = e.kind === 'TypeReference' ? e.name : e.property;
    const namespace = e.kind === 'TypePropertyAccess' ? e.base : undefined;
    return { kind: 'ParameterizedType', ...(namespace ? { namespace } : {}), name, args, start: e.start, end: close.end };
  }

  private parseObjectType(): ObjectType {
    const counted = this.enterContainer();
    const open = this.next();
    this.modes.push(false);
    const { items: properties, close } = this.parseItems('RightBrace', 'property type', "expected '}' to close the object type", (): ObjectTypeProperty => {
      const decorators = this.parseDecorators();
      const k = this.cur();
      let key: Identifier | StringLiteral | undefined;
      let keyName: string | undefined;
      if (k.kind === 'Asterisk') {
        this.next();
      } else if (isNameToken(k.kind)) {
        this.next();
        keyName = this.textOf(k);
        key = { kind: 'Identifier', name: keyName, start: k.start, end: k.end };
      } else if (isStringStart(k.kind)) {
        key = this.parseString('expected a property name');
        keyName = key.value;
      } else {
        this.fail('expected a property name');
      }
      this.expect('Colon', "expected ':' after the property name");
      const value = this.parseType();
      return {
        kind: 'ObjectTypeProperty',
        decorators,
        ...(key ? { key } : {}),
        ...(keyName !== undefined ? { keyName } : {}),
        additional: key === undefined,
        value,
        start: decorators[0]?.start ?? k.start,
        end: value.end,
      };
    });
    this.modes.pop();
    if (counted) this.leave();
    return { kind: 'ObjectType', properties, start: open.start, end: close.end };
  }

  private parseTupleType(): TupleType {
    const counted = this.enterContainer();
    const open = this.next();
    this.modes.push(false);
    const { items, close } = this.parseItems('RightSquare', 'tuple item type', "expected ']' to close the tuple type", (): TupleTypeItem => {
      const decorators = this.parseDecorators();
      const value = this.parseType();
      return { kind: 'TupleTypeItem', decorators, value, start: decorators[0]?.start ?? value.start, end: value.end };
    });
    this.modes.pop();
    if (counted) this.leave();
    return { kind: 'TupleType', items, start: open.start, end: close.end };
  }
}

function describeStatement(s: Statement): string {
  switch (s.kind) {
    case 'Parameter':
    case 'ParameterAssignment':
      return 'parameter declaration';
    case 'Variable':
      return 'variable declaration';
    case 'Resource':
      return 'resource declaration';
    case 'Module':
      return 'module declaration';
    case 'Output':
      return 'output declaration';
    case 'TypeDeclaration':
      return 'type declaration';
    default:
      return 'declaration';
  }
}
