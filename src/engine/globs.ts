// Config globs (`ignore`, `parameters[].files`, `suppressions[].files`). picomatch, not Node's
// path.matchesGlob: that one is experimental on Node 20 and 22 and prints a warning on every run.
import picomatch from 'picomatch';

const compiled = new Map<string, (path: string) => boolean>();

/** Whether the '/'-separated relative `path` matches `glob`. */
export function matchesGlob(path: string, glob: string): boolean {
  let m = compiled.get(glob);
  if (!m) {
    m = picomatch(glob);
    compiled.set(glob, m);
  }
  return m(path);
}
