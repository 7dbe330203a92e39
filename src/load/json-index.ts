// A compact index of where every value of a JSON text starts and ends, for turning JSON paths
// into positions when a finding needs one. Built in one pass, without recursion, into two typed
// arrays: 8 bytes per value, where a jsonc-parser tree of the same text takes some forty times
// more (a 17 MB template: ~3 MB instead of ~180 MB). Everything else is derived from the text
// and the two arrays when asked: values are numbered in document order (a container's first
// child is the value after it, a value's kind is its first character), and a member's key is
// found by scanning forward from the end of the member before it. It accepts what vtaplint's
// loader accepts (comments, trailing commas); it is only built for text that already parsed.
import type { PathKey } from '../model/span.js';

/** Containers with more children than this get a look-up table (see JsonIndex.find). */
const LARGE = 32;

const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const QUOTE = 34;
const COMMA = 44;

/** The children of a large object: in order, with their keys' offsets, and by key. */
interface MemberTable {
  children: Int32Array;
  keyStarts: Int32Array;
  byKey: Map<string, number>;
}

export class JsonIndex {
  private count = 0;
  /** Offset of each value's first character, in document order (so ascending). */
  private start: Int32Array;
  /** Offset just after each value. */
  private end: Int32Array;
  /** Where the key of the value the last walk() ended at starts (-1: it is not an object member). */
  private keyAt = -1;

