// The symbol of a value known only at deployment, as a template would write it. A symbol is the
// value's identity (symbolicKey in ops.ts: equal symbols, equal values), and a derived value's
// symbol is made of its inputs' keys: a string is JSON-quoted and a partial string's pieces are
// joined with '+', so uniqueString(resourceGroup().id) has the symbol
// uniqueString("/subscriptions/"+subscription().subscriptionId+"/resourceGroups/"+resourceGroup().name).
// That is no text a user wrote. For messages, this rewrites such a symbol into ARM's syntax: strings
// in single quotes, pieces as concat(...), arguments separated by ', ', and the ids of the
// resource group and the subscription, which deployment functions build from pieces, as
// resourceGroup().id and subscription().id. Identity keeps the symbol itself (segmentKey,
// unknownPropertyName); only what is shown changes. Anything it cannot read is shown as it is.

const cache = new Map<string, string>();

/** `symbol` as a template writes it (see above); memoized: the same few symbols name many resources. */
export function readableSymbol(symbol: string): string {
  // A nested deployment's or module's own values carry its index (`deployment#0:parameters('x')`),
  // which keeps them apart from the parent's: no name a user wrote.
  if (symbol.includes('deployment#')) symbol = symbol.replace(/deployment#\d+:/g, '');
  // Only a symbol built from keys holds a double quote or a '+'; a plain one (parameters('x')) is shown as it is.
  if (!symbol.includes('"') && !symbol.includes('+')) return symbol;
  let out = cache.get(symbol);
  if (out === undefined) {
    try {
      const r = new Reader(symbol);
      out = r.expression();
      if (r.pos !== symbol.length) out = symbol;
    } catch {
      out = symbol;
    }
    if (cache.size > 1000) cache.clear();
    cache.set(symbol, out);
  }
  return out;
}

/** A piece of a key: its text in ARM syntax, and its value when it is a string literal. */
interface Piece {
  text: string;
  literal?: string;
}

const SUB = 'subscription().subscriptionId';
const RG = 'resourceGroup().name';

class Reader {
  pos = 0;
  constructor(private readonly s: string) {}

  /** pieces joined by '+' (a partial string): one piece, or concat(...) of them. */
  expression(): string {
    const pieces = [this.piece()];
    while (this.s[this.pos] === '+') {
      this.pos++;
      pieces.push(this.piece());
    }
    return joined(pieces);
  }

  private piece(): Piece {
    const c = this.s[this.pos];
    if (c === '"') return this.jsonString();
    let text = '';
    while (this.pos < this.s.length) {
      const ch = this.s[this.pos] as string;
      if (ch === '+' || ch === ',' || ch === ')' || ch === ']' || ch === '}' || ch === ':') break;
      if (ch === "'") {
        text += this.armString();
        continue;
      }
      if (ch === '(' || ch === '[' || ch === '{') {
        text += this.list(ch);
        continue;
      }
      if (ch === '"') throw new Error('unexpected string');
      text += ch;
      this.pos++;
    }
    if (text === '') throw new Error('empty piece');
    return { text };
  }

  /** '(' a, b ')' and the like: each element an expression; in braces, key: value. */
  private list(open: string): string {
    const close = open === '(' ? ')' : open === '[' ? ']' : '}';
    this.pos++;
    const items: string[] = [];
    if (this.s[this.pos] === close) {
      this.pos++;
      return `${open}${close}`;
    }
    for (;;) {
      let item = this.expression();
      if (open === '{' && this.s[this.pos] === ':') {
        this.pos++;
        item = `${item}: ${this.expression()}`;
      }
      items.push(item);
      const ch = this.s[this.pos];
      this.pos++;
      if (ch === close) break;
      if (ch !== ',') throw new Error('unbalanced');
    }
    return `${open}${items.join(', ')}${close}`;
  }

  private jsonString(): Piece {
    let end = this.pos + 1;
    while (end < this.s.length && this.s[end] !== '"') end += this.s[end] === '\\' ? 2 : 1;
    if (end >= this.s.length) throw new Error('unterminated string');
    const literal = JSON.parse(this.s.slice(this.pos, end + 1)) as string;
    this.pos = end + 1;
    return { text: `'${literal.replaceAll("'", "''")}'`, literal };
  }

  /** A string already in ARM syntax (parameters('x')), '' doubled inside: copied as it is. */
  private armString(): string {
    let end = this.pos + 1;
    for (;;) {
      if (end >= this.s.length) throw new Error('unterminated string');
      if (this.s[end] === "'") {
        if (this.s[end + 1] === "'") {
          end += 2;
          continue;
        }
        break;
      }
      end++;
    }
    const text = this.s.slice(this.pos, end + 1);
    this.pos = end + 1;
    return text;
  }
}

/** Pieces of a partial string: the resource group's and subscription's ids taken back to their names. */
function joined(pieces: Piece[]): string {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as Piece;
    if (p.literal === '/subscriptions/' && pieces[i + 1]?.text === SUB) {
      if (pieces[i + 2]?.literal === '/resourceGroups/' && pieces[i + 3]?.text === RG) {
        out.push({ text: 'resourceGroup().id' });
        i += 3;
      } else {
        out.push({ text: 'subscription().id' });
        i += 1;
      }
      continue;
    }
    out.push(p);
  }
  return out.length === 1 ? (out[0] as Piece).text : `concat(${out.map((p) => p.text).join(', ')})`;
}
