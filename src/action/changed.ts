// The lines a pull request changes, so annotations land where the author is looking. Read from the
// event payload (GITHUB_EVENT_PATH: the base commit) and `git diff` in the workspace; never from
// the network. When that is not possible (not a pull request, a shallow clone without the base
// commit), the answer is undefined and every finding is annotated.
//
// The lines are those of the checked-out tree, which is what was linted: for pull_request events
// actions/checkout checks out the merge commit (refs/pull/N/merge), not the PR's head, and when
// the base branch has moved the same line has another number there. So the diff runs from the
// merge base of the base commit and HEAD to HEAD: for the merge commit, whose first parent is the
// base, that is the PR's changes at merge-commit line numbers; for a checkout of the head, the
// PR's changes as GitHub shows them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { unquoteGitPath } from './git-path.js';
import type { Env } from './runner.js';

/** Relative path (forward slashes) → changed (added or modified) line numbers of the new version. */
export type ChangedLines = Map<string, Set<number>>;

interface PullRequestEvent {
  pull_request?: { base?: { sha?: string; ref?: string } };
}

/** The pull request's base commit, from the event payload; undefined when not a pull request. */
export function pullRequestBase(env: Env): string | undefined {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return undefined;
  let event: PullRequestEvent;
  try {
    event = JSON.parse(readFileSync(file, 'utf8')) as PullRequestEvent;
  } catch {
    return undefined;
  }
  const pr = event.pull_request;
  if (!pr) return undefined;
  return pr.base?.sha ?? (env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : undefined);
}

function git(workspace: string, args: string[]): string {
  return execFileSync('git', args, { cwd: workspace, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
}

/**
 * The commit checked out in the workspace (what was linted), for links to its lines; GITHUB_SHA
 * when the workspace is not a git checkout git can read.
 */
export function checkedOutCommit(env: Env, workspace: string): string | undefined {
  try {
    return git(workspace, ['rev-parse', '--verify', '--quiet', 'HEAD']).trim() || env.GITHUB_SHA;
  } catch {
    return env.GITHUB_SHA;
  }
}

/** Parses `git diff --unified=0` output into changed lines per file. */
export function parseUnifiedDiff(diff: string): ChangedLines {
  const out: ChangedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      // Git ends the name with a tab when it has a space (for patch(1)); a name of its own that
      // ends with a tab or has a quote is C-quoted (git-path.ts), so only that tab is dropped.
      const target = unquoteGitPath(line.slice(4).replace(/\t$/, ''));
      if (target === '/dev/null') {
        current = undefined;
        continue;
      }
      const rel = target.replace(/^b\//, '');
      current = out.get(rel) ?? new Set();
      out.set(rel, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let i = 0; i < count; i++) current.add(start + i);
    }
  }
  return out;
}

/** Changed lines of the pull request in the checked-out tree, or undefined when they cannot be known offline. */
export function changedLines(env: Env, workspace: string): ChangedLines | undefined {
  const base = pullRequestBase(env);
  if (!base) return undefined;
  // core.quotePath=false: names with non-ASCII letters as they are rather than octal escapes (the
  // parser decodes both, and names with tabs, quotes or backslashes are still quoted). The
  // prefixes are explicit because diff.noprefix or diff.mnemonicPrefix in a config would change them.
  const diff = (range: string[]) =>
    parseUnifiedDiff(git(workspace, ['-c', 'core.quotePath=false', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', '--diff-filter=AMR', ...range]));
  try {
    // Three dots: from the merge base of the base commit and HEAD (see above).
    return diff([`${base}...HEAD`]);
  } catch {
    try {
      // No merge base (a shallow clone that has the base commit but not the history): exact for
      // the merge commit, whose first parent is the base.
      return diff([base, 'HEAD']);
    } catch {
      return undefined;
    }
  }
}

/** Whether a finding's lines [start, end] touch a changed line of its file. */
export function touchesChange(changed: ChangedLines, file: string, start: number, end: number): boolean {
  const lines = changed.get(file);
  if (!lines) return false;
  for (let l = start; l <= end; l++) if (lines.has(l)) return true;
  return false;
}
