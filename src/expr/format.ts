// .NET composite formatting for ARM's format(): "{index[,alignment][:formatString]}" with
// "{{" / "}}" escapes, and the numeric format strings (standard C, D, E, F, G, N, P, R, X and
// custom patterns with 0 # . , % ;) under the en-US culture that ARM uses.
import { InexactInteger, ObjectValue, Unknown } from './value.js';
import type { Value } from './value.js';
import { armToString, numberText } from './ops.js';

/** `tooLong`: the text would be that long, over the caller's maximum (a limit, not ARM's error). */
export type FormatResult = { ok: true; pieces: (string | Unknown)[] } | { ok: false; message: string; tooLong?: number };

/**
 * A precision whose text would pass the longest string allowed: '{0:D999999999}' padded 999,999,999
 * zeros, over the longest string V8 can make ('internal error in format(): Invalid string length',
 * exit 2), and '{0:D400000000}' allocated 400 MB before the length was checked.
 */
class TooLong {
  constructor(readonly length: number) {}
}

function groupDigits(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fixed notation without exponent, with `decimals` digits (round half away from zero, like .NET). */
function toFixed(n: number, decimals: number): string {
  const d = Math.min(Math.max(decimals, 0), 100);
  if (Number.isInteger(n) && Math.abs(n) >= 1e21) {
    const s = BigInt(n).toString();
    return d > 0 ? `${s}.${'0'.repeat(d)}` : s;
  }
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  // toFixed rounds half to even on binary values; shifting by the decimal exponent first rounds away from zero.
  const shifted = Number(`${abs}e${d}`);
  const rounded = Math.round(shifted);
  let s = Number.isFinite(rounded) ? `${rounded}` : abs.toFixed(d);
  if (/e/.test(s)) s = abs.toFixed(Math.min(d, 100));
  else if (d > 0) {
    s = s.padStart(d + 1, '0');
    s = `${s.slice(0, s.length - d)}.${s.slice(s.length - d)}`;
  }
  const isZero = /^[0.]*$/.test(s);
  return (isZero ? '' : sign) + s;
}

/** A standard format string .NET rejects for the value (D or X of a non-integer): a FormatException. */
const INVALID: unique symbol = Symbol('invalid format specifier');

/**
 * .NET's "G<precision>": `precision` significant digits, in fixed notation unless the exponent is
 * -5 or below, or at least the precision: then scientific with at least two exponent digits
 * (1234 with G2 is 1.2E+03, not 1200); no trailing zeros either way.
 */
function generalWithPrecision(n: number, precision: number, lower: boolean): string {
  if (n === 0) return '0';
  const [mant, exp] = Math.abs(n).toExponential(Math.min(precision, 100) - 1).split('e') as [string, string];
  const e = Number(exp);
  const digits = mant.replace('.', '').replace(/0+$/, '') || '0';
  let body: string;
  if (e > -5 && e < precision) {
    if (e >= 0) {
      const ip = digits.slice(0, e + 1).padEnd(e + 1, '0');
      const fp = digits.slice(e + 1);
      body = fp ? `${ip}.${fp}` : ip;
    } else body = `0.${'0'.repeat(-e - 1)}${digits}`;
  } else {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    body = `${m}${lower ? 'e' : 'E'}${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return (n < 0 ? '-' : '') + body;
}

function standard(n: number, spec: string, maxLength: number): string | undefined | typeof INVALID | TooLong {
  const m = /^([A-Za-z])(\d{0,9})$/.exec(spec);
  if (!m) return undefined;
  const f = (m[1] as string).toUpperCase();
  const lower = m[1] === (m[1] as string).toLowerCase();
  const p = m[2] === '' ? undefined : Number(m[2]);
  const neg = n < 0;
  // D, X and E write at least `p` digits; the others' digits are capped below (toFixed, G).
  if (p !== undefined && p > maxLength && (f === 'D' || f === 'X' || f === 'E')) return new TooLong(p);
  switch (f) {
    case 'D': {
      if (!Number.isInteger(n)) return INVALID;
      const s = BigInt(Math.abs(n)).toString().padStart(p ?? 0, '0');
      return (neg ? '-' : '') + s;
    }
    case 'N':
    case 'F':
    case 'C': {
      const s = toFixed(Math.abs(n), p ?? 2);
      const [ip, fp] = s.split('.') as [string, string | undefined];
      const body = f === 'F' ? s : groupDigits(ip) + (fp !== undefined ? `.${fp}` : '');
      const isZero = /^[0.,]*$/.test(body);
      const sign = neg && !isZero ? '-' : '';
      return f === 'C' ? `${sign}$${body}` : sign + body;
    }
    case 'P': {
      const s = toFixed(Math.abs(n) * 100, p ?? 2);
      const [ip, fp] = s.split('.') as [string, string | undefined];
      const body = groupDigits(ip) + (fp !== undefined ? `.${fp}` : '');
      return `${neg && !/^[0.,]*$/.test(body) ? '-' : ''}${body} %`;
    }
    case 'X': {
      if (!Number.isInteger(n)) return INVALID;
      let b = BigInt(n);
      if (b < 0n) b = (1n << 64n) + b;
      const s = b.toString(16).padStart(p ?? 0, '0');
      return lower ? s : s.toUpperCase();
    }
    case 'E': {
      // toExponential takes at most 100 digits (a RangeError, an internal error, beyond): the
      // digits after the 100th of a double's exact expansion are written as zeros.
      const s = Math.abs(n).toExponential(Math.min(p ?? 6, 100));
      const [mant0, exp] = s.split('e') as [string, string];
      const mant = (p ?? 6) > 100 ? mant0 + '0'.repeat((p as number) - 100) : mant0;
      const e = Number(exp);
      const out = `${mant}${lower ? 'e' : 'E'}${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(3, '0')}`;
      return (neg ? '-' : '') + out;
    }
    case 'G':
    case 'R':
      if (p !== undefined && p > 0 && f === 'G') return generalWithPrecision(n, p, lower);
      return lower ? numberText(n).replace('E', 'e') : numberText(n);
    case 'B':
      // Binary: .NET 8 only; left as a custom pattern, as before.
      return undefined;
    default:
      // A letter with up to nine digits is a standard format string to .NET, never a custom
      // pattern: one it does not define ('Z', 'Q2') throws "Format specifier was invalid".
      return INVALID;
  }
}

/** Custom numeric format ("#,##0.00", "000", "0.#%", sections separated by ';'). */
function custom(n: number, spec: string): string {
  const sections = splitSections(spec);
  let pattern = sections[0] as string;
  let value = n;
  let forceNoSign = false;
  if (n < 0 && sections.length > 1) {
    pattern = sections[1] as string;
    value = Math.abs(n);
    forceNoSign = true;
  } else if (n === 0 && sections.length > 2) {
    pattern = sections[2] as string;
  }
  let percent = 0;
  for (const ch of stripLiterals(pattern)) if (ch === '%') percent++;
  value *= 100 ** percent;
  const core = stripLiterals(pattern);
  const dot = core.indexOf('.');
  const intPat = dot >= 0 ? core.slice(0, dot) : core;
  const fracPat = dot >= 0 ? core.slice(dot + 1) : '';
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const maxFrac = (fracPat.match(/[0#]/g) ?? []).length;
  const minInt = (intPat.replace(/,+$/, '').match(/0/g) ?? []).length;
  // Trailing commas before the point divide by 1000 each.
  const scaleCommas = /,+$/.exec(intPat.replace(/[^0#,]/g, ''))?.[0].length ?? 0;
  value /= 1000 ** scaleCommas;
  const grouping = /[0#],+[0#]/.test(intPat.replace(/[^0#,]/g, ''));
  let s = toFixed(Math.abs(value), maxFrac);
  let [ip, fp = ''] = s.split('.') as [string, string | undefined];
  while (fp.length > minFrac && fp.endsWith('0')) fp = fp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (grouping) ip = groupDigits(ip);
  const digits = ip + (fp ? `.${fp}` : '');
  // Put the number where its placeholders are, keeping literal text where it is written. As in
  // .NET, the integer digits fill the integer placeholders from the right, literal text between
  // them stays between them ('00-00' of 1234 is '12-34'), digits beyond the placeholders go before
  // the first one; with group separators they are written together at the first placeholder.
  // A pattern without placeholders is its literal text only.
  const intPlaces = (intPat.match(/[0#]/g) ?? []).length;
  let out = '';
  let left = intPlaces;
  let intWritten = false;
  let point = false;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    i++;
    if (ch === "'" || ch === '"') {
      const j = pattern.indexOf(ch, i);
      out += pattern.slice(i, j < 0 ? pattern.length : j);
      i = j < 0 ? pattern.length : j + 1;
    } else if (ch === '\\') {
      out += pattern[i] ?? '';
      i++;
    } else if (ch === '0' || ch === '#') {
      if (point) continue;
      if (grouping) {
        if (!intWritten) out += ip;
      } else {
        if (!intWritten && ip.length > intPlaces) out += ip.slice(0, ip.length - intPlaces);
        left--;
        const at = ip.length - 1 - left;
        if (at >= 0) out += ip[at];
      }
      intWritten = true;
    } else if (ch === '.') {
      if (point) continue;
      point = true;
      if (!intWritten) out += ip;
      intWritten = true;
      if (fp) out += `.${fp}`;
    } else if (ch !== ',') out += ch;
  }
  s = out;
  const negative = value < 0 && !forceNoSign && /[1-9]/.test(digits);
  return (negative ? '-' : '') + s;
}

function splitSections(spec: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | undefined;
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i] as string;
    if (q) {
      if (ch === q) q = undefined;
      cur += ch;
    } else if (ch === "'" || ch === '"') {
      q = ch;
      cur += ch;
    } else if (ch === '\\') {
      cur += ch + (spec[i + 1] ?? '');
      i++;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function stripLiterals(p: string): string {
  return p.replace(/'[^']*'|"[^"]*"|\\./g, '');
}

/** Formats a number with a .NET format string (en-US); undefined when .NET rejects the format string. */
export function formatNumber(n: number, spec: string, maxLength = Infinity): string | undefined | TooLong {
  if (spec === '') return numberText(n);
  const s = standard(n, spec, maxLength);
  if (s === INVALID) return undefined;
  return s ?? custom(n, spec);
}

/**
 * The text of an unknown argument. Without a format string or an alignment it is the value's own
 * text (partialString() makes a non-string one a string piece). A format string changes a number
 * ('{0:D3}' of 7 is '007'), though .NET ignores it for a string; an alignment pads any value. So
 * the text is another value then: a string unknown, with a symbol of its own, never the argument
 * itself (format('{0,5}', s) is not s).
 */
function unknownArg(v: Unknown, spec: string | undefined, alignment: string | undefined): Unknown {
  const changes = alignment !== undefined || (spec !== undefined && spec !== '' && v.type !== 'string');
  if (!changes) return v;
  const symbol = v.symbol !== undefined ? `format('{0${alignment !== undefined ? `,${alignment}` : ''}${spec !== undefined ? `:${spec}` : ''}}', ${v.symbol})` : undefined;
  return new Unknown(v.reason, 'string', undefined, symbol);
}

function formatArg(v: Value, spec: string | undefined, maxLength: number): string | Unknown | undefined | TooLong {
  if (typeof v === 'number') return spec ? formatNumber(v, spec, maxLength) : numberText(v);
  if (v instanceof ObjectValue || Array.isArray(v)) return armToString(v);
  return armToString(v);
}

/**
 * Formats `fmt` with `args`; pieces are strings and unknown arguments (for partial strings). A
 * number whose format would pass `maxLength` characters is not written: the result says how long.
 */
export function composite(fmt: string, args: readonly Value[], maxLength = Infinity): FormatResult {
  const pieces: (string | Unknown)[] = [];
  let lit = '';
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i] as string;
    if (ch === '{') {
      if (fmt[i + 1] === '{') {
        lit += '{';
        i += 2;
        continue;
      }
      const close = fmt.indexOf('}', i);
      if (close < 0) return { ok: false, message: 'Input string was not in a correct format (unclosed \'{\').' };
      const item = fmt.slice(i + 1, close);
      // .NET: the index follows '{' at once ('{ 0}' is a FormatException); spaces may follow it.
      const m = /^(\d+) *(?:, *(-?\d+) *)?(?::(.*))?$/s.exec(item);
      // .NET reads an index's and a width's digits only while the number is below a million: a
      // digit after that is a format error ('{0,2000000000}' is no two-billion-wide field).
      if (!m || pastDigitLimit(m[1] as string) || (m[2] !== undefined && pastDigitLimit(m[2].replace(/^-/, '')))) return { ok: false, message: `Input string was not in a correct format: '{${item}}'.` };
      const idx = Number(m[1]);
      if (idx >= args.length) {
        return { ok: false, message: `Index (zero based) must be greater than or equal to zero and less than the size of the argument list: '{${item}}'.` };
      }
      const arg = args[idx] as Value;
      // An integer beyond 2^53 whose digits are known prints them, as string() does.
      const exact = arg instanceof InexactInteger && arg.exact !== undefined && !m[3] ? arg.exact.toString() : undefined;
      const text = exact ?? (arg instanceof Unknown ? unknownArg(arg, m[3], m[2] !== undefined ? String(Number(m[2])) : undefined) : formatArg(arg, m[3], maxLength));
      if (text instanceof TooLong) return { ok: false, message: 'too long', tooLong: text.length };
      if (text === undefined) return { ok: false, message: `Format specifier was invalid: '{${item}}'.` };
      const align = m[2] !== undefined ? Number(m[2]) : 0;
      if (text instanceof Unknown) {
        if (lit) pieces.push(lit);
        lit = '';
        pieces.push(text);
      } else {
        const w = Math.abs(align);
        // A field up to 9,999,999 wide is .NET's to make; past the caller's maximum it is not made.
        if (w > maxLength) return { ok: false, message: 'too long', tooLong: w };
        lit += align < 0 ? text.padEnd(w) : text.padStart(w);
      }
      i = close + 1;
      continue;
    }
    if (ch === '}') {
      if (fmt[i + 1] === '}') {
        lit += '}';
        i += 2;
        continue;
      }
      return { ok: false, message: "Input string was not in a correct format (unmatched '}')." };
    }
    lit += ch;
    i++;
  }
  if (lit) pieces.push(lit);
  return { ok: true, pieces };
}

/** Whether .NET's composite format parser stops reading `digits` before their end (it reads while the number is below 1,000,000). */
function pastDigitLimit(digits: string): boolean {
  let n = 0;
  for (let i = 0; i < digits.length; i++) {
    if (n >= 1_000_000) return true;
    n = n * 10 + (digits.charCodeAt(i) - 48);
  }
  return false;
}
