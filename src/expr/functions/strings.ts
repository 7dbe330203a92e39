// String functions: format, string, base64*, dataUri*, uri*, padLeft, replace, split, substring,
// toLower/toUpper, trim, startsWith/endsWith, join, like, uniqueString, guid, newGuid.
import { InexactInteger, ObjectValue, Unknown, setGuessedPieces } from '../value.js';
import type { Value } from '../value.js';
import { armToString, foldCase, partialString, symbolicKey, typeName } from '../ops.js';
import { parseJsonText } from '../json-text.js';
import { besideTemplate } from '../template-link.js';
import { composite } from '../format.js';
import { armGuid, uniqueString } from '../hash.js';
import { expectInt, expectString, expectStrings } from './args.js';
import type { FnDef, FnEnv } from './types.js';

function str1(name: string, f: (s: string, env: FnEnv) => Value, returns: FnDef['returns'] = 'string'): FnDef {
  return {
    name,
    min: 1,
    max: 1,
    returns,
    impl: (args, env) => {
      const s = expectString(env, args, 0);
      return s instanceof Unknown ? s : f(s, env);
    },
  };
}

function str2(name: string, f: (a: string, b: string, env: FnEnv) => Value, returns: FnDef['returns'] = 'string'): FnDef {
  return {
    name,
    min: 2,
    max: 2,
    returns,
    impl: (args, env) => {
      const a = expectString(env, args, 0);
      if (a instanceof Unknown) return a;
      const b = expectString(env, args, 1);
      return b instanceof Unknown ? b : f(a, b, env);
    },
  };
}

/**
 * toLower() / toUpper(). A string known in part keeps its parts: the known ones changed, each
 * unknown one the same function of it ("toLower(resourceGroup().name)"), so an id lowered stays an
 * id that still names its resource, and two equal ones compare equal.
 */
function changeCase(name: 'toLower' | 'toUpper', f: (s: string) => string): FnDef {
  return {
    name,
    min: 1,
    max: 1,
    returns: 'string',
    unknownArgs: true,
    impl: (args, env) => {
      const a = args[0] as Value;
      if (!(a instanceof Unknown)) {
        const s = expectString(env, args, 0);
        return s instanceof Unknown ? s : f(s);
      }
      if (!a.parts) return new Unknown(a.reason, 'string');
      const parts = a.parts.map((p) => (typeof p === 'string' ? f(p) : new Unknown(p.reason, 'string', undefined, p.symbol !== undefined ? `${name}(${p.symbol})` : undefined)));
      return partialString(parts, a.about, a.reason);
    },
  };
}

/**
 * startsWith() / endsWith() (case-insensitive, as ARM's). A string known in part decides when its
 * known beginning (end) does: a resource id in an unknown subscription starts with
 * '/subscriptions/', and does not start with '/providers/'.
 */
function affix(name: 'startsWith' | 'endsWith'): FnDef {
  const starts = name === 'startsWith';
  const has = (s: string, x: string) => (starts ? s.startsWith(x) : s.endsWith(x));
  return {
    name,
    min: 2,
    max: 2,
    returns: 'bool',
    unknownArgs: true,
    impl: (args, env) => {
      const [a, b] = args as [Value, Value];
      if (!(a instanceof Unknown) && typeof a !== 'string') return expectString(env, args, 0);
      if (b instanceof Unknown) return new Unknown(b.reason, 'bool');
      if (typeof b !== 'string') return expectString(env, args, 1);
      const x = foldCase(b);
      if (typeof a === 'string') return has(foldCase(a), x);
      const edge = a.parts?.[starts ? 0 : a.parts.length - 1];
      if (typeof edge === 'string') {
        const known = foldCase(edge);
        // The known part holds the whole affix, or the two differ where both are known.
        if (has(known, x)) return true;
        if (!has(x, known)) return false;
      }
      return new Unknown(a.reason, 'bool');
    },
  };
}

