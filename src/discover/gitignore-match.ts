// .gitignore patterns matched as git matches them (git's dir.c and wildmatch.c), without
// backtracking: the `ignore` package behind globby compiled each pattern to a regular expression
// whose `[^/]*` runs V8 tried in every combination (`*a*a*a*a*c` against a long name ran for
// minutes), so such lines were left out. Here a pattern is split at its slashes into segments;
// within a segment a `*` never crosses a `/`, and a segment `**` stands for any number of path
// segments. Both levels are wildcard matching with one kind of star over items that each match
// on their own (a byte, a path segment), which the greedy algorithm that only goes back to the
// last star decides exactly in O(items x subject) steps: a name of n bytes costs at most
// n x (pattern length), whatever the number of stars.
//
// git's rules, as gitignore(5) and its sources give them:
// - blank lines and lines starting with `#` are no patterns; trailing spaces are dropped unless
//   escaped (`\ `); a CR before the LF is dropped; `\` makes the next character literal (`\#`, `\!`).
// - a leading `!` negates; a trailing `/` matches directories only (and is dropped);
// - a pattern with a `/` at its start or in its middle is matched against the path relative to
//   the .gitignore's folder (a leading `/` dropped), with `*`, `?` and `[...]` never matching a
//   `/`; one without is matched against the last component only, at any depth;
// - `**` is special only as a whole segment: a leading `**/` and a middle `/**/` match zero or
//   more folders, a trailing `/**` one or more path components; elsewhere it is a `*`;
// - `[...]` is a set of bytes with ranges (`a-z`), POSIX classes (`[:digit:]`), `\` escapes, and
//   `!` or `^` as negation; a `]` first in the set is a member; an unterminated set (or an unknown
//   class) makes the pattern match nothing, as wildmatch aborts;
// - the last pattern that matches decides, the deeper .gitignore files after the higher ones; a
//   path whose parent folder is ignored stays ignored (git does not look inside it).
// git compares bytes (UTF-8), so `?` is one byte and a set holds bytes, as here. Case is compared
// exactly, as git does with core.ignorecase false (its default but on case-insensitive file
// systems: macOS and Windows, where `caseFold` is set).

/** One item of a segment: a byte to equal, any one byte (`?`), a set of bytes, or a star. */
type Item = { kind: 'byte'; b: number } | { kind: 'any' } | { kind: 'set'; bytes: Uint8Array; negated: boolean } | { kind: 'star' };

/** A path segment of a pattern: `**` (any number of path segments), or items matching one. */
type Segment = { kind: 'globstar' } | { kind: 'one'; items: Item[] };

export interface IgnorePattern {
  /** The line as written (without its line end). */
  text: string;
  /** 1-based line in its file. */
  line: number;
  negated: boolean;
  dirOnly: boolean;
  /** Matched against the path relative to the .gitignore's folder (else against the last component). */
  anchored: boolean;
  /** Undefined: the pattern matches nothing (an unterminated `[`, a trailing `\`). */
  segments: Segment[] | undefined;
  /** git's reading of `<literal>**` (see prefixGlobstar), when the pattern is one. */
  prefixed?: { literal: Uint8Array; rest: Segment[] | 'anything' } | undefined;
}

const encoder = new TextEncoder();
const SLASH = 0x2f;
const BACKSLASH = 0x5c;

/** The patterns of a .gitignore file's text. */
export function parseGitignore(text: string): IgnorePattern[] {
  const out: IgnorePattern[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const p = parseLine(lines[i] as string, i + 1);
    if (p) out.push(p);
  }
  return out;
}

function parseLine(raw: string, line: number): IgnorePattern | undefined {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (text === '' || text.startsWith('#')) return undefined;
  let body = trimTrailingSpaces(text);
  let negated = false;
  if (body.startsWith('!')) {
    negated = true;
    body = body.slice(1);
  }
  let dirOnly = false;
  // A trailing slash says a folder; git drops it before it looks for others (escaped or not:
  // `foo\/` is then `foo\`, which matches nothing).
  if (body.endsWith('/')) {
    dirOnly = true;
    body = body.slice(0, -1);
  }
  if (body === '') return undefined;
  const bytes = encoder.encode(body);
  const anchored = bytes.includes(SLASH);
  let start = 0;
  if (bytes[0] === SLASH) start = 1;
  const segments = compile(bytes.subarray(start));
  const prefixed = anchored && segments ? prefixGlobstar(bytes.subarray(start)) : undefined;
  return { text, line, negated, dirOnly, anchored, segments, prefixed };
}

