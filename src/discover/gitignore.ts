// .gitignore patterns that would hang the search. globby matches .gitignore files with the
// `ignore` package, which compiles each pattern to a regular expression: every `*` becomes
// `[^/]*`, and V8 backtracks through each way of splitting a name among them. One line
// `*a*a*a*a*a*a*a*a*a*a*a*a*c` and a file named with 34 'a's and '.json' ran for minutes, and a
// repository's .gitignore is not the user's (the pre-commit hook and the GitHub Action lint
// repositories they do not control). Such a pattern (more wildcards in one path segment than
// MAX_SEGMENT_WILDCARDS, the limit the config's globs have too) is left out of the file
// globby reads, and the lint says which line of which file it left out. Every other pattern is
// read as git reads it: ordinary trees are searched exactly as before.
import fs from 'node:fs';

/**
 * Most wildcards in one path segment of a pattern matched by a backtracking regular expression:
 * a .gitignore pattern (`*` runs) that is applied, and a config glob (`*` runs and extglob
 * groups) that picomatch matches (src/engine/globs.ts tooManyWildcards). One limit for both.
 */
export const MAX_SEGMENT_WILDCARDS = 3;

/** A .gitignore pattern left out (see above). */
export interface SkippedIgnorePattern {
  /** Absolute path of the .gitignore file. */
  file: string;
  /** 1-based line. */
  line: number;
  pattern: string;
}

/** Whether a .gitignore line is a pattern with too many `*` runs in one path segment. */
export function pathologicalIgnoreLine(line: string): boolean {
  // An escaped character (`\*`) is literal text, not a wildcard.
  const plain = line.replace(/\\./g, 'x');
  if (plain.trim() === '' || plain.startsWith('#')) return false;
  return plain.split('/').some((segment) => (segment.match(/\*+/g)?.length ?? 0) > MAX_SEGMENT_WILDCARDS);
}

/**
 * A file system for globby whose readFileSync gives .gitignore files without their pathological
 * lines (each made empty, so the others keep their lines), and records what it left out, once per
 * file and line however often globby reads it.
 */
export function guardedFs(skipped: SkippedIgnorePattern[]): typeof fs {
  const seen = new Set<string>();
  const readFileSync = ((file: fs.PathOrFileDescriptor, options?: unknown) => {
    const content = (fs.readFileSync as (f: fs.PathOrFileDescriptor, o?: unknown) => string | Buffer)(file, options);
    if (typeof file !== 'string' || !/(^|[\\/])\.gitignore$/.test(file)) return content;
    const text = typeof content === 'string' ? content : content.toString('utf8');
    const lines = text.split('\n');
    let changed = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      if (!pathologicalIgnoreLine(line)) continue;
      changed = true;
      lines[i] = '';
      const key = `${file}\n${i}`;
      if (!seen.has(key)) {
        seen.add(key);
        skipped.push({ file, line: i + 1, pattern: line.replace(/\r$/, '') });
      }
    }
    if (!changed) return content;
    const guarded = lines.join('\n');
    return typeof content === 'string' ? guarded : Buffer.from(guarded, 'utf8');
  }) as typeof fs.readFileSync;
  return { ...fs, readFileSync };
}
