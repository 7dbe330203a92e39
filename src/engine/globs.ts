// Config globs (`ignore`, `parameters[].files`, `suppressions[].files`). picomatch, not Node's
// path.matchesGlob: that one is experimental on Node 20 and 22 and prints a warning on every run.
import picomatch from 'picomatch';

const compiled = new Map<string, (path: string) => boolean>();

/** Whether the '/'-separated relative `path` matches `glob`. */
export function matchesGlob(path: string, glob: string): boolean {
  let m = compiled.get(glob);
  if (!m) {
    // A pattern that ends with '/' names a folder: everything in it (as in .gitignore and ESLint's ignores).
    m = picomatch(glob.endsWith('/') ? `${glob}**` : glob);
    compiled.set(glob, m);
  }
  return m(path);
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
