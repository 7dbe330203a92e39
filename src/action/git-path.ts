// Paths as git prints them in diff headers. A path with a byte git calls unusual is written as a
// C string: in double quotes, with \t \n \" \\ (and \a \b \v \f \r) and octal \ooo escapes, one
// per byte of its UTF-8 form (config core.quotePath, on by default, also escapes every non-ASCII
// byte, so `pört.json` is "p\303\266rt.json"). Git's quote.c (quote_c_style, unquote_c_style)
// defines the format.

const SIMPLE: Readonly<Record<string, number>> = { a: 0x07, b: 0x08, t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, '"': 0x22, '\\': 0x5c };

/** The path a C-quoted name stands for; the text itself when it is not quoted. */
export function unquoteGitPath(text: string): string {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      // Characters git did not escape (non-ASCII ones too, with core.quotePath off) as UTF-8 bytes.
      const cp = body.codePointAt(i) as number;
      const ch = String.fromCodePoint(cp);
      for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
      i += ch.length - 1;
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-3][0-7]{2}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else if (next in SIMPLE) {
      bytes.push(SIMPLE[next] as number);
      i += 1;
    } else {
      // Not an escape git writes: keep the backslash as it is.
      bytes.push(0x5c);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
