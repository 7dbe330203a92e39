// The files a commit deletes, for a hook: pre-commit passes a hook the files a commit adds or
// changes, never those it deletes, and a rename is both (`git mv modules/tap.bicep
// modules/tap2.bicep` passes only the new name). A deployer that still names the old file then
// passed the hook and failed CI. With --context, a named file that does not exist is one the
// commit deletes, and what still names it is reported (lint.ts reportedInFocus): these are those
// names. Only git's index is read (no network, no working tree change).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { LINTED_EXTENSIONS, extensionOf } from '../discover/discover.js';

/** What discovery lints (and the hook's `files` pattern passes). */
const linted = (name: string) => (LINTED_EXTENSIONS as readonly string[]).includes(extensionOf(name));

/** The linted files the index deletes (renames away included), relative to `cwd`; or why git could not say. */
export function stagedDeletions(cwd: string): { paths: string[] } | { error: string } {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  try {
    const top = git(['rev-parse', '--show-toplevel']).trim();
    // -z: names as they are (no C quoting); --no-renames: a rename is its deletion and its addition.
    const names = git(['diff', '--cached', '--name-only', '--no-renames', '--diff-filter=D', '-z']).split('\0');
    return { paths: names.filter((n) => n !== '' && linted(n)).map((n) => path.relative(cwd, path.join(top, n))) };
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr?.trim().split('\n')[0];
    return { error: stderr || (e instanceof Error ? e.message : String(e)) };
  }
}