/**
 * The simple upper case of a character whose full upper case is several (SpecialCasing.txt), for
 * the few that have one: the Greek vowels with ypogegrammeni ('ᾳ' is 'ᾼ', where the full mapping
 * gives 'ΑΙ'). The others ('ß', 'ŉ', the ligatures 'ﬁ'...) have none and stay as they are.
 */
function simpleUpperOfSpecial(cp: number): number {
  if (cp >= 0x1f80 && cp <= 0x1fa7 && (cp & 0xf) < 8) return cp + 8;
  if (cp === 0x1fb3 || cp === 0x1fc3 || cp === 0x1ff3) return cp + 9;
  return cp;
}

/**
 * .NET's ToUpperInvariant()/ToLowerInvariant(), which ARM's toUpper()/toLower() are: each code
 * point to one by Unicode's simple case mapping (ICU u_toupper/u_tolower), so the string keeps
 * its length ('ß' stays 'ß', not 'SS'; a final 'Σ' lowers to 'σ'), except that, as on Windows,
 * 'ı' (U+0131) is not upper-cased and 'İ' (U+0130) is not lower-cased (dotnet/runtime
 * pal_casing.c, GlobalizationNative_ChangeCaseInvariant). JavaScript's toUpperCase() and
 * toLowerCase() apply the full mappings and context rules instead.
 */
function invariantCase(s: string, upper: boolean): string {
  // Printable ASCII (nearly every template string): the two agree.
  if (!/[^\u0020-\u007e]/.test(s)) return upper ? s.toUpperCase() : s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) {
      out += upper ? ch.toUpperCase() : ch.toLowerCase();
      continue;
    }
    if (cp === (upper ? 0x131 : 0x130)) {
      out += ch;
      continue;
    }
    const m = upper ? ch.toUpperCase() : ch.toLowerCase();
    const first = m.codePointAt(0) as number;
    if (m.length === (first > 0xffff ? 2 : 1)) out += m;
    else out += String.fromCodePoint(upper ? simpleUpperOfSpecial(cp) : cp);
  }
  return out;
}

/**
 * Base64 text decoded as .NET's Convert.FromBase64String does: space, tab, carriage return and
 * line feed are skipped wherever they are (base64 wrapped over lines); what is left must be whole
 * groups of four characters with at most two '=' at the end. Node's decoder accepted a missing
 * padding ('YQ'), which Azure rejects. The bytes are read as UTF-8.
 */
function decodeBase64(s: string, env: FnEnv): string | Unknown {
  const t = /[ \t\r\n]/.test(s) ? s.replace(/[ \t\r\n]+/g, '') : s;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0) return env.error(`The value '${s.length > 40 ? `${s.slice(0, 40)}...` : s}' is not a valid base64 string.`, 0);
  return Buffer.from(t, 'base64').toString('utf8');
}

/** .NET Uri.EscapeDataString: everything but the RFC 3986 unreserved characters is escaped. */
function escapeDataString(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * .NET Uri.UnescapeDataString, which never fails: each run of '%XX' escapes is decoded where its
 * bytes are UTF-8 sequences; a byte that starts none (or an incomplete one), and a '%' not
 * followed by two hex digits, stay as written ('100%', '%ZZ', '%E0%A4').
 */
function unescapeDataString(s: string): string {
  if (!s.includes('%')) return s;
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes: number[] = [];
    for (let i = 0; i < run.length; i += 3) bytes.push(parseInt(run.slice(i + 1, i + 3), 16));
    let out = '';
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i] as number;
      const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      let ok = n > 0 && i + n <= bytes.length;
      for (let k = 1; ok && k < n; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
      if (ok && n >= 3) {
        // No overlong forms, surrogates or code points past U+10FFFF.
        const c = bytes[i + 1] as number;
        if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c >= 0xa0) || (b === 0xf0 && c < 0x90) || (b === 0xf4 && c >= 0x90)) ok = false;
      }
      if (ok) {
        out += decodeURIComponent(run.slice(i * 3, (i + n) * 3));
        i += n;
      } else {
        out += run.slice(i * 3, i * 3 + 3);
        i++;
      }
    }
    return out;
  });
}

