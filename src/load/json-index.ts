// A compact index of where every value of a JSON text starts and ends, for turning JSON paths
// into positions when a finding needs one. Built in one pass, without recursion, into typed
// arrays: about 28 bytes per value, where a jsonc-parser tree of the same text takes ten times
// more (a 17 MB template: ~20 MB instead of ~180 MB). It accepts what vtaplint's loader accepts
// (comments, trailing commas); it is only built for text that already parsed.
import type { PathKey } from '../model/span.js';

const OBJECT = 1;
const ARRAY = 2;
const STRING = 3;
const SCALAR = 4;
/** Containers with more children than this get a look-up table (see JsonIndex.find). */
const LARGE = 32;

export class JsonIndex {
  private count = 0;
  private start: Int32Array;
  private end: Int32Array;
  private kind: Uint8Array;
  private firstChild: Int32Array;
  private nextSibling: Int32Array;
  /** For a member of an object: offset of its key's opening quote (-1 otherwise). */
  private keyStart: Int32Array;
  private keyEnd: Int32Array;

  private constructor(
    private readonly text: string,
    capacity: number,
  ) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.firstChild = new Int32Array(capacity);
    this.nextSibling = new Int32Array(capacity);
    this.keyStart = new Int32Array(capacity);
    this.keyEnd = new Int32Array(capacity);
  }

  /** Indexes `text`; undefined when it is not JSON (the caller then has no positions to offer). */
  static build(text: string): JsonIndex | undefined {
    const idx = new JsonIndex(text, Math.max(16, text.length >> 4));
    return idx.scan() ? idx : undefined;
  }

  private grow(): void {
    const n = this.start.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.start = copy(this.start, (k) => new Int32Array(k));
    this.end = copy(this.end, (k) => new Int32Array(k));
    this.kind = copy(this.kind, (k) => new Uint8Array(k));
    this.firstChild = copy(this.firstChild, (k) => new Int32Array(k));
    this.nextSibling = copy(this.nextSibling, (k) => new Int32Array(k));
    this.keyStart = copy(this.keyStart, (k) => new Int32Array(k));
    this.keyEnd = copy(this.keyEnd, (k) => new Int32Array(k));
  }

  private node(kind: number, start: number, keyStart: number, keyEnd: number): number {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = start;
    this.firstChild[i] = -1;
    this.nextSibling[i] = -1;
    this.keyStart[i] = keyStart;
    this.keyEnd[i] = keyEnd;
    return i;
  }

  /** Skips whitespace and comments from `i`. */
  private skip(i: number): number {
    const t = this.text;
    const n = t.length;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) i++;
      else if (c === 47 && t.charCodeAt(i + 1) === 47) {
        const e = t.indexOf('\n', i);
        i = e < 0 ? n : e + 1;
      } else if (c === 47 && t.charCodeAt(i + 1) === 42) {
        const e = t.indexOf('*/', i + 2);
        i = e < 0 ? n : e + 2;
      } else break;
    }
    return i;
  }

  /** End (exclusive) of the string token starting at the quote at `i`. */
  private stringEnd(i: number): number {
    const t = this.text;
    for (let j = i + 1; j < t.length; j++) {
      const c = t.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 34) return j + 1;
    }
    return t.length;
  }

  private scan(): boolean {
    const t = this.text;
    const n = t.length;
    // Open containers and, for each, the last child added (to link siblings).
    const stack: number[] = [];
    const last: number[] = [];
    let i = this.skip(0);
    let pendingKeyStart = -1;
    let pendingKeyEnd = -1;
    const attach = (node: number) => {
      const depth = stack.length;
      if (depth === 0) return;
      const prev = last[depth - 1] as number;
      if (prev < 0) this.firstChild[stack[depth - 1] as number] = node;
      else this.nextSibling[prev] = node;
      last[depth - 1] = node;
    };
    while (i < n) {
      const c = t.charCodeAt(i);
      const top = stack.length ? (stack[stack.length - 1] as number) : -1;
      // Inside an object, a value is preceded by its key.
      if (top >= 0 && this.kind[top] === OBJECT && pendingKeyStart < 0 && c === 34) {
        pendingKeyStart = i;
        pendingKeyEnd = this.stringEnd(i);
        i = this.skip(pendingKeyEnd);
        if (t.charCodeAt(i) !== 58) return false;
        i = this.skip(i + 1);
        continue;
      }
      if (c === 125 || c === 93) {
        // } or ]: close the innermost container.
        const closing = stack.pop();
        last.pop();
        if (closing === undefined) return false;
        this.end[closing] = i + 1;
        i = this.skip(i + 1);
        if (t.charCodeAt(i) === 44) i = this.skip(i + 1);
        if (stack.length === 0) return this.skip(i) >= n;
        continue;
      }
      let node: number;
      if (c === 123 || c === 91) {
        node = this.node(c === 123 ? OBJECT : ARRAY, i, pendingKeyStart, pendingKeyEnd);
        attach(node);
        stack.push(node);
        last.push(-1);
        pendingKeyStart = pendingKeyEnd = -1;
        i = this.skip(i + 1);
        continue;
      }
      if (c === 34) {
        node = this.node(STRING, i, pendingKeyStart, pendingKeyEnd);
        this.end[node] = this.stringEnd(i);
      } else {
        node = this.node(SCALAR, i, pendingKeyStart, pendingKeyEnd);
        let j = i;
        while (j < n) {
          const d = t.charCodeAt(j);
          if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9 || d === 47) break;
          j++;
        }
        if (j === i) return false;
        this.end[node] = j;
      }
      attach(node);
      pendingKeyStart = pendingKeyEnd = -1;
      i = this.skip(this.end[node] as number);
      if (t.charCodeAt(i) === 44) i = this.skip(i + 1);
      if (stack.length === 0) return this.skip(i) >= n;
    }
    return stack.length === 0 && this.count > 0;
  }

  /** The decoded text of a key token (between its quotes). */
  private keyText(node: number): string {
    const raw = this.text.slice((this.keyStart[node] as number) + 1, (this.keyEnd[node] as number) - 1);
    if (!raw.includes('\\')) return raw;
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return raw;
    }
  }

  /**
   * Children of large containers, made on the first look-up in them: an element of a long array
   * (the 30,000 resources of an expanded template) is otherwise found by walking its preceding
   * siblings, and a finding per resource made that quadratic (0.6 s for 10,000 VMs).
   */
  private elementsOf: Map<number, Int32Array> | undefined;
  private membersOf: Map<number, Map<string, number>> | undefined;

  /** The value at a JSON path, or -1. Object keys compare exactly (the path holds the real keys). */
  find(path: readonly PathKey[]): number {
    let cur = 0;
    if (this.count === 0) return -1;
    for (const key of path) {
      const k = this.kind[cur];
      let child = this.firstChild[cur] as number;
      if (k === ARRAY && typeof key === 'number') {
        if (key >= LARGE) child = this.element(cur, key);
        else for (let j = 0; j < key && child >= 0; j++) child = this.nextSibling[child] as number;
      } else if (k === OBJECT && typeof key === 'string') {
        const members = this.members(cur);
        if (members) child = members.get(key) ?? -1;
        else {
          // The last member with the key wins, as it does for JSON.parse.
          let found = -1;
          for (; child >= 0; child = this.nextSibling[child] as number) if (this.keyText(child) === key) found = child;
          child = found;
        }
      } else return -1;
      if (child < 0) return -1;
      cur = child;
    }
    return cur;
  }

  /** Element `i` of the array node `arr` (i >= LARGE), or -1, through its element table. */
  private element(arr: number, i: number): number {
    this.elementsOf ??= new Map();
    let table = this.elementsOf.get(arr);
    if (!table) {
      let n = 0;
      for (let c = this.firstChild[arr] as number; c >= 0; c = this.nextSibling[c] as number) n++;
      table = new Int32Array(n);
      n = 0;
      for (let c = this.firstChild[arr] as number; c >= 0; c = this.nextSibling[c] as number) table[n++] = c;
      this.elementsOf.set(arr, table);
    }
    return i < table.length ? (table[i] as number) : -1;
  }

  /** The members of the object node `obj` by key when it has more than LARGE of them; undefined for a small one. */
  private members(obj: number): Map<string, number> | undefined {
    const known = this.membersOf?.get(obj);
    if (known) return known;
    let n = 0;
    for (let c = this.firstChild[obj] as number; c >= 0 && n <= LARGE; c = this.nextSibling[c] as number) n++;
    if (n <= LARGE) return undefined;
    const table = new Map<string, number>();
    // Later members overwrite earlier ones: the last with a key wins, as for JSON.parse.
    for (let c = this.firstChild[obj] as number; c >= 0; c = this.nextSibling[c] as number) table.set(this.keyText(c), c);
    (this.membersOf ??= new Map()).set(obj, table);
    return table;
  }

  range(node: number): { start: number; end: number } {
    return { start: this.start[node] as number, end: this.end[node] as number };
  }

  /** The range of the key of an object member (the quoted key), when the node is one. */
  keyRange(node: number): { start: number; end: number } | undefined {
    const s = this.keyStart[node] as number;
    return s < 0 ? undefined : { start: s, end: this.keyEnd[node] as number };
  }

  isString(node: number): boolean {
    return this.kind[node] === STRING;
  }
}