/**
 * git compares the literal start of an anchored pattern (up to its first `*`, `?`, `[` or `\`)
 * on its own and gives wildmatch only the rest (dir.c match_pathname), so a `**` right after a
 * literal that does not end with `/` is at the start of what wildmatch sees, and spans folders:
 * the pattern `a**` + `/-` matches `aa/b/-` (git check-ignore says so), `x/a**` matches `x/a/b`. Such a pattern
 * is the literal, then either anything (`**` at the end) or `/`-separated segments that match
 * what follows the literal, or what follows any `/` after it.
 */
function prefixGlobstar(p: Uint8Array): IgnorePattern['prefixed'] {
  let k = 0;
  while (k < p.length && !isGlobSpecial(p[k] as number)) k++;
  if (k === 0 || k + 1 >= p.length || p[k] !== 0x2a || p[k + 1] !== 0x2a || p[k - 1] === SLASH) return undefined;
  let j = k;
  while (p[j] === 0x2a) j++;
  const literal = p.slice(0, k);
  if (j === p.length) return { literal, rest: 'anything' };
  let after: number;
  if (p[j] === SLASH) after = j + 1;
  else if (p[j] === BACKSLASH && p[j + 1] === SLASH) after = j + 2;
  else return undefined; // `a**b`: a plain star, as compiled
  const rest = compile(p.subarray(after));
  return rest ? { literal, rest } : undefined;
}

function isGlobSpecial(b: number): boolean {
  return b === 0x2a || b === 0x3f || b === 0x5b || b === BACKSLASH;
}

/** Whether the character at `i` follows an odd number of backslashes. */
function escapedAt(s: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && s[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

/** git's trim_trailing_spaces: spaces at the end go, unless a backslash escapes the last one. */
function trimTrailingSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === ' ') end--;
  if (end < s.length && end > 0 && escapedAt(s, end)) end++;
  return s.slice(0, end);
}

/** Splits at each `/` (an escaped `\/` too: it can only match the separator) and compiles each segment. */
function compile(p: Uint8Array): Segment[] | undefined {
  const segments: Segment[] = [];
  let items: Item[] = [];
  let raw = 0; // bytes of the segment as written, to tell a segment of stars only
  let stars = 0;
  const end = () => {
    // Only stars, two or more (wildmatch skips a run of them): `**` across folders.
    if (stars >= 2 && raw === stars) segments.push({ kind: 'globstar' });
    else segments.push({ kind: 'one', items });
    items = [];
    raw = 0;
    stars = 0;
  };
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as number;
    if (c === SLASH) {
      end();
      continue;
    }
    if (c === BACKSLASH) {
      if (i + 1 >= p.length) return undefined; // a trailing backslash: wildmatch never matches
      const next = p[++i] as number;
      if (next === SLASH) {
        end();
        continue;
      }
      items.push({ kind: 'byte', b: next });
      raw += 2;
      continue;
    }
    raw++;
    if (c === 0x2a) {
      stars++;
      // Consecutive stars inside a segment are one star.
      if (items.at(-1)?.kind !== 'star') items.push({ kind: 'star' });
      continue;
    }
    if (c === 0x3f) {
      items.push({ kind: 'any' });
      continue;
    }
    if (c === 0x5b) {
      const set = parseSet(p, i);
      if (!set) return undefined;
      items.push(set.item);
      raw += set.end - i;
      i = set.end;
      continue;
    }
    items.push({ kind: 'byte', b: c });
  }
  end();
  // A trailing `/**` needs at least one more component (`a/**` is what is inside a, not a): a
  // segment matching any one component, then `**`.
  const last = segments.length - 1;
  if (last > 0 && segments[last]?.kind === 'globstar') segments.splice(last, 0, { kind: 'one', items: [{ kind: 'star' }] });
  return segments;
}

const POSIX: Record<string, (b: number) => boolean> = {
  alnum: (b) => isAlpha(b) || isDigit(b),
  alpha: (b) => isAlpha(b),
  blank: (b) => b === 0x20 || b === 0x09,
  cntrl: (b) => b < 0x20 || b === 0x7f,
  digit: (b) => isDigit(b),
  graph: (b) => b > 0x20 && b < 0x7f,
  lower: (b) => b >= 0x61 && b <= 0x7a,
  print: (b) => b >= 0x20 && b < 0x7f,
  punct: (b) => b > 0x20 && b < 0x7f && !isAlpha(b) && !isDigit(b),
  space: (b) => b === 0x20 || (b >= 0x09 && b <= 0x0d),
  upper: (b) => b >= 0x41 && b <= 0x5a,
  xdigit: (b) => isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66),
};

