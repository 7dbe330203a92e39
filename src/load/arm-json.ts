// Loads ARM JSON (templates and parameter files) into the template model.
//
// Fast path: JSON.parse, with spans that are JSON paths resolved through a compact index only
// when a finding needs a position. Comments and trailing commas are blanked (offsets unchanged,
// json-text.ts) and the text goes through JSON.parse too. Fallback:
// what else Azure accepts beyond strict JSON (raw line breaks and tabs inside strings) goes
// through jsonc-parser's tree.
// A file that is not JSON at all gets one `invalid-template` diagnostic at the exact place.
import { findNodeAtLocation, parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceText } from '../model/source.js';
import { JsonPathSpan, TextSpan, type PathKey, type PathResolver, type Range, type Span } from '../model/span.js';
import type { TNode, TObject } from '../model/template.js';
import { JsonIndex } from './json-index.js';
import { blankCommentsAndTrailingCommas, decodedIndexToOffset, findExcessiveNesting, maskLineBreaksInStrings, unmask } from './json-text.js';

export interface LoadLimits {
  /** Deepest JSON nesting accepted (objects and arrays). */
  maxJsonDepth: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = { maxJsonDepth: 512 };

export interface LoadedJson {
  /** The document, or undefined when it could not be parsed. */
  root: TNode | undefined;
  /** Span of the whole document; walkers derive children from it. */
  span: Span;
  diagnostics: Diagnostic[];
}

/** jsonc-parser ParseErrorCode values (a const enum, not importable under isolatedModules). */
const PARSE_ERROR_MESSAGES: Record<number, string> = {
  1: 'unexpected character',
  2: 'invalid number',
  3: 'expected a property name in double quotes',
  4: 'expected a value',
  5: "expected ':' after the property name",
  6: "expected ',' between values",
  7: "expected '}' to close the object",
  8: "expected ']' to close the array",
  9: 'unexpected content after the end of the JSON document',
  10: 'invalid comment',
  11: "unterminated comment: expected '*/'",
  12: 'unterminated string: expected \'"\'',
  13: 'unterminated number',
  14: 'invalid unicode escape sequence',
  15: 'invalid escape character in string',
  16: 'invalid character in string',
};

/**
 * jsonc-parser's "invalid symbol", with the character it stopped at, and what to write instead
 * for the mistakes people make coming from JavaScript or Bicep (single-quoted strings).
 */
function unexpectedCharacter(text: string, offset: number): string {
  const c = text.codePointAt(offset);
  if (c === undefined) return 'unexpected character';
  const shown = c >= 0x21 && c <= 0x7e ? `'${String.fromCodePoint(c)}'` : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  if (c === 0x27) return 'unexpected single quote: JSON strings and property names are written in double quotes';
  return `unexpected character ${shown}`;
}

/** Errors of jsonc-parser that Azure tolerates (control characters such as tabs inside strings). */
const TOLERATED_ERRORS = new Set([16]);

/** Positions for JSON that only jsonc-parser could read (comments, trailing commas): its tree. */
class TreeResolver implements PathResolver {
  constructor(
    private readonly text: string,
    private readonly tree: JsonNode,
  ) {}

  private root(): JsonNode {
    return this.tree;
  }

  private node(path: readonly PathKey[], key: boolean): JsonNode | undefined {
    const root = this.root();
    const n = path.length === 0 ? root : findNodeAtLocation(root, path as PathKey[]);
    if (!n) return undefined;
    if (key) return n.parent?.type === 'property' ? n.parent.children?.[0] : undefined;
    return n;
  }

  resolve(path: readonly PathKey[], key: boolean): Range | undefined {
    const n = this.node(path, key);
    return n ? { start: n.offset, end: n.offset + n.length } : undefined;
  }

