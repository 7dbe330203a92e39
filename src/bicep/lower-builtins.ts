// Built-in function calls in a file's lowering (see lower.ts): the arity and existence checks, and
// the functions the compiler evaluates or rewrites itself: load*Content(), loadDirectoryFileInfo(),
// nameof(), readEnvironmentVariable(), any(), the scope functions as values.
import { type ParseError, parse as parseJsonc } from 'jsonc-parser';
import path from 'node:path';
import type { Expr } from '../expr/ast.js';
import { unreadFileMessage } from '../load/read.js';
import { LOWERING_NS } from '../model/template.js';
import { AZ_FUNCTIONS } from './functions.generated.js';
import { builtinCallProblem } from './functions.js';
import { decodeLoadedText, isLoadEncoding, LOAD_ENCODINGS } from './load-text.js';
import { call, deeperThanConverted, jsonToExpr, lit, MAX_JSON_DEPTH } from './lower-ast.js';
import { DeployTimeChecks } from './lower-deploy-time.js';
import type { LowerCtx } from './lower-expr.js';
import { lambdaVariableNames } from './lower-symbols.js';
import { isCompileTimeConstant, stringValue } from './lower-syntax.js';
import type { Expression, FunctionCall } from './syntax.js';
import { parseYaml } from './yaml.js';

/** The az namespace's functions (resourceId(), deployment(), ...): none but getSecret() exists in a parameters file. */
const AZ_FUNCTION_NAMES: ReadonlySet<string> = new Set([...AZ_FUNCTIONS, 'reference']);

/**
 * The Bicep compiler's limits on loaded files (LanguageConstants; BCP184 above them):
 * loadTextContent() makes a string literal of at most 131,072 characters, loadFileAsBase64() one
 * of at most as many base64 characters (98,304 bytes), and loadJsonContent() and
 * loadYamlContent() read at most 1,048,576 characters.
 */
const MAX_LITERAL_CHARS = 131_072;
const MAX_BASE64_BYTES = 98_304;
const MAX_JSON_CHARS = 1_048_576;

