// Finds the files to lint: files, folders and globs given on the command line. Folders are
// walked, globs searched with globby, honouring .gitignore as git does (./gitignore-match.ts);
// symbolic links are not followed (a link loop or a link out of the folder must not make vtaplint
// read outside what it was pointed at).
import { readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type * as Globby from 'globby';
import { IgnoreMatcher, parseGitignore, type IgnoreFile } from './gitignore-match.js';
import { isFile } from '../model/path-kind.js';
import { rememberListing } from './folder-listings.js';

export const LINTED_EXTENSIONS = ['json', 'jsonc', 'bicep', 'bicepparam'] as const;

export interface DiscoveredFile {
  /** Absolute path. */
  path: string;
  /** Named on the command line (not found by searching a folder): always reported, even if not an ARM template. */
  explicit: boolean;
}

/** A folder that could not be read (permissions, I/O): the files in it are not linted. */
export interface UnreadableFolder {
  /** Absolute path. */
  path: string;
  /** The error code (EACCES, EIO, ...). */
  code: string;
  /** The argument, when the folder is one named on the command line (nothing of it was linted). */
  arg?: string;
}

export interface DiscoverResult {
  files: DiscoveredFile[];
  /** Arguments that matched nothing. */
  missing: string[];
  /**
   * Folders that could not be read. They were skipped without a word: `vtaplint locked` of a folder
   * the user may not read printed nothing and exited 0, which reads as "checked, no problems".
   */
  unreadable: UnreadableFolder[];
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
const GITIGNORE = '**/.gitignore';

/** globby is loaded only for folders and globs: a run on named files (pre-commit) starts faster. */
function loadGlobby(): Promise<typeof Globby> {
  return import('globby');
}

/**
 * `root`: the folder vtaplint may read (the lint root, src/cli/main.ts lintRoot): the .gitignore
 * files of the folders between it and a folder searched apply to that folder too, as git applies
 * a parent's, and none above it is read.
 */
export async function discover(args: readonly string[], cwd: string, root: string = cwd): Promise<DiscoverResult> {
  const found = new Map<string, DiscoveredFile>();
  const missing: string[] = [];
  const unreadable: UnreadableFolder[] = [];
  // Each .gitignore file read and parsed once, however many paths name folders under it.
  const ignoreFiles = new Map<string, IgnoreFile>();
  const matcher = (files: readonly string[]) => new IgnoreMatcher(files.map((f) => readIgnoreFile(f, ignoreFiles)), path.sep);
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
    if (st?.isDirectory()) {
      // A folder is walked directly, and what its .gitignore files (and those of the folders
      // above it, up to the lint root) leave out is left out, as git leaves it out.
      const walked = walkFolder(abs);
      const above = ignoreFilesAbove(abs, root, matcher);
      const ignoring = [...(above ?? []), ...walked.ignoreFiles];
      const ignored = ignoring.length ? matcher(ignoring) : undefined;
      // A folder the .gitignore files leave out is not searched, readable or not: a database's
      // data folder (owned by its container's user, gitignored) is no warning.
      for (const u of walked.unreadable) if (u.path === abs || !ignored?.ignored(u.path, true)) unreadable.push(u.path === abs ? { ...u, arg } : u);
      for (const f of walked.files) if (!ignored?.ignored(f, false)) add(f, false);
      continue;
    }
    let patterns: string[];
    let base: string;
    if ((await loadGlobby()).isDynamicPattern(arg)) {
      const g = globFrom(arg, cwd, (await loadGlobby()).convertPathToPattern);
      base = g.base;
      patterns = [g.pattern];
    } else {
      missing.push(arg);
      continue;
    }
    // One search finds the files and the .gitignore files together. globby's own
    // `ignoreFiles: ['**/.gitignore']` walks the whole tree a second time (hidden folders too) to
    // find them, and then filters every entry, which took longer than the search itself. A tree
    // without ignore files needs neither. With some, the search runs again for the glob alone (it
    // may itself name a .gitignore), and what those files leave out is left out.
    const { globbySync } = await loadGlobby();
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
    const hits = globbySync([...patterns, GITIGNORE], options).map((m) => path.normalize(m));
    const inside = hits.filter((m) => path.basename(m) === '.gitignore');
    let matches = hits;
    if (inside.length) {
      const ignored = matcher(inside);
      matches = globbySync(patterns, options)
        .map((m) => path.normalize(m))
        .filter((m) => !ignored.ignored(m, false));
    }
    if (matches.length === 0 && !st) missing.push(arg);
    for (const m of matches) add(m, false);
  }
  // Deterministic order whatever the file system returns.
  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, missing, unreadable };
}