  stringOffset(path: readonly PathKey[], key: boolean, index: number): number | undefined {
    const n = this.node(path, key);
    if (!n || n.type !== 'string') return undefined;
    return decodedIndexToOffset(this.text, n.offset, index);
  }
}

/**
 * Positions for JSON that JSON.parse read: a compact index (json-index.ts) built on the first
 * request, so a large template with findings does not need a full parse tree for them.
 */
class IndexResolver implements PathResolver {
  private index: JsonIndex | undefined;
  private built = false;

  /**
   * `of` is the source itself when JSON.parse read its text (asked for its text only when the
   * index is built: a large template's text may be packed meanwhile, SourceText.pack), or the
   * text with comments blanked.
   */
  constructor(private readonly of: SourceText | string) {}

  private get text(): string {
    return typeof this.of === 'string' ? this.of : this.of.text;
  }

  private node(path: readonly PathKey[], key: boolean): { start: number; end: number; string: boolean } | undefined {
    if (!this.built) {
      this.built = true;
      this.index = JsonIndex.build(this.text);
    }
    const idx = this.index;
    if (!idx) return undefined;
    if (key) {
      const r = idx.findKey(path);
      return r ? { ...r, string: true } : undefined;
    }
    const n = idx.find(path);
    if (n < 0) return undefined;
    return { ...idx.range(n), string: idx.isString(n) };
  }

  resolve(path: readonly PathKey[], key: boolean): Range | undefined {
    const n = this.node(path, key);
    return n ? { start: n.start, end: n.end } : undefined;
  }

  stringOffset(path: readonly PathKey[], key: boolean, index: number): number | undefined {
    const n = this.node(path, key);
    if (!n || !n.string) return undefined;
    return decodedIndexToOffset(this.text, n.start, index);
  }
}

function fromTree(n: JsonNode): TNode {
  switch (n.type) {
    case 'object': {
      const o: TObject = {};
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (!k || !v) continue;
        const key = unmask(String(k.value));
        // defineProperty, not assignment: a key such as "__proto__" is data, not a prototype.
        Object.defineProperty(o, key, { value: fromTree(v), enumerable: true, writable: true, configurable: true });
      }
      return o;
    }
    case 'array':
      return (n.children ?? []).map(fromTree);
    case 'string':
      return unmask(n.value as string);
    default:
      return n.value as TNode;
  }
}

/** Up to this maxJsonDepth the depth is measured on the parsed value (recursively: one frame per level). */
const MAX_VALUE_WALK_DEPTH = 2000;

/** Whether the container `v` holds containers nested more than `remaining` levels (itself included). */
function deeperThan(v: object, remaining: number): boolean {
  if (remaining <= 0) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const e: unknown = v[i];
      if (typeof e === 'object' && e !== null && deeperThan(e, remaining - 1)) return true;
    }
    return false;
  }
  // for-in allocates nothing per object (Object.values would allocate an array for each).
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const e = o[k];
    if (typeof e === 'object' && e !== null && deeperThan(e, remaining - 1)) return true;
  }
  return false;
}

/** Texts this long (generated, expanded templates) have their repeated string values shared. */
const SHARE_STRINGS_FROM = 1_000_000;

/**
 * Makes equal string values of a parsed tree one string. JSON.parse gives every value its own
 * copy (it shares only property names), and a large generated template repeats the same types,
 * ids and dependsOn entries thousands of times: for 10,000 expanded VMs, ~8 MB of copies kept for
 * the whole run. Iterative (the depth was checked before, but the walk needs no stack either).
 */
function shareRepeatedStrings(root: object): void {
  const seen = new Map<string, string>();
  const share = (s: string): string => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    seen.set(s, s);
    return s;
  };
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown> | unknown[];
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v = node[i];
        if (typeof v === 'string') node[i] = share(v);
        else if (typeof v === 'object' && v !== null) stack.push(v);
      }
      continue;
    }
    for (const k in node) {
      const v = node[k];
      // "__proto__" is an ordinary key of the data; assigning it would call the prototype setter.
      if (typeof v === 'string') {
        if (k !== '__proto__') node[k] = share(v);
      } else if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
}