function isAlpha(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

/**
 * The set starting at `p[open]` (`[`), as wildmatch reads it: its members and the index of its
 * `]`; undefined when it is not terminated or names an unknown class (the pattern matches nothing).
 */
function parseSet(p: Uint8Array, open: number): { item: Item; end: number } | undefined {
  const members = new Uint8Array(256);
  let i = open + 1;
  let c = p[i];
  if (c === 0x21) c = 0x5e; // `!` negates, as `^` does
  const negated = c === 0x5e;
  if (negated) c = p[++i];
  let prev = 0;
  // do { ... } while (prev = c, (c = p[++i]) !== ']'): the first byte is a member even if it is `]`.
  for (;;) {
    if (c === undefined) return undefined;
    if (c === BACKSLASH) {
      c = p[++i];
      if (c === undefined) return undefined;
      members[c] = 1;
    } else if (c === 0x2d && prev !== 0 && p[i + 1] !== undefined && p[i + 1] !== 0x5d) {
      let hi = p[++i] as number;
      if (hi === BACKSLASH) {
        const h = p[++i];
        if (h === undefined) return undefined;
        hi = h;
      }
      for (let b = prev; b <= hi; b++) members[b] = 1;
      c = 0; // a range's end starts no range
    } else if (c === 0x5b && p[i + 1] === 0x3a) {
      const s = i + 2;
      let j = s;
      while (p[j] !== undefined && p[j] !== 0x5d) j++;
      if (p[j] === undefined) return undefined;
      if (j - s - 1 < 0 || p[j - 1] !== 0x3a) {
        // No ":]": a plain `[` member, and the set goes on after it.
        members[0x5b] = 1;
      } else {
        const name = String.fromCharCode(...p.subarray(s, j - 1));
        const test = POSIX[name];
        if (!test) return undefined;
        for (let b = 0; b < 256; b++) if (test(b)) members[b] = 1;
        i = j;
        c = 0;
      }
    } else members[c] = 1;
    prev = c;
    c = p[++i];
    if (c === 0x5d) break;
  }
  // A set never matches the separator (WM_PATHNAME); segments hold none anyway.
  members[SLASH] = negated ? 1 : 0;
  return { item: { kind: 'set', bytes: members, negated }, end: i };
}

function itemMatches(item: Item, b: number, fold: boolean): boolean {
  switch (item.kind) {
    case 'byte':
      return item.b === b || (fold && lower(item.b) === lower(b));
    case 'any':
      return true;
    case 'set': {
      const has = item.bytes[b] === 1 || (fold && (item.bytes[lower(b)] === 1 || item.bytes[upper(b)] === 1));
      return has !== item.negated;
    }
    case 'star':
      return false;
  }
}

function lower(b: number): number {
  return b >= 0x41 && b <= 0x5a ? b + 32 : b;
}

function upper(b: number): number {
  return b >= 0x61 && b <= 0x7a ? b - 32 : b;
}

/**
 * Whether the items match all of `s`: greedy, going back only to the last star (its match grows by
 * one byte). Exact for one kind of star over single-byte items; at most |items| x |s| steps.
 */
function matchItems(items: readonly Item[], s: Uint8Array, fold: boolean): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < s.length) {
    const item = items[p];
    if (item !== undefined && item.kind === 'star') {
      starP = p++;
      starT = t;
    } else if (item !== undefined && itemMatches(item, s[t] as number, fold)) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (p < items.length && (items[p] as Item).kind === 'star') p++;
  return p === items.length;
}

/** The same greedy search one level up: segments over path components, `**` as the star. */
function matchSegments(segments: readonly Segment[], parts: readonly Uint8Array[], fold: boolean): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < parts.length) {
    const seg = segments[p];
    if (seg !== undefined && seg.kind === 'globstar') {
      starP = p++;
      starT = t;
    } else if (seg !== undefined && matchItems(seg.items, parts[t] as Uint8Array, fold)) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (p < segments.length && (segments[p] as Segment).kind === 'globstar') p++;
  return p === segments.length;
}

/**
 * Whether a pattern matches a path given relative to its .gitignore's folder, as components
 * (UTF-8). `isDir`: the path is a folder (a pattern ending in `/` matches only folders).
 */