/** A .gitignore file's patterns (none when it cannot be read: git reads it as empty then too). */
function readIgnoreFile(file: string, cache: Map<string, IgnoreFile>): IgnoreFile {
  let f = cache.get(file);
  if (!f) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = '';
    }
    f = { file, patterns: parseGitignore(text) };
    cache.set(file, f);
  }
  return f;
}

/**
 * Where a glob is searched from and the pattern relative to there. A pattern is always made
 * relative: an absolute one searched together with the relative pattern of the .gitignore files
 * matched nothing ('/repo/infra/*.json' from /repo: "no files match"). Inside the current folder
 * the search starts there (its .gitignore files apply, as for a relative glob); outside it, at the
 * folder before the first wildcard (no walk of the folders above).
 */
export function globFrom(arg: string, cwd: string, escape: (p: string) => string): { base: string; pattern: string } {
  // On Windows `\` separates folders; elsewhere it escapes the character after it (`*\[1\].json`
  // for the files named `x[1].json`), as in globby's patterns, and an escaped character is no wildcard.
  const escapes = path.sep !== '\\';
  const glob = escapes ? arg : arg.replaceAll('\\', '/');
  const wild = firstWildcard(glob, escapes);
  const head = wild < 0 ? glob : glob.slice(0, wild);
  const staticDir = head.slice(0, head.lastIndexOf('/') + 1);
  const dir = path.resolve(cwd, (escapes ? staticDir.replace(/\\(.)/g, '$1') : staticDir) || '.');
  const inside = dir === cwd || dir.startsWith(cwd.endsWith(path.sep) ? cwd : cwd + path.sep);
  const base = inside ? cwd : dir;
  const prefix = path.relative(base, dir).split(path.sep).join('/');
  const rest = glob.slice(staticDir.length);
  return { base, pattern: prefix ? `${escape(prefix)}/${rest}` : rest };
}

/** Where the first glob wildcard of `glob` is (-1: none), not counting escaped characters when `escapes`. */
function firstWildcard(glob: string, escapes: boolean): number {
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (escapes && c === '\\') i++;
    else if ('*?[]{}()!'.includes(c)) return i;
  }
  return -1;
}

const LINTED = new Set<string>(LINTED_EXTENSIONS);

/**
 * The .gitignore files of the folders from `root` down to `dir`'s parent, which apply to `dir`'s
 * files too; undefined when there are none, when `dir` is not below `root`, or when they ignore
 * `dir` itself: a folder named on the command line that its parents' ignore files leave out as a
 * whole (`vtaplint build`, the top .gitignore saying `build/`) is linted as asked, with its own
 * ignore files only.
 */
function ignoreFilesAbove(dir: string, root: string, matcher: (files: readonly string[]) => IgnoreMatcher): string[] | undefined {
  const top = path.resolve(root);
  const rel = path.relative(top, dir);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const files: string[] = [];
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    const file = path.join(d, '.gitignore');
    if (isFile(file)) files.unshift(file);
    if (d === top || path.dirname(d) === d) break;
  }
  if (!files.length || matcher(files).ignored(dir, true)) return undefined;
  return files;
}


/**
 * The files a folder search finds (what globby finds for `**\/*.{json,jsonc,bicep,bicepparam}`
 * with the options above: no names starting with '.', no node_modules, symbolic links neither
 * followed nor listed, extensions as written), and the .gitignore files in it. A walk of its own
 * with readdir: globby took ~75 ms for the quickstart tree in a fresh process (its matchers
 * compiled and warmed up first), this takes ~20 ms. Iterative; unreadable folders are skipped,
 * and listed.
 */
function walkFolder(root: string): { files: string[]; ignoreFiles: string[]; unreadable: UnreadableFolder[] } {
  const files: string[] = [];
  const ignoreFiles: string[] = [];
  const unreadable: UnreadableFolder[] = [];
  const folders = [root];
  while (folders.length > 0) {
    const dir = folders.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      unreadable.push({ path: dir, code: (e as NodeJS.ErrnoException).code ?? String(e) });
      continue;
    }
    // Kept for the lint's later questions about this folder (src/discover/folder-listings.ts).
    rememberListing(dir, entries);
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
  return { files, ignoreFiles, unreadable: unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

export function extensionOf(file: string): string {
  const base = path.basename(file).toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1);
}
