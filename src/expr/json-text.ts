// json() text parsing as ARM does it (Newtonsoft.Json): standard JSON plus single-quoted
// strings, unquoted property names, comments and trailing commas. Iterative depth-limited
// recursion; never throws.
import { ObjectValue, inexactInteger, isInexactInteger } from './value.js';
import type { Value } from './value.js';

export type JsonParse = { ok: true; value: Value } | { ok: false; message: string; offset: number };

const MAX_DEPTH = 512;

class Fail {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

class P {
  i = 0;
  constructor(private readonly s: string) {}

  ws(): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) this.i++;
      else if (c === 47 && s[this.i + 1] === '/') {
        const e = s.indexOf('\n', this.i);
        this.i = e < 0 ? s.length : e + 1;
      } else if (c === 47 && s[this.i + 1] === '*') {
        const e = s.indexOf('*/', this.i + 2);
        if (e < 0) throw new Fail('unterminated comment', this.i);
        this.i = e + 2;
      } else return;
    }
  }

  value(depth: number): Value {
    if (depth > MAX_DEPTH) throw new Fail('nested too deeply', this.i);
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"' || c === "'") return this.string();
    const m = /^-?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)/.exec(this.s.slice(this.i, this.i + 400));
    if (m) {
      this.i += m[0].length;
      const n = Number(m[0]);
      // An integer beyond 2^53 keeps its digits (Newtonsoft reads it exactly, as an Int64 or a
      // BigInteger): a JS number would round it silently.
      return isInexactInteger(n) && /^-?\d+$/.test(m[0]) ? inexactInteger(n, undefined, BigInt(m[0])) : n;
    }
    for (const [w, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.s.startsWith(w, this.i)) {
        this.i += w.length;
        return v;
      }
    }
    throw new Fail(c === undefined ? 'unexpected end of text' : `unexpected character '${c}'`, this.i);
  }

  string(): string {
    const q = this.s[this.i];
    this.i++;
    let out = '';
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) throw new Fail('unterminated string', this.i);
      this.i++;
      if (c === q) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[this.i++];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u': {
          const h = this.s.slice(this.i, this.i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(h)) throw new Fail('invalid \\u escape', this.i);
          out += String.fromCharCode(parseInt(h, 16));
          this.i += 4;
          break;
        }
        case undefined:
          throw new Fail('unterminated string', this.i);
        default:
          out += e;
      }
    }
  }

  key(): string {
    this.ws();
    const c = this.s[this.i];
    if (c === '"' || c === "'") return this.string();
    const m = /^[A-Za-z_$][\w$-]*/.exec(this.s.slice(this.i, this.i + 1000));
    if (!m) throw new Fail('expected a property name', this.i);
    this.i += m[0].length;
    return m[0];
  }

  object(depth: number): ObjectValue {
    this.i++;
    const o = new ObjectValue();
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return o;
      }
      const k = this.key();
      this.ws();
      if (this.s[this.i] !== ':') throw new Fail("expected ':'", this.i);
      this.i++;
      o.set(k, this.value(depth + 1));
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') throw new Fail("expected ',' or '}'", this.i);
    }
  }

  array(depth: number): Value[] {
    this.i++;
    const a: Value[] = [];
    for (;;) {
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return a;
      }
      a.push(this.value(depth + 1));
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== ']') throw new Fail("expected ',' or ']'", this.i);
    }
  }
}

/** Parses JSON text the way ARM's json() accepts it. */
export function parseJsonText(s: string): JsonParse {
  const p = new P(s);
  try {
    const value = p.value(0);
    p.ws();
    if (p.i < s.length) return { ok: false, message: `unexpected text after the JSON value at ${p.i}`, offset: p.i };
    return { ok: true, value };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, message: e.message, offset: e.offset };
    return { ok: false, message: String(e), offset: 0 };
  }
}