export function patternMatches(pattern: IgnorePattern, parts: readonly Uint8Array[], isDir: boolean, fold = false): boolean {
  if (!pattern.segments || parts.length === 0) return false;
  if (pattern.dirOnly && !isDir) return false;
  if (!pattern.anchored) {
    // One segment (no slash), against the last component.
    const seg = pattern.segments[0] as Segment;
    return seg.kind === 'globstar' || matchItems(seg.items, parts[parts.length - 1] as Uint8Array, fold);
  }
  if (pattern.prefixed) return matchPrefixed(pattern.prefixed, parts, fold);
  return matchSegments(pattern.segments, parts, fold);
}

function matchPrefixed(q: NonNullable<IgnorePattern['prefixed']>, parts: readonly Uint8Array[], fold: boolean): boolean {
  const text = join(parts);
  if (text.length < q.literal.length) return false;
  for (let i = 0; i < q.literal.length; i++) {
    const a = q.literal[i] as number;
    const b = text[i] as number;
    if (a !== b && !(fold && lower(a) === lower(b))) return false;
  }
  if (q.rest === 'anything') return true;
  const rest = text.subarray(q.literal.length);
  // No folder at all, then after each `/` of what follows the literal.
  if (matchSegments(q.rest, split(rest), fold)) return true;
  for (let i = 0; i < rest.length; i++) if (rest[i] === SLASH && matchSegments(q.rest, split(rest.subarray(i + 1)), fold)) return true;
  return false;
}

function join(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0) + parts.length - 1);
  let at = 0;
  parts.forEach((p, i) => {
    if (i > 0) out[at++] = SLASH;
    out.set(p, at);
    at += p.length;
  });
  return out;
}

function split(s: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s[i] === SLASH) {
      out.push(s.subarray(from, i));
      from = i + 1;
    }
  }
  return out;
}

/** A .gitignore file's patterns and the folder they are relative to. */
export interface IgnoreFile {
  /** Absolute path of the .gitignore file. */
  file: string;
  patterns: IgnorePattern[];
}

/**
 * Decides, as git does, whether paths are ignored by a set of .gitignore files (given by their
 * absolute paths; each applies to what is below its folder). Paths are absolute; `sep` is the
 * platform's separator. Folder decisions are kept: files of one folder ask once for it.
 */
export class IgnoreMatcher {
  /** Patterns by the folder of their .gitignore. */
  private readonly byDir = new Map<string, IgnorePattern[]>();
  private readonly dirs = new Map<string, boolean>();
  private readonly fold: boolean;

  constructor(
    files: readonly IgnoreFile[],
    private readonly sep: string,
    fold = process.platform === 'darwin' || process.platform === 'win32',
  ) {
    this.fold = fold;
    for (const f of files) {
      const dir = f.file.slice(0, f.file.lastIndexOf(sep));
      const list = this.byDir.get(dir);
      if (list) list.push(...f.patterns);
      else this.byDir.set(dir, [...f.patterns]);
    }
  }

  /** Whether `abs` (a file, or a folder when `isDir`) is ignored. */
  ignored(abs: string, isDir: boolean): boolean {
    const cut = abs.lastIndexOf(this.sep);
    if (cut > 0 && this.dirIgnored(abs.slice(0, cut))) return true;
    return this.decide(abs, isDir);
  }

  private dirIgnored(dir: string): boolean {
    let known = this.dirs.get(dir);
    if (known !== undefined) return known;
    const cut = dir.lastIndexOf(this.sep);
    known = (cut > 0 && this.dirIgnored(dir.slice(0, cut))) || this.decide(dir, true);
    this.dirs.set(dir, known);
    return known;
  }

  /** The last matching pattern of the .gitignore files in the folders above `abs`, higher ones first. */
  private decide(abs: string, isDir: boolean): boolean {
    const holders: string[] = [];
    for (let cut = abs.lastIndexOf(this.sep); cut > 0; cut = abs.lastIndexOf(this.sep, cut - 1)) {
      const dir = abs.slice(0, cut);
      if (this.byDir.has(dir)) holders.push(dir);
    }
    if (this.byDir.has('') && abs.startsWith(this.sep)) holders.push('');
    let ignored = false;
    for (let h = holders.length - 1; h >= 0; h--) {
      const dir = holders[h] as string;
      const parts = abs
        .slice(dir.length + 1)
        .split(this.sep)
        .map((x) => encoder.encode(x));
      for (const p of this.byDir.get(dir) as IgnorePattern[]) {
        if (p.negated === ignored && patternMatches(p, parts, isDir, this.fold)) ignored = !p.negated;
      }
    }
    return ignored;
  }
}
