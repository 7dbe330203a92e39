// Finds the files to lint: files, folders and globs given on the command line. Folders are
// searched with globby, honouring .gitignore as git does (also those of the folders above, in a
// git working tree); symbolic links are not followed (a link loop or a
// link out of the folder must not make vtaplint read outside what it was pointed at).
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type * as Globby from 'globby';

export const LINTED_EXTENSIONS = ['json', 'jsonc', 'bicep', 'bicepparam'] as const;

export interface DiscoveredFile {
  /** Absolute path. */
  path: string;
  /** Named on the command line (not found by searching a folder): always reported, even if not an ARM template. */
  explicit: boolean;
}

export interface DiscoverResult {
  files: DiscoveredFile[];
  /** Arguments that matched nothing. */
  missing: string[];
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
const GITIGNORE = '**/.gitignore';

/** globby is loaded only for folders and globs: a run on named files (pre-commit) starts faster. */
function loadGlobby(): Promise<typeof Globby> {
  return import('globby');
}

export async function discover(args: readonly string[], cwd: string): Promise<DiscoverResult> {
  const found = new Map<string, DiscoveredFile>();
  const missing: string[] = [];
  const add = (p: string, explicit: boolean) => {
    const abs = path.resolve(cwd, p);
    const prev = found.get(abs);
    if (!prev) found.set(abs, { path: abs, explicit });
    else if (explicit) prev.explicit = true;
  };
  for (const arg of args.length ? args : ['.']) {
    const abs = path.resolve(cwd, arg);
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isFile()) {
      add(abs, true);
      continue;
    }
    let patterns: string[];
    let base: string;
    let ignoreFiles: string[] | undefined;
    let above: IgnoreFilesAbove | undefined;
    if (st?.isDirectory()) {
      // A folder is walked directly: globby is needed only for the .gitignore files that apply.
      const walked = walkFolder(abs);
      above = ignoreFilesAbove(abs);
      // A folder git ignores as a whole (`vtaplint build`, where the top .gitignore says `build/`)
      // is linted as asked: only its own ignore files apply.
      if (above && (await ignoredItself(abs, above))) above = undefined;
      if (walked.ignoreFiles.length === 0 && !above) {
        for (const f of walked.files) add(f, false);
        continue;
      }
      base = abs;
      patterns = [`**/*.{${LINTED_EXTENSIONS.join(',')}}`];
      ignoreFiles = walked.ignoreFiles;
    } else if ((await loadGlobby()).isDynamicPattern(arg)) {
      const g = globFrom(arg, cwd, (await loadGlobby()).convertPathToPattern);
      base = g.base;
      patterns = [g.pattern];
      above = ignoreFilesAbove(base);
      if (above && (await ignoredItself(base, above))) above = undefined;
    } else {
      missing.push(arg);
      continue;
    }
    // One search finds the files and the .gitignore files together (for a folder, the walk above).
    // globby's own `ignoreFiles: ['**/.gitignore']` walks the whole tree a second time (hidden
    // folders too) to find them, and then filters every entry, which took longer than the search
    // itself. A tree without ignore files needs neither. With some, the search runs again with
    // exactly those files as `ignoreFiles` (globby's semantics, each file's patterns relative to
    // its folder; paths escaped, as a folder may be named like a glob). In a git working tree whose
    // folders above the one searched have .gitignore files (`vtaplint infra` where the top's
    // .gitignore says `infra/build/`), those apply too, as they do for git: globby's `gitignore`
    // mode reads them, up to the top of the working tree, and the ones inside. A folder named on
    // the command line that they ignore as a whole is searched as asked, with its own only.
    const { globbySync, convertPathToPattern } = await loadGlobby();
    const options = {
      cwd: base,
      absolute: true,
      gitignore: false,
      ignore: ALWAYS_IGNORED,
      dot: false,
      followSymbolicLinks: false,
      onlyFiles: true,
      suppressErrors: true,
    };
    let matches: string[];
    if (above) matches = globbySync(patterns, { ...options, gitignore: true });
    else if (ignoreFiles) matches = globbySync(patterns, { ...options, ignoreFiles: ignoreFiles.map((f) => convertPathToPattern(f)) });
    else {
      const found = globbySync([...patterns, GITIGNORE], options);
      const inside = found.filter((m) => path.basename(m) === '.gitignore');
      matches = inside.length ? globbySync(patterns, { ...options, ignoreFiles: inside.map((f) => convertPathToPattern(f)) }) : found;
    }
    if (matches.length === 0 && !st) missing.push(arg);
    for (const m of matches) add(path.normalize(m), false);
  }
  // Deterministic order whatever the file system returns.
  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, missing };
}

