// Config globs (`ignore`, `parameters[].files`, `suppressions[].files`). picomatch, not Node's
// path.matchesGlob: that one is experimental on Node 20 and 22 and prints a warning on every run.
import picomatch from 'picomatch';

const compiled = new Map<string, (path: string) => boolean>();

/** Whether the '/'-separated relative `path` matches `glob`. */
export function matchesGlob(path: string, glob: string): boolean {
  let m = compiled.get(glob);
  if (!m) {
    // A pattern that ends with '/' names a folder: everything in it (as in .gitignore and ESLint's ignores).
    // One that starts with '/' is anchored at the config's folder, as in .gitignore: the paths
    // matched are relative to it, so the '/' goes ('/legacy/**' matched nothing, silently).
    const anchored = glob.startsWith('/') ? glob.replace(/^\/+/, '') : glob;
    const full = anchored.endsWith('/') ? `${anchored}**` : anchored;
    m = full === '' ? () => false : (plainMatcher(full) ?? picomatch(full));
    compiled.set(glob, m);
  }
  return m(path);
}

// picomatch compiles a glob to a regular expression, and V8 backtracks: `*a*a*a*a*a*a*a*a*a*a*a*a*c`
// against a 45-character file name that does not match took 200 s, from one line of a config
// file in the repository being linted. Globs of literal text, `*`, `**` and `/` (nearly all that
// configs hold) are matched here instead, in time linear in the pattern and the path, as
// picomatch matches them (a `*` or `**` matches no name that starts with '.', a `*` segment no
// empty one). The rest (`?`, classes, braces, extglobs) go to picomatch, and the config check
// (tooManyWildcards) keeps their wildcards per path segment few enough to stay fast.

/** Characters that make a glob more than literal text, `*`, `**` and `/`. */
const NOT_PLAIN = /[?[\]{}()!+@\\]/;

/** A linear-time matcher for a plain glob (see above); undefined for any other glob. */
function plainMatcher(glob: string): ((path: string) => boolean) | undefined {
  if (NOT_PLAIN.test(glob) || glob.startsWith('./')) return undefined;
  const segments = glob.split('/');
  // Left to picomatch, whose readings of them are its own: empty segments, `**` inside a segment
  // (`a**b`), a `*` right after a '.' (in `*.*` it matches one character at least, in `a.*` none
  // too), and a `**` segment right after one with a `*` (`*/**` needs a segment after it; `a/**`
  // does not).
  for (let i = 0; i < segments.length; i++) {
    const g = segments[i] as string;
    if (g === '' || (g !== '**' && g.includes('**')) || g.includes('.*')) return undefined;
    if (g === '**' && i > 0 && (segments[i - 1] as string).includes('*')) return undefined;
  }
  return (path: string) => matchSegments(segments, path.split('/'));
}

/**
 * Whether path segments `parts` match glob segments `segments`: a table of which suffixes match
 * which, so `**` segments cost the product of the two lengths, not a backtracking search.
 */
function matchSegments(segments: readonly string[], parts: readonly string[]): boolean {
  const m = segments.length;
  const n = parts.length;
  // ok[j]: parts[j..] matches segments[i..], for the row i being filled (from the end).
  let next: boolean[] = new Array<boolean>(n + 1).fill(false);
  next[n] = true;
  for (let i = m - 1; i >= 0; i--) {
    const g = segments[i] as string;
    const row: boolean[] = new Array<boolean>(n + 1).fill(false);
    if (g === '**') {
      // Zero or more segments, none of them hidden.
      row[n] = next[n] as boolean;
      for (let j = n - 1; j >= 0; j--) row[j] = (next[j] as boolean) || (!(parts[j] as string).startsWith('.') && (row[j + 1] as boolean));
    } else {
      for (let j = 0; j < n; j++) row[j] = (next[j + 1] as boolean) && matchSegment(g, parts[j] as string);
    }
    next = row;
  }
  return next[0] as boolean;
}

/** Whether one path segment matches a glob segment of literal text and `*`. */
function matchSegment(g: string, s: string): boolean {
  const chunks = g.split(/\*+/);
  if (chunks.length === 1) return g === s;
  // A leading `*` matches no hidden name, and a segment of stars alone no empty one.
  if (chunks[0] === '' && (s.startsWith('.') || s === '')) return false;
  const first = chunks[0] as string;
  const last = chunks[chunks.length - 1] as string;
  if (s.length < first.length + last.length || !s.startsWith(first) || !s.endsWith(last)) return false;
  // The chunks between, each at its first place after the one before: where there is any way to
  // place them, this is one (an earlier place never leaves less room), so no backtracking.
  let at = first.length;
  const end = s.length - last.length;
  for (let k = 1; k < chunks.length - 1; k++) {
    const c = chunks[k] as string;
    const found = s.indexOf(c, at);
    if (found < 0 || found + c.length > end) return false;
    at = found + c.length;
  }
  return true;
}


/**
 * Most wildcards in one path segment of a config glob that picomatch matches (`*` runs and
 * extglob groups): picomatch compiles a glob to a regular expression, and V8 backtracks through
 * each way of splitting a name among them. (.gitignore files are matched without regular
 * expressions: src/discover/gitignore-match.ts.)
 */
export const MAX_SEGMENT_WILDCARDS = 3;

/**
 * Whether a glob that picomatch would match (not plain) has more wildcards in one path segment
 * than MAX_SEGMENT_WILDCARDS: with each, a regular expression's backtracking multiplies by the
 * length of the names it fails on (see plainMatcher).
 */
export function tooManyWildcards(glob: string): boolean {
  const g = glob.startsWith('!') && !glob.startsWith('!(') ? glob.slice(1) : glob;
  if (plainMatcher(g.endsWith('/') ? `${g}**` : g)) return false;
  return g.split('/').some((segment) => (segment.match(/\*+|[?+@!]\(/g)?.length ?? 0) > MAX_SEGMENT_WILDCARDS);
}

/**
 * Whether `path` matches a list of globs read in order, as .gitignore and ESLint's `ignores` read
 * them: a pattern starting with '!' takes back what the patterns before it matched
 * (`["legacy/**", "!legacy/keep.json"]`: every file in legacy but keep.json). A '!(...)' extglob
 * is a pattern of its own, not a negation.
 */
export function matchesGlobList(path: string, globs: readonly string[]): boolean {
  let matched = false;
  for (const g of globs) {
    if (g.startsWith('!') && !g.startsWith('!(')) {
      if (matched && matchesGlob(path, g.slice(1))) matched = false;
    } else if (!matched && matchesGlob(path, g)) matched = true;
  }
  return matched;
}