export function loadJson(source: SourceText, limits: LoadLimits = DEFAULT_LOAD_LIMITS): LoadedJson {
  const text = source.text;
  const whole = new TextSpan(source, 0, text.length);
  // /\S/ stops at the first character that is not white space; trim() would copy the whole text.
  if (!/\S/.test(text)) {
    return {
      root: undefined,
      span: whole,
      diagnostics: [{ code: 'invalid-template', message: 'the file is empty; expected a JSON object', span: new TextSpan(source, 0, 0) }],
    };
  }
  let parsed: TNode | undefined;
  // The text JSON.parse read: positions are looked up in it (the same offsets as the file's).
  let parsedText = text;
  try {
    parsed = JSON.parse(text) as TNode;
  } catch {
    // Not strict JSON. Comments and trailing commas: blanked, then JSON.parse. Anything else (raw
    // line breaks in strings, or an error to report at its place): jsonc-parser decides below.
    const blanked = blankCommentsAndTrailingCommas(text);
    if (blanked !== undefined) {
      try {
        parsed = JSON.parse(blanked) as TNode;
        parsedText = blanked;
      } catch {
        // jsonc-parser below
      }
    }
  }
  // JSON.parse itself takes any depth (V8 parses without recursion); what is too deep for the
  // walkers after it is refused here. What JSON.parse read is measured on the value (a few
  // objects, not every character) and only located in the text when too deep; what is left for
  // jsonc-parser, whose tree is built recursively, is measured on the text before it.
  const byValue = parsed !== undefined && limits.maxJsonDepth <= MAX_VALUE_WALK_DEPTH;
  const shallow = byValue && !(typeof parsed === 'object' && parsed !== null && deeperThan(parsed, limits.maxJsonDepth));
  const deep = shallow ? -1 : findExcessiveNesting(text, limits.maxJsonDepth);
  if (deep >= 0) {
    return {
      root: undefined,
      span: whole,
      diagnostics: [
        {
          code: 'limit-exceeded',
          message: `JSON nesting deeper than ${limits.maxJsonDepth} levels; the file is not analysed (limit maxJsonDepth)`,
          span: new TextSpan(source, deep, deep + 1),
        },
      ],
    };
  }
  if (parsed !== undefined) {
    if (text.length >= SHARE_STRINGS_FROM && typeof parsed === 'object' && parsed !== null) shareRepeatedStrings(parsed);
    return { root: parsed, span: JsonPathSpan.root(source, new IndexResolver(parsedText === text ? source : parsedText)), diagnostics: [] };
  }
  const masked = maskLineBreaksInStrings(text);
  const errors: ParseError[] = [];
  const tree = parseTree(masked ?? text, errors, { allowTrailingComma: true, disallowComments: false });
  const fatal = errors.filter((e) => !TOLERATED_ERRORS.has(e.error));
  const first = fatal[0];
  if (first || !tree) {
    const offset = first ? first.offset : 0;
    const length = first ? Math.max(first.length, 1) : 0;
    const message = first ? (first.error === 1 ? unexpectedCharacter(text, offset) : (PARSE_ERROR_MESSAGES[first.error] ?? 'invalid JSON')) : 'invalid JSON';
    return {
      root: undefined,
      span: whole,
      diagnostics: [
        {
          code: 'invalid-template',
          message: `invalid JSON: ${message}${fatal.length > 1 ? ` (and ${fatal.length - 1} more ${fatal.length === 2 ? 'error' : 'errors'} after it)` : ''}`,
          span: new TextSpan(source, offset, Math.min(offset + length, text.length)),
        },
      ],
    };
  }
  return { root: fromTree(tree), span: JsonPathSpan.root(source, new TreeResolver(text, tree)), diagnostics: [] };
}

/** ARM templates and parameter files load the same way; the name says what callers use it for. */
export const loadArmTemplate = loadJson;
