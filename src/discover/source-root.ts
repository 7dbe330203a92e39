// The folder SARIF's relative URIs are written against. GitHub code scanning reads a relative URI
// as relative to the repository's top folder and ignores originalUriBaseIds (github/codeql-action
// #2215), so a run from a subfolder (`working-directory: infra`, `vtaplint .`) that wrote
// `az.json` would point at a file that is not there. Inside a git working tree the URIs are
// therefore relative to its top folder (`infra/az.json`); elsewhere, to the lint root.
//
// The lint root may also be above the working tree: `actions/checkout` with `path: sub` puts the
// repository in $GITHUB_WORKSPACE/sub, the workspace itself is no working tree, and the Action
// lints from the workspace. Paths from there (`sub/a.json`) are not the repository's, which code
// scanning and annotations want (upload-sarif's `checkout_path` says where the repository is for
// the same reason). When every linted file is in one working tree below the root, its top is the
// base; files in several trees, or outside any, keep the lint root.
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The top folder of the git working tree holding `root` (a `.git` folder or file); else, when all
 * `files` (absolute paths) are in one working tree below `root`, that tree's top; else `root`.
 */
export function sourceRoot(root: string, files: readonly string[] = []): string {
  // Only metadata is asked (whether .git exists), never a file opened.
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  return treeBelow(path.resolve(root), files) ?? root;
}

/** The one working tree below `root` that holds all `files`, if there is one. */
function treeBelow(root: string, files: readonly string[]): string | undefined {
  const inside = root.endsWith(path.sep) ? root : root + path.sep;
  const topOf = new Map<string, string | undefined>();
  // The nearest folder with `.git` from `dir` up to (not including) the root: the file's tree.
  const top = (dir: string): string | undefined => {
    // The root itself is not below it: with root '/' (files on either side of the current folder's
    // tree) every folder starts with '/', and '/' is its own parent, so this recursed without end.
    if (!dir.startsWith(inside) || dir === root || path.dirname(dir) === dir) return undefined;
    if (topOf.has(dir)) return topOf.get(dir);
    const found = existsSync(path.join(dir, '.git')) ? dir : top(path.dirname(dir));
    topOf.set(dir, found);
    return found;
  };
  let tree: string | undefined;
  for (const f of files) {
    const t = top(path.dirname(path.resolve(f)));
    if (t === undefined || (tree !== undefined && t !== tree)) return undefined;
    tree = t;
  }
  return tree;
}