  private constructor(
    private readonly text: string,
    capacity: number,
  ) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }

  /** Indexes `text`; undefined when it is not JSON (the caller then has no positions to offer). */
  static build(text: string): JsonIndex | undefined {
    const idx = new JsonIndex(text, Math.max(16, text.length >> 4));
    return idx.scan() ? idx : undefined;
  }

  private add(start: number): number {
    if (this.count === this.start.length) {
      const grown = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grown(this.start);
      this.end = grown(this.end);
    }
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = start;
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
      else if (c === QUOTE) return j + 1;
    }
    return t.length;
  }

  private isContainer(node: number): boolean {
    const c = this.text.charCodeAt(this.start[node] as number);
    return c === OPEN_BRACE || c === OPEN_BRACKET;
  }

  private scan(): boolean {
    const t = this.text;
    const n = t.length;
    // The open containers, and whether each is an object (its values are preceded by keys).
    const stack: number[] = [];
    const objects: boolean[] = [];
    let i = this.skip(0);
    let afterKey = false;
    while (i < n) {
      const c = t.charCodeAt(i);
      const depth = stack.length;
      // Inside an object, a value is preceded by its key.
      if (depth > 0 && objects[depth - 1] === true && !afterKey && c === QUOTE) {
        i = this.skip(this.stringEnd(i));
        if (t.charCodeAt(i) !== 58) return false;
        i = this.skip(i + 1);
        afterKey = true;
        continue;
      }
      if (c === 125 || c === 93) {
        // } or ]: close the innermost container.
        const closing = stack.pop();
        objects.pop();
        if (closing === undefined) return false;
        this.end[closing] = i + 1;
        i = this.afterValue(i + 1);
        if (stack.length === 0) return this.skip(i) >= n;
        continue;
      }
      afterKey = false;
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        stack.push(this.add(i));
        objects.push(c === OPEN_BRACE);
        i = this.skip(i + 1);
        continue;
      }
      const node = this.add(i);
      let j: number;
      if (c === QUOTE) j = this.stringEnd(i);
      else {
        j = i;
        while (j < n) {
          const d = t.charCodeAt(j);
          if (d === COMMA || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9 || d === 47) break;
          j++;
        }
        if (j === i) return false;
      }
      this.end[node] = j;
      i = this.afterValue(j);
      if (stack.length === 0) return this.skip(i) >= n;
    }
    return stack.length === 0 && this.count > 0;
  }

  /** The first child of `node`, or -1 (values are in document order: it is the next value, if inside). */
  private firstChild(node: number): number {
    const c = node + 1;
    return c < this.count && this.isContainer(node) && (this.start[c] as number) < (this.end[node] as number) ? c : -1;
  }

  /** The value after `child` (and its descendants) when it is still inside its parent, or -1. */
  private nextSibling(child: number, parentEnd: number): number {
    let next = child + 1;
    if (this.isContainer(child)) {
      // The first value starting at or after the child's end: galloping, then binary search (starts ascend).
      const end = this.end[child] as number;
      let lo = child; // start[lo] < end
      let step = 1;
      let hi = child + 1;
      while (hi < this.count && (this.start[hi] as number) < end) {
        lo = hi;
        hi += step;
        step *= 2;
      }
      if (hi > this.count) hi = this.count;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((this.start[mid] as number) < end) lo = mid;
        else hi = mid;
      }
      next = hi;
    }
    return next < this.count && (this.start[next] as number) < parentEnd ? next : -1;
  }

  /**
   * Where what follows a value ending at `i` starts: past white space, comments and the comma
   * after it. After an object member (or the object's '{'), that is the next member's key.
   */
  private afterValue(i: number): number {
    i = this.skip(i);
    return this.text.charCodeAt(i) === COMMA ? this.skip(i + 1) : i;
  }

  /** The decoded text of the key token starting at `at`. */
  private keyText(at: number): string {
    const raw = this.text.slice(at + 1, this.stringEnd(at) - 1);
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
  private membersOf: Map<number, MemberTable> | undefined;

  /** The value at a JSON path, or -1. Object keys compare exactly (the path holds the real keys). */
  find(path: readonly PathKey[]): number {
    return this.walk(path);
  }

  /** The range of the key of the object member at a JSON path (the quoted key), when it is one. */
  findKey(path: readonly PathKey[]): { start: number; end: number } | undefined {
    if (this.walk(path) < 0 || this.keyAt < 0) return undefined;
    return { start: this.keyAt, end: this.stringEnd(this.keyAt) };
  }

  private walk(path: readonly PathKey[]): number {
    this.keyAt = -1;
    if (this.count === 0) return -1;
    let cur = 0;
    for (const key of path) {
      const open = this.text.charCodeAt(this.start[cur] as number);
      const parentEnd = this.end[cur] as number;
      let child = this.firstChild(cur);
      this.keyAt = -1;
      if (open === OPEN_BRACKET && typeof key === 'number') {
        if (key >= LARGE) child = this.element(cur, key);
        else for (let j = 0; j < key && child >= 0; j++) child = this.nextSibling(child, parentEnd);
      } else if (open === OPEN_BRACE && typeof key === 'string') {
        const table = this.members(cur);
        if (table) {
          const p = table.byKey.get(key);
          child = p === undefined ? -1 : (table.children[p] as number);
          if (p !== undefined) this.keyAt = table.keyStarts[p] as number;
        } else {
          // The last member with the key wins, as it does for JSON.parse.
          let found = -1;
          let boundary = (this.start[cur] as number) + 1;
          for (; child >= 0; child = this.nextSibling(child, parentEnd)) {
            const at = this.afterValue(boundary);
            if (this.keyText(at) === key) {
              found = child;
              this.keyAt = at;
            }
            boundary = this.end[child] as number;
          }
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
      const parentEnd = this.end[arr] as number;
      const children: number[] = [];
      for (let c = this.firstChild(arr); c >= 0; c = this.nextSibling(c, parentEnd)) children.push(c);
      table = Int32Array.from(children);
      this.elementsOf.set(arr, table);
    }
    return i < table.length ? (table[i] as number) : -1;
  }

  /** The members of the object node `obj` when it has more than LARGE of them; undefined for a small one. */
  private members(obj: number): MemberTable | undefined {
    const known = this.membersOf?.get(obj);
    if (known) return known;
    const parentEnd = this.end[obj] as number;
    let n = 0;
    for (let c = this.firstChild(obj); c >= 0 && n <= LARGE; c = this.nextSibling(c, parentEnd)) n++;
    if (n <= LARGE) return undefined;
    const children: number[] = [];
    const keyStarts: number[] = [];
    let boundary = (this.start[obj] as number) + 1;
    for (let c = this.firstChild(obj); c >= 0; c = this.nextSibling(c, parentEnd)) {
      children.push(c);
      keyStarts.push(this.afterValue(boundary));
      boundary = this.end[c] as number;
    }
    const byKey = new Map<string, number>();
    // Later members overwrite earlier ones: the last with a key wins, as for JSON.parse.
    for (let p = 0; p < children.length; p++) byKey.set(this.keyText(keyStarts[p] as number), p);
    const table: MemberTable = { children: Int32Array.from(children), keyStarts: Int32Array.from(keyStarts), byKey };
    (this.membersOf ??= new Map()).set(obj, table);
    return table;
  }

  range(node: number): { start: number; end: number } {
    return { start: this.start[node] as number, end: this.end[node] as number };
  }

  isString(node: number): boolean {
    return this.text.charCodeAt(this.start[node] as number) === QUOTE;
  }
}