export abstract class BuiltinLowerer extends DeployTimeChecks {
  /** Built-in functions that the compiler evaluates itself or renames. */
  protected builtin(e: FunctionCall, ctx: LowerCtx): Expr {
    const name = e.name.name;
    // Checked here, where every call is lowered, not when evaluated: a call in a property no
    // rule reads is as wrong. The value is then unknown, without a second finding from ARM.
    // A name imported from a registry module that is not read is not known to be wrong.
    const problem = name === '' || this.unknownImports.has(name) ? undefined : builtinCallProblem(name, e.args.length, this.hasExtensions, () => [...this.funcs.keys(), ...[...this.callableImportedFuncs].filter((k) => !k.includes('.'))]);
    if (problem) {
      // A function of `import * as ns` is called through its namespace: say which one.
      const viaNamespace = problem.at === 'name' ? [...this.callableImportedFuncs].find((k) => k === `${k.split('.')[0]}.${name}`) : undefined;
      const message = viaNamespace ? `the function '${name}' does not exist; did you mean '${viaNamespace}'? (the functions of an \`import * as\` are called through its namespace)` : problem.message;
      this.error(problem.at === 'name' ? e.name : { start: e.openParen, end: e.closeParen }, message);
      return call('invalid', [lit(message, e)], e, LOWERING_NS);
    }
    this.checkBuiltinArguments(e);
    // A parameters file is not deployed: the az namespace there has getSecret() only (the
    // compiler's ParamsFilePermittedOverloads), so resourceId(), deployment(), environment(),
    // resourceGroup(), reference(), list*() ... do not exist in it.
    if (this.file.kind === 'bicepparam' && name !== 'getSecret' && (AZ_FUNCTION_NAMES.has(name) || /^list[A-Za-z0-9]/.test(name))) {
      const viaAz = e.base !== undefined;
      const message = `${viaAz ? `The function "${name}" does not exist in namespace "az". (BCP107)` : `The name "${name}" does not exist in the current context. (BCP057)`}: a parameters file is not deployed, so it has none of the az functions but getSecret(); compute the value in the template, or pass it in`;
      this.error(e.name, message);
      for (const a of e.args) this.expr(a, ctx);
      return call('invalid', [lit(message, e)], e, LOWERING_NS);
    }
    const args = (): Expr[] => e.args.map((a) => this.expr(a, ctx));
    // The compiler checks this wherever the call is written, on any path (its binder, BCP065).
    if (!ctx.inParameterDefault && (name === 'utcNow' || name === 'newGuid')) {
      this.error(e.name, `Function "${name}" is not valid at this location. It can only be used as a parameter default value. (BCP065)`);
    }
    switch (name.toLowerCase()) {
      case 'any':
        return e.args[0] ? this.expr(e.args[0], ctx) : lit(null, e);
      case 'loadtextcontent':
        return this.loadFile(e, 1, MAX_LITERAL_CHARS, (text) => lit(text, e));
      case 'loadfileasbase64':
        // Bytes, not text: the file is often binary (a certificate, an archive).
        return this.loadBytes(e, (bytes) =>
          bytes.byteLength > MAX_BASE64_BYTES
            ? this.tooLarge(e, `${MAX_BASE64_BYTES} bytes`)
            : lit(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), e),
        );
      case 'loadjsoncontent':
        return this.loadFile(e, 2, MAX_JSON_CHARS, (text) => this.jsonContent(e, text));
      case 'nameof': {
        const a = e.args[0];
        // The compiler's dependency walk sees the symbols inside nameof() too: a module or
        // resource named there is a dependency, a variable brings its own.
        let base: Expression | undefined = a;
        while (base && (base.kind === 'PropertyAccess' || base.kind === 'ArrayAccess' || base.kind === 'ResourceAccess')) base = base.base;
        if (base?.kind === 'VariableAccess' && !ctx.locals?.has(base.name.name)) {
          const n = base.name.name;
          const sym = this.symbols.get(n);
          if (sym) this.noteRef(sym, base, ctx);
          else if (this.vars.has(n)) ctx.refs?.variables.add(n);
          // nameof() of a name nothing declares is the compiler's BCP057 like any other read.
          else if (!this.namedInFile(n)) this.error(base.name, this.unknownSymbol(n, ctx, this.declaredNames()));
        }
        if (a?.kind === 'PropertyAccess') return lit(a.property.name, e);
        // nameof(obj['some-key']): the key.
        if (a?.kind === 'ArrayAccess' && a.index.kind === 'String' && stringValue(a.index) !== undefined) return lit(stringValue(a.index) as string, e);
        if (a?.kind === 'VariableAccess') return lit(a.name.name, e);
        return lit(null, e);
      }
      case 'readenvironmentvariable':
      case 'readenvvar':
      case 'readcliarg':
      case 'externalinput': {
        // Read by the compiler when it compiles the file, from arguments it must know then.
        args();
        for (const a of e.args) if (!isCompileTimeConstant(a)) this.error(a, 'the value must be a compile-time constant');
        if (name.toLowerCase().startsWith('readenv')) return this.environmentVariable(e, ctx);
        const what = name.toLowerCase() === 'readcliarg' ? 'a command-line argument of the compiler' : 'an external input given when the file is compiled';
        return call('notRead', [lit(`${name}(): ${what}`, e)], e, LOWERING_NS);
      }
      case 'loadyamlcontent':
        return this.loadFile(e, 2, MAX_JSON_CHARS, (text) => this.yamlContent(e, text));
      case 'loaddirectoryfileinfo':
        return this.directoryFileInfo(e);
      case 'subscription':
      case 'resourcegroup':
      case 'managementgroup':
        // A named scope as a value (a `scope:` is lowered by scopeIdExpr): the compiler gives it an
        // object type without properties and writes createObject() (AzNamespaceType's
        // GetRestricted*ReturnResult; "scopesWithoutArmRepresentation" in its Variables sample).
        // ARM's subscription(), resourceGroup() and managementGroup() take no argument.
        if (e.args.length === 0) return call(name, [], e);
        args();
        return call('createObject', [], e);
      default: {
        const lowered = args();
        if (!e.base && (name === 'reference' || name.startsWith('list'))) this.checkInlinedLambdaVariables(e, lowered, ctx);
        return call(name, lowered, e);
      }
    }
  }

  /**
   * BCP248: reference() and the list*() functions are evaluated by ARM before the template's
   * lambdas run, so the compiler refuses a lambda's variable in their arguments
   * (`map(ids, id => reference(id).x)`), at the call. A for-expression's variable is fine, and so
   * is `az.reference(...)` and a resource's own `res.listKeys()` (not checked by the compiler).
   */
  private checkInlinedLambdaVariables(e: FunctionCall, args: readonly Expr[], ctx: LowerCtx): void {
    if (!ctx.locals) return;
    const found: string[] = [];
    for (const a of args) lambdaVariableNames(a, found);
    const names = found.filter((v) => {
      const b = ctx.locals?.get(v);
      return b?.kind === 'lambda' && b.lambda === true;
    });
    if (names.length === 0) return;
    this.error(e, `Using lambda variables inside the "${e.name.name}" function is not currently supported. Found the following lambda variable(s) being accessed: ${names.map((v) => `"${v}"`).join(', ')}. (BCP248)`);
  }

  /**
   * readEnvironmentVariable('NAME'[, default]) of a .bicepparam file: the compiler reads its own
   * environment when it compiles the file, so vtaplint reads the environment it runs in (a
   * pipeline that lints and deploys with the same variables gets the values it deploys); unset,
   * the default, or else a value known only where the file is compiled.
   */
  private environmentVariable(e: FunctionCall, ctx: LowerCtx): Expr {
    const n = e.args[0] ? stringValue(e.args[0]) : undefined;
    if (n === undefined) return call('notRead', [lit(`${e.name.name}(): an environment variable whose name is not a literal`, e)], e, LOWERING_NS);
    const v = this.options.env?.[n];
    if (v !== undefined) return lit(v, e);
    if (e.args[1]) return this.expr(e.args[1], ctx);
    return call('notRead', [lit(`${e.name.name}('${n}'): the environment variable is not set where vtaplint runs; it is read when the file is compiled`, e)], e, LOWERING_NS);
  }

  /**
   * loadDirectoryFileInfo(dir[, searchPattern]), as the compiler computes it: the files directly
   * in the folder (not its subfolders) whose names match the pattern ('*' and '?'), each as
   * { relativePath (from this file's folder, '/'), baseName, extension (from the last '.', or '') },
   * ordered by relativePath ignoring case (.NET's OrdinalIgnoreCase). Only names are read, and
   * only inside the lint root; a folder that cannot be listed is an error and an unknown value.
   */
  private directoryFileInfo(e: FunctionCall): Expr {
    const fn = e.name.name;
    const dirArg = e.args[0];
    const patternArg = e.args[1];
    const dir = dirArg ? stringValue(dirArg) : undefined;
    const pattern = patternArg ? stringValue(patternArg) : '';
    if (!dirArg || dir === undefined || pattern === undefined) {
      // The compiler takes compile-time constants (variables too); only literals are read here.
      const at = !dirArg || dir === undefined ? (dirArg ?? e) : (patternArg ?? e);
      this.note(at, `${fn}(): the argument is not a literal string, so the folder is not listed; the value is unknown`);
      return call('notRead', [lit(`${fn}(): a folder or pattern that is not a literal string`, e)], e, LOWERING_NS);
    }
    const abs = this.resolvePath(dir);
    const got = this.options.modules.listFiles(abs);
    if ('error' in got) {
      this.error(dirArg, `${fn}(): ${got.error}`);
      // Unknown, not null (nor an empty list): rules must not take an unread folder for an empty one.
      return call('notRead', [lit(`${fn}('${dir}'): ${got.error}`, dirArg)], e, LOWERING_NS);
    }
    const from = path.dirname(this.file.path);
    const matches = wildcardMatcher(pattern);
    const files = got.names
      .filter(matches)
      .map((name) => {
        const dot = name.lastIndexOf('.');
        return {
          relativePath: path.relative(from, path.join(abs, name)).split(path.sep).join('/'),
          baseName: name,
          extension: dot >= 0 && dot < name.length - 1 ? name.slice(dot) : '',
        };
      })
      .sort((a, b) => compareOrdinalIgnoreCase(a.relativePath, b.relativePath));
    return jsonToExpr(files, e);
  }

  /** A load*() call's file as text, refused (BCP184) above the compiler's `maxChars` for that function. */
  /**
   * A load function's file as text, in the encoding its argument at `encodingArg` names (UTF-8
   * when none), decoded as the compiler decodes it (load-text.ts: never an error).
   */
  private loadFile(e: FunctionCall, encodingArg: number, maxChars: number, convert: (text: string) => Expr): Expr {
    const encArg = e.args[encodingArg];
    const enc = encArg ? stringValue(encArg) : undefined;
    if (enc !== undefined && !isLoadEncoding(enc)) {
      this.error(encArg ?? e, `${e.name.name}(): unknown encoding '${enc}' (one of: ${LOAD_ENCODINGS.join(', ')})`);
      return lit(null, e);
    }
    return this.loadBytes(e, (bytes) => {
      const text = decodeLoadedText(bytes, enc);
      return text.length > maxChars ? this.tooLarge(e, `${maxChars} characters`) : convert(text);
    });
  }

  /**
   * BCP184: the compiler reads no more than its limit for each load function, and fails the file
   * otherwise. The value is unknown, and nothing larger is parsed (a YAML parser takes seconds
   * per megabyte).
   */
  private tooLarge(e: FunctionCall, limit: string): Expr {
    const message = `${e.name.name}(): the file exceeds the maximum size of ${limit} that the Bicep compiler loads (BCP184)`;
    this.error(e.args[0] ?? e, message);
    return call('notRead', [lit(message, e)], e, LOWERING_NS);
  }

  private loadBytes(e: FunctionCall, convert: (bytes: Uint8Array) => Expr): Expr {
    return this.loaded(e, (abs) => this.options.modules.readBytes(abs), (got) => convert(got.bytes));
  }

  /** A load*() call's file, read by `read` and made a value by `convert`; a literal path is required. */
  private loaded<T extends object>(e: FunctionCall, read: (abs: string) => T | { error: string }, convert: (got: T) => Expr): Expr {
    const p = e.args[0];
    const rel = p ? stringValue(p) : undefined;
    if (!p || rel === undefined) {
      this.error(p ?? e, `${e.name.name}() needs a literal file path`);
      return lit(null, e);
    }
    const got = read(this.resolvePath(rel));
    if ('error' in got) {
      this.error(p, `${e.name.name}(): ${unreadFileMessage('file', rel, got.error)}`);
      // Unknown, not null: rules must not take a missing file's content for an empty value.
      return call('notRead', [lit(`${e.name.name}('${rel}'): ${got.error}`, p)], e, LOWERING_NS);
    }
    return convert(got as T);
  }

  private jsonContent(e: FunctionCall, text: string): Expr {
    // Bicep accepts comments and trailing commas in loaded JSON: jsonc-parser reads those, but
    // strict JSON (nearly every file) goes through JSON.parse, many times faster.
    const errors: ParseError[] = [];
    const body = text.replace(/^\uFEFF/, '');
    let v: unknown;
    try {
      v = JSON.parse(body);
    } catch {
      v = parseJsonc(body, errors, { allowTrailingComma: true });
    }
    if (errors.length > 0) {
      this.error(e.args[0] ?? e, `loadJsonContent(): the file is not valid JSON (at offset ${errors[0]?.offset ?? 0})`);
      return call('notRead', [lit('loadJsonContent(): a file that is not valid JSON', e)], e, LOWERING_NS);
    }
    return this.selected(e, v, 'loadJsonContent');
  }

  /** loadYamlContent(file[, jsonPath[, encoding]]): the document as JSON values, as the compiler converts it. */
  private yamlContent(e: FunctionCall, text: string): Expr {
    const parsed = parseYaml(text.replace(/^\uFEFF/, ''));
    if ('error' in parsed && parsed.tooDeep) return this.tooDeep(e, 'loadYamlContent');
    if ('error' in parsed) {
      this.error(e.args[0] ?? e, `loadYamlContent(): the file is not valid YAML: ${parsed.error}`);
      // Unknown, not null: a null would decide verdicts (a region of '0') on a file that failed.
      return call('notRead', [lit('loadYamlContent(): a file that is not valid YAML', e)], e, LOWERING_NS);
    }
    return this.selected(e, parsed.value, 'loadYamlContent');
  }

  /** The part of loaded content a load function's JSONPath argument (its second) selects. */
  private selected(e: FunctionCall, v: unknown, fn: string): Expr {
    const jp = e.args[1] ? stringValue(e.args[1]) : undefined;
    if (jp !== undefined && /[?*@]|\.\./.test(jp)) {
      this.note(e.args[1] ?? e, `${fn}(): the JSONPath '${jp}' uses filters or wildcards, which are not supported; the value is unknown`);
      return call('notRead', [lit(`${fn}(): the JSONPath '${jp}' (filters and wildcards are not read)`, e)], e, LOWERING_NS);
    }
    if (jp !== undefined && jp !== '$' && jp !== '') {
      // Simple JSONPath: $.a.b[0]['c']
      const parts = jp.replace(/^\$\.?/, '').match(/[^.[\]'"]+|\[\d+\]/g) ?? [];
      for (const part of parts) {
        const key = part.startsWith('[') ? Number(part.slice(1, -1)) : part;
        if (v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, key)) v = (v as Record<string | number, unknown>)[key];
        else {
          this.error(e.args[1] ?? e, `${fn}(): the path '${jp}' does not select a value`);
          return lit(null, e);
        }
      }
    }
    // Deeper content was cut to null below the limit, without a word: rules decided on a value
    // the file does not hold.
    if (deeperThanConverted(v)) return this.tooDeep(e, fn);
    return jsonToExpr(v, e);
  }

  /** Loaded content nested deeper than it is converted (or than the YAML parser's stack holds): a limit finding at the path, its value unknown. */
  private tooDeep(e: FunctionCall, fn: string): Expr {
    const message = `${fn}(): the content is nested more than ${MAX_JSON_DEPTH} levels deep, deeper than vtaplint converts; its value is not known`;
    this.diagnostics.add({ code: 'limit-exceeded', message, span: this.span(e.args[0] ?? e) });
    return call('notRead', [lit(message, e)], e, LOWERING_NS);
  }
}

/**
 * A file-name matcher for a .NET search pattern ('*' any run of characters, '?' one character,
 * case-sensitive as on Linux); the empty pattern matches every name.
 */
function wildcardMatcher(pattern: string): (name: string) => boolean {
  if (pattern === '' || pattern === '*') return () => true;
  const source = [...pattern].map((c) => (c === '*' ? '[^]*' : c === '?' ? '[^]' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  const re = new RegExp(`^${source}$`);
  return (name) => re.test(name);
}

/** .NET's StringComparer.OrdinalIgnoreCase: code units compared after upper-casing each one on its own. */
export function compareOrdinalIgnoreCase(a: string, b: string): number {
  const upper = (c: number): number => {
    const u = String.fromCharCode(c).toUpperCase();
    return u.length === 1 ? u.charCodeAt(0) : c;
  };
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = upper(a.charCodeAt(i)) - upper(b.charCodeAt(i));
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
