// The folder SARIF's relative URIs are written against. GitHub code scanning reads a relative URI
// as relative to the repository's top folder and ignores originalUriBaseIds (github/codeql-action
// #2215), so a run from a subfolder (`working-directory: infra`, `vtaplint .`) that wrote
// `az.json` would point at a file that is not there. Inside a git working tree the URIs are
// therefore relative to its top folder (`infra/az.json`); elsewhere, to the lint root.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The top folder of the git working tree holding `root` (a `.git` folder or file), else `root`. */
export function sourceRoot(root: string): string {
  // Only metadata is asked (whether .git exists), never a file opened, and only above the root.
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return root;
  }
}