function jsonValue(s: string, env: FnEnv): Value {
  const r = parseJsonText(s);
  return r.ok ? r.value : env.error(`The value is not valid JSON: ${r.message}.`, 0);
}

/**
 * split() of a partially known string by a known delimiter, when every unknown piece is a
 * deployment-wide symbol (a parameter, uniqueString(...)) and a known piece holds the delimiter:
 * the unknown pieces are taken not to contain it. This is what makes the compiler's
 * `split(format('{0}/{1}', a, b), '/')[0]` (older Bicep output for child resource names) come back
 * to `a`. Otherwise the result stays unknown: a string with no known delimiter (a parameter, a
 * blob endpoint from reference()) may hold it any number of times, and taking it for one piece
 * made `split(parameters('size'), '_')[1]` an index out of bounds that Azure never reports.
 */
function splitPartial(args: Value[], first: Unknown): Value {
  const [s, d] = args;
  const parts = s instanceof Unknown ? s.parts : undefined;
  // A property of a resource's state (an existing resource's, which has a symbol) is any text:
  // a deployment script's log has line breaks. Only deployment-wide values are taken as one piece.
  if (typeof d !== 'string' || d === '' || !parts || !parts.every((p) => typeof p === 'string' || (p.symbol !== undefined && p.reason.code !== 'runtime-state')) || !parts.some((p) => typeof p === 'string' && p.includes(d))) {
    // As for any function of unknowns: equal symbolic inputs give equal (symbolic) results.
    const keys = args.map(symbolicKey);
    return new Unknown(first.reason, 'array', undefined, keys.every((k) => k !== undefined) ? `split(${keys.join(',')})` : undefined);
  }
  const out: (string | Unknown)[][] = [[]];
  for (const p of parts) {
    if (typeof p !== 'string') {
      (out[out.length - 1] as (string | Unknown)[]).push(p);
      continue;
    }
    p.split(d).forEach((piece, i) => {
      if (i > 0) out.push([]);
      (out[out.length - 1] as (string | Unknown)[]).push(piece);
    });
  }
  const pieces = out.map((piece) => partialString(piece));
  // How many there are is a guess: an index past them, or their count, is unknown (pastGuessedPieces).
  if (d === '/') {
    // A resource name's segments: the compiler's split(format('{0}/stage', parameters('site')), '/')[1]
    // takes a child's name from its parent's, whose name is one segment. The guess names them.
    setGuessedPieces(pieces, first);
    return pieces;
  }
  // Any other delimiter may well be in a parameter's value ('contoso-prod' split at '-'): only the
  // pieces before the first unknown part are known by their index, and those after the last one
  // counted from the end (last(), indexFromEnd()); those in between are unknown, whatever the guess.
  const head = out.findIndex((piece) => piece.some((p) => typeof p !== 'string'));
  let tail = out.length;
  while (tail > 0 && (out[tail - 1] as (string | Unknown)[]).every((p) => typeof p === 'string')) tail--;
  const elements = pieces.map((piece, i) => (i < head ? piece : new Unknown(first.reason, 'string')));
  setGuessedPieces(elements, first, pieces.slice(tail));
  return elements;
}

/** Symbol for a hash of symbolic inputs (uniqueString(resourceGroup().id)): equal inputs, equal results. */
function hashOfUnknown(env: FnEnv, args: Value[], fn: string): Value {
  const keys = args.map(symbolicKey);
  const u = args.find((a) => a instanceof Unknown) as Unknown;
  if (keys.every((k) => k !== undefined)) {
    return new Unknown(u.reason, 'string', undefined, `${fn}(${keys.join(',')})`, `${fn}() of a value known only at deployment`);
  }
  return new Unknown(u.reason, 'string');
}

/**
 * The white-space characters trim() removes: Unicode's White_Space set, which is .NET's
 * Char.IsWhiteSpace behind String.Trim(). JavaScript's trim() differs on two: it keeps U+0085
 * (NEXT LINE, white space) and removes U+FEFF (the byte order mark, a format character).
 */
function isWhiteSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function trimWhiteSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isWhiteSpace(s.charCodeAt(a))) a++;
  while (b > a && isWhiteSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

function wildcard(pattern: string): RegExp {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
  return new RegExp(`^${re}$`, 'i');
}

export const stringFunctions: FnDef[] = [
  {
    name: 'format',
    min: 1,
    max: undefined,
    returns: 'string',
    unknownArgs: true,
    impl: (args, env) => {
      const fmt = args[0] as Value;
      if (fmt instanceof Unknown) return new Unknown(fmt.reason, 'string');
      if (typeof fmt !== 'string') return env.error(`The template function 'format' expects a format string; the provided value is of type '${typeName(fmt)}'.`, 0);
      const r = composite(fmt, args.slice(1), env.ctx.budget.limits.maxStringLength);
      if (!r.ok && r.tooLong !== undefined) return env.checkString(r.tooLong) ?? env.limit(r.message);
      if (!r.ok) return env.error(`The template function 'format' failed: ${r.message}`);
      const len = r.pieces.reduce((n, p) => n + (typeof p === 'string' ? p.length : 0), 0);
      return env.checkString(len) ?? partialString(r.pieces);
    },
  },
  {
    name: 'string',
    min: 1,
    max: 1,
    returns: 'string',
    inexactInts: true,
    impl: (args, env) => {
      // An integer beyond 2^53 whose digits are known: those digits.
      const a = args[0];
      if (a instanceof InexactInteger && a.exact !== undefined) return a.exact.toString();
      const s = armToString(args[0] as Value);
      if (s === undefined) {
        return new Unknown({ code: 'deployment-time', message: 'string() of a value that contains unknown parts', span: env.span }, 'string');
      }
      return s;
    },
  },
  str1('base64', (s) => Buffer.from(s, 'utf8').toString('base64')),
  str1('base64ToString', (s, env) => decodeBase64(s, env)),
  str1('base64ToJson', (s, env) => {
    const t = decodeBase64(s, env);
    return t instanceof Unknown ? t : jsonValue(t, env);
  }, undefined),
  str1('dataUri', (s) => `data:text/plain;charset=utf8;base64,${Buffer.from(s, 'utf8').toString('base64')}`),
  str1('dataUriToString', (s, env) => {
    const m = /^data:([^,]*),(.*)$/s.exec(s);
    if (!m) return env.error('The value is not a valid data URI.', 0);
    const meta = m[1] as string;
    const data = m[2] as string;
    if (/;base64$/i.test(meta)) return decodeBase64(data, env);
    try {
      return decodeURIComponent(data);
    } catch {
      return data;
    }
  }),
  {
    name: 'uri',
    min: 2,
    max: 2,
    returns: 'string',
    unknownArgs: true,
    impl: (args, env) => {
      const base = expectString(env, args, 0);
      if (base instanceof Unknown) {
        const r = args[1];
        // A file beside the template (template-link.ts); any other unknown base stays unknown.
        return (typeof r === 'string' || r instanceof Unknown ? besideTemplate(base, r) : undefined) ?? base;
      }
      const rel = expectString(env, args, 1);
      if (!(rel instanceof Unknown)) return combineUri(base, rel, env);
      // A known relative path with a part known only at deployment after it (a SAS token:
      // concat('nestedtemplates/tap.json', parameters('_artifactsLocationSasToken'))): the address
      // is known up to that part, and is said as such (never the relative part alone).
      const head = rel.parts?.[0];
      if (typeof head !== 'string' || head === '') return rel;
      const known = combineUri(base, head, env);
      return typeof known === 'string' ? partialString([known, ...(rel.parts ?? []).slice(1)]) : known;
    },
  },
  str1('uriComponent', (s) => escapeDataString(s)),
  str1('uriComponentToString', (s) => unescapeDataString(s)),
  changeCase('toLower', (s) => invariantCase(s, false)),
  changeCase('toUpper', (s) => invariantCase(s, true)),
  str1('trim', (s) => trimWhiteSpace(s)),
  affix('startsWith'),
  affix('endsWith'),
  str2('like', (a, b) => wildcard(b).test(a), 'bool'),
  {
    name: 'padLeft',
    min: 2,
    max: 3,
    returns: 'string',
    impl: (args, env) => {
      const v = args[0] as Value;
      const s = typeof v === 'number' ? String(v) : expectString(env, args, 0);
      if (s instanceof Unknown) return s;
      const n = expectInt(env, args, 1);
      if (n instanceof Unknown) return n;
      let pad = ' ';
      if (args.length > 2) {
        const p = expectString(env, args, 2);
        if (p instanceof Unknown) return p;
        if (p.length !== 1) return env.error("The template function 'padLeft' expects a single padding character.", 2);
        pad = p;
      }
      const lim = env.checkString(n);
      if (lim) return lim;
      return s.length >= n ? s : pad.repeat(n - s.length) + s;
    },
  },
  {
    name: 'replace',
    min: 3,
    max: 3,
    returns: 'string',
    impl: (args, env) => {
      const s = expectStrings(env, args);
      if (s instanceof Unknown) return s;
      const [src, from, to] = s as [string, string, string];
      if (from === '') return env.error("The template function 'replace' can't replace an empty string.", 1);
      const count = src.split(from).length - 1;
      // Each occurrence is a piece split off and joined again: work the result's length does not show.
      if (!env.step(count)) {
        const message = `Evaluation stopped after ${env.ctx.budget.limits.maxSteps} steps (limit maxEvaluationSteps); what follows is not evaluated.`;
        return env.ctx.budget.firstExhaustion() ? env.limit(message) : env.unknown('limit', message, 'string');
      }
      const lim = env.checkString(src.length + count * (to.length - from.length));
      return lim ?? src.split(from).join(to);
    },
  },
  {
    name: 'split',
    min: 2,
    max: 2,
    returns: 'array',
    unknownArgs: true,
    impl: (args, env) => {
      const unknown = args.find((a): a is Unknown => a instanceof Unknown);
      if (unknown) return splitPartial(args, unknown);
      const s = expectString(env, args, 0);
      if (s instanceof Unknown) return s;
      const d = args[1] as Value;
      let delims: string[];
      if (typeof d === 'string') delims = [d];
      else if (Array.isArray(d) && d.every((x) => typeof x === 'string')) delims = d as string[];
      else return env.error(`The template function 'split' expects a string or an array of strings as delimiter; the provided value is of type '${typeName(d)}'.`, 1);
      delims = delims.filter((x) => x !== '');
      if (delims.length === 0) return [s];
      const re = new RegExp(delims.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
      return s.split(re);
    },
  },
  {
    name: 'substring',
    min: 1,
    max: 3,
    returns: 'string',
    impl: (args, env) => {
      const s = expectString(env, args, 0);
      if (s instanceof Unknown) return s;
      let start = 0;
      if (args.length > 1) {
        const v = expectInt(env, args, 1);
        if (v instanceof Unknown) return v;
        start = v;
      }
      let len = s.length - start;
      if (args.length > 2) {
        const v = expectInt(env, args, 2);
        if (v instanceof Unknown) return v;
        len = v;
      }
      if (start < 0 || start > s.length) {
        return env.error(`The index parameter of 'substring' must be within the string. The index parameter: '${start}', the length of the string parameter: '${s.length}'.`, 1);
      }
      if (len < 0 || start + len > s.length) {
        return env.error(
          `The index and length parameters must refer to a location within the string. The index parameter: '${start}', the length parameter: '${len}', the length of the string parameter: '${s.length}'.`,
        );
      }
      return s.substr(start, len);
    },
  },
  {
    name: 'join',
    min: 2,
    max: 2,
    returns: 'string',
    unknownArgs: true,
    impl: (args, env) => {
      const [a, d] = args as [Value, Value];
      if (a instanceof Unknown) return new Unknown(a.reason, 'string');
      if (d instanceof Unknown) return new Unknown(d.reason, 'string');
      if (!Array.isArray(a)) return env.error(`The template function 'join' expects an array; the provided value is of type '${typeName(a)}'.`, 0);
      if (typeof d !== 'string') return env.error("The template function 'join' expects a string delimiter.", 1);
      const pieces: (string | Unknown)[] = [];
      for (let i = 0; i < a.length; i++) {
        const x = a[i] as Value;
        if (i) pieces.push(d);
        if (x instanceof Unknown) pieces.push(x);
        else if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') pieces.push(armToString(x) as string);
        else return env.error(`The template function 'join' expects an array of strings; element ${i} is of type '${typeName(x)}'.`, 0);
      }
      return partialString(pieces);
    },
  },
  {
    name: 'uniqueString',
    min: 1,
    max: undefined,
    returns: 'string',
    unknownArgs: true,
    impl: (args, env) => {
      if (args.some((a) => a instanceof Unknown)) return hashOfUnknown(env, args, 'uniqueString');
      const s = expectStrings(env, args);
      return s instanceof Unknown ? s : uniqueString(s);
    },
  },
  {
    name: 'guid',
    min: 1,
    max: undefined,
    returns: 'string',
    unknownArgs: true,
    impl: (args, env) => {
      if (args.some((a) => a instanceof Unknown)) return hashOfUnknown(env, args, 'guid');
      const s = expectStrings(env, args);
      return s instanceof Unknown ? s : armGuid(s);
    },
  },
  {
    name: 'newGuid',
    min: 0,
    max: 0,
    returns: 'string',
    impl: (_args, env) => env.unknown('deployment-time', 'newGuid() returns a new value at each deployment', 'string'),
  },
  {
    name: 'parseUri',
    min: 1,
    max: 1,
    returns: 'object',
    impl: (args, env) => {
      const s = expectString(env, args, 0);
      if (s instanceof Unknown) return s;
      try {
        const u = new URL(s);
        const defaultPort = u.protocol === 'https:' ? 443 : u.protocol === 'http:' ? 80 : -1;
        return ObjectValue.from([
          ['scheme', u.protocol.replace(/:$/, '')],
          ['host', u.hostname],
          ['port', u.port === '' ? defaultPort : Number(u.port)],
          ['path', u.pathname],
          ['query', u.search],
          ['absoluteUri', u.href],
        ]);
      } catch {
        return env.error(`The value '${s}' is not a valid absolute URI.`, 0);
      }
    },
  },
  {
    name: 'buildUri',
    min: 1,
    max: 1,
    returns: 'string',
    impl: (args, env) => {
      const o = args[0] as Value;
      if (!(o instanceof ObjectValue)) return env.error("The template function 'buildUri' expects an object.", 0);
      const parts: Value[] = ['scheme', 'host', 'port', 'path', 'query'].map((k) => o.get(k) ?? null);
      const u = parts.find((p) => p instanceof Unknown) as Unknown | undefined;
      if (u) return new Unknown(u.reason, 'string');
      const [scheme, host, port, path, query] = parts;
      if (typeof scheme !== 'string' || typeof host !== 'string') return env.error("The object given to 'buildUri' needs 'scheme' and 'host' strings.", 0);
      const p = typeof port === 'number' && port >= 0 ? `:${port}` : '';
      const pathText = typeof path === 'string' ? (path.startsWith('/') ? path : `/${path}`) : '/';
      const q = typeof query === 'string' && query !== '' ? (query.startsWith('?') ? query : `?${query}`) : '';
      return `${scheme}://${host}${p}${pathText}${q}`;
    },
  },
];

/** uri(base, rel) of two known strings, as ARM combines them. */
function combineUri(base: string, rel: string, env: FnEnv): Value {
  try {
    // ARM joins a root-relative path to the base's directory, not to its root: "If relativeUri
    // also begins with a leading slash, the trailing slash and the leading slash will be combined
    // into one" (uri('http://contoso.org/firstpath/', '/myscript.sh') ->
    // http://contoso.org/firstpath/myscript.sh). A network-path reference ('//host/x') stays one.
    const r = rel.startsWith('/') && !rel.startsWith('//') ? rel.slice(1) : rel;
    return new URL(r, base).href;
  } catch {
    return env.error(`The template function 'uri' can't combine '${base}' and '${rel}' into a URI.`);
  }
}
