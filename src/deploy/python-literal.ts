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
    // Adjacent literals join: 'a' 'b' is 'ab'.
    while (text[i] === "'" || text[i] === '"') {
      const q = text[i++] as string;
      for (;;) {
        if (i >= text.length) fail();
        const c = text[i++] as string;
        if (c === q) break;
        if (c === '\n') fail();
        if (c !== '\\') {
          out += c;
          continue;
        }
        const e = text[i++];
        if (e === undefined) fail();
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', 0: '\0', '\n': '' };
        if (e === 'x' || e === 'u' || e === 'U') {
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
      ws();
      while (text[i] !== close) {
        a.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== close) fail();
        ws();
      }
      i++;
      return a;
    }
    if (c === "'" || c === '"') return str();
    const word = /^(?:True|False|None)\b/.exec(text.slice(i, i + 6));
    if (word) {
      i += word[0].length;
      return word[0] === 'True' ? true : word[0] === 'False' ? false : null;
    }
    const num = /^[+-]?(?:\d(?:_?\d)*)?(?:\.\d(?:_?\d)*)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (num && /\d/.test(num[0])) {
      i += num[0].length;
      const n = Number(num[0].replace(/_/g, ''));
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
