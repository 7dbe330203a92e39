// The Azure CLI reads a `-p name=value` for an object or array parameter with json.loads, and
// when that fails with Python's ast.literal_eval (azure-cli's shell_safe_json_parse), so that cmd
// and PowerShell users, whose shells strip double quotes, can write {'env': 'prod'} or
// ['1', '2']. This reads the literals that can make JSON values: dicts, lists and tuples, strings
// in single or double quotes (with Python's escapes, and adjacent strings joined), integers and
// floats with an optional sign, True, False and None. Anything else is no value (undefined), as
// literal_eval's error stops the CLI.

/** Nesting deeper than this is refused (a command line never needs it; recursion stays bounded). */
const MAX_DEPTH = 256;

export function parsePythonLiteral(text: string): unknown {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  const fail = (): never => {
    throw new SyntaxError('not a Python literal');
  };
  const str = (): string => {
    let out = '';
    // Adjacent literals join: 'a' 'b' is 'ab'. A u prefix changes nothing; an r prefix keeps
    // backslashes (b'' is bytes, which make no JSON).
    for (;;) {
      const prefix = /^[uUrR]?(?=['"])/.exec(text.slice(i, i + 2))?.[0] ?? '';
      const raw = prefix === 'r' || prefix === 'R';
      if (text[i + prefix.length] !== "'" && text[i + prefix.length] !== '"') break;
      i += prefix.length;
      const q = text[i++] as string;
      for (;;) {
        if (i >= text.length) fail();
        const c = text[i++] as string;
        if (c === q) break;
        if (c === '\n') fail();
        if (c !== '\\' || raw) {
          out += c;
          // In a raw string a backslash still keeps the quote after it from ending the string.
          if (c === '\\' && (text[i] === q || text[i] === '\\')) out += text[i++] as string;
          continue;
        }
        const e = text[i++];
        if (e === undefined) fail();
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };
        const octal = /^[0-7]{1,3}/.exec(text.slice(i - 1, i + 2))?.[0];
        if (octal) {
          // \0 to \777: up to three octal digits.
          out += String.fromCodePoint(parseInt(octal, 8));
          i += octal.length - 1;
        } else if (e === 'x' || e === 'u' || e === 'U') {
          const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          const hex = text.slice(i, i + len);
          if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) fail();
          out += String.fromCodePoint(parseInt(hex, 16));
          i += len;
        } else if (Object.hasOwn(simple, e as string)) out += simple[e as string];
        else out += `\\${e as string}`;
      }
      ws();
    }
    return out;
  };
  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const o: Record<string, unknown> = {};
      ws();
      while (text[i] !== '}') {
        const k = value(depth + 1);
        // JSON keys are strings; literal_eval's other keys (numbers) make JSON the CLI cannot send.
        if (typeof k !== 'string') fail();
        ws();
        if (text[i++] !== ':') fail();
        Object.defineProperty(o, k as string, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail();
        ws();
      }
      i++;
      return o;
    }
    if (c === '[' || c === '(') {
      const close = c === '[' ? ']' : ')';
      i++;
      const a: unknown[] = [];
      let comma = false;
      ws();
      while (text[i] !== close) {
        a.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          comma = true;
        } else if (text[i] !== close) fail();
        ws();
      }
      i++;
      // (x) is x in parentheses; (x,) and () are tuples.
      return c === '(' && a.length === 1 && !comma ? a[0] : a;
    }
    if (c === "'" || c === '"' || /^[uUrR]['"]/.test(text.slice(i, i + 2))) return str();
    const word = /^(?:True|False|None)\b/.exec(text.slice(i, i + 6));
    if (word) {
      i += word[0].length;
      return word[0] === 'True' ? true : word[0] === 'False' ? false : null;
    }
    // A sign, then an integer (decimal without leading zeros, or 0x / 0o / 0b) or a float
    // ('1.', '.5', '1e1_0'); digits may be grouped with single underscores.
    const sign = /^[+-]\s*/.exec(text.slice(i))?.[0] ?? '';
    const rest = text.slice(i + sign.length);
    const based = /^0(?:[xX](?:_?[0-9a-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)(?![\w.])/.exec(rest)?.[0];
    const digits = '\\d(?:_?\\d)*';
    const float = new RegExp(`^(?:(?:${digits})?\\.${digits}|${digits}\\.?)(?:[eE][+-]?${digits})?(?![\\w.])`).exec(rest)?.[0];
    const literal = based ?? float;
    if (literal !== undefined) {
      const plain = literal.replace(/_/g, '');
      // Python has no decimal integer with a leading zero but zero itself (01 is a syntax error).
      if (based === undefined && /^0\d/.test(plain) && /^\d+$/.test(plain) && /[1-9]/.test(plain)) fail();
      i += sign.length + literal.length;
      const n = sign.startsWith('-') ? -Number(plain) : Number(plain);
      if (!Number.isFinite(n)) fail();
      return n;
    }
    return fail();
  };
  try {
    const v = value(0);
    ws();
    return i === text.length ? v : undefined;
  } catch {
    return undefined;
  }
}