/**
 * Where a glob is searched from and the pattern relative to there. A pattern is always made
 * relative: an absolute one searched together with the relative pattern of the .gitignore files
 * matched nothing ('/repo/infra/*.json' from /repo: "no files match"). Inside the current folder
 * the search starts there (its .gitignore files apply, as for a relative glob); outside it, at the
 * folder before the first wildcard (no walk of the folders above).
 */
export function globFrom(arg: string, cwd: string, escape: (p: string) => string): { base: string; pattern: string } {
  const glob = arg.replaceAll('\\', '/');
  const wild = glob.search(/[*?[\]{}()!]/);
  const head = wild < 0 ? glob : glob.slice(0, wild);
  const staticDir = head.slice(0, head.lastIndexOf('/') + 1);
  const dir = path.resolve(cwd, staticDir || '.');
  const inside = dir === cwd || dir.startsWith(cwd.endsWith(path.sep) ? cwd : cwd + path.sep);
  const base = inside ? cwd : dir;
  const prefix = path.relative(base, dir).split(path.sep).join('/');
  const rest = glob.slice(staticDir.length);
  return { base, pattern: prefix ? `${escape(prefix)}/${rest}` : rest };
}

const LINTED = new Set<string>(LINTED_EXTENSIONS);

/** The .gitignore files of the folders above a searched folder, which git applies to it too. */
interface IgnoreFilesAbove {
  /** The top of the git working tree (the folder holding `.git`, a folder or a worktree's file). */
  top: string;
  /** The .gitignore files of the folders from the top down to the searched folder's parent. */
  files: string[];
}

/** The .gitignore files above `dir` in its git working tree; undefined outside one, or when there are none. A few stat calls per level. */
function ignoreFilesAbove(dir: string): IgnoreFilesAbove | undefined {
  const files: string[] = [];
  for (let d = path.resolve(dir); ; ) {
    if (exists(path.join(d, '.git'))) return files.length ? { top: d, files } : undefined;
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
    if (exists(path.join(d, '.gitignore'))) files.push(path.join(d, '.gitignore'));
  }
}

/** Whether the ignore files above `dir` make git ignore the folder itself (a pattern naming it or a folder it is in). */
async function ignoredItself(dir: string, above: IgnoreFilesAbove): Promise<boolean> {
  const { isIgnoredByIgnoreFilesSync, convertPathToPattern } = await loadGlobby();
  const patterns = above.files.map((f) => convertPathToPattern(path.relative(above.top, f).split(path.sep).join('/')));
  // A trailing separator: a folder, so that folder-only patterns (`build/`) match it.
  return isIgnoredByIgnoreFilesSync(patterns, { cwd: above.top })(`${dir}${path.sep}`);
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * The files a folder search finds (what globby finds for `**\/*.{json,jsonc,bicep,bicepparam}`
 * with the options above: no names starting with '.', no node_modules, symbolic links neither
 * followed nor listed, extensions as written), and the .gitignore files in it. A walk of its own
 * with readdir: globby took ~75 ms for the quickstart tree in a fresh process (its matchers
 * compiled and warmed up first), this takes ~20 ms. Iterative; unreadable folders are skipped.
 */
function walkFolder(root: string): { files: string[]; ignoreFiles: string[] } {
  const files: string[] = [];
  const ignoreFiles: string[] = [];
  const folders = [root];
  while (folders.length > 0) {
    const dir = folders.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const name = e.name;
      if (name.startsWith('.')) {
        if (name === '.gitignore' && e.isFile()) ignoreFiles.push(path.join(dir, name));
        continue;
      }
      if (e.isDirectory()) {
        if (name !== 'node_modules') folders.push(path.join(dir, name));
      } else if (e.isFile()) {
        const dot = name.lastIndexOf('.');
        if (dot > 0 && LINTED.has(name.slice(dot + 1))) files.push(path.join(dir, name));
      }
    }
  }
  return { files, ignoreFiles };
}

export function extensionOf(file: string): string {
  const base = path.basename(file).toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1);
}
