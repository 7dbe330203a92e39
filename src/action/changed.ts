// The lines a pull request changes, so annotations land where the author is looking. Read from the
// event payload (GITHUB_EVENT_PATH: base and head commits) and `git diff` in the workspace; never
// from the network. When that is not possible (not a pull request, a shallow clone without the
// base commit), the answer is undefined and every finding is annotated.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Env } from './runner.js';

/** Relative path (forward slashes) → changed (added or modified) line numbers of the new version. */
export type ChangedLines = Map<string, Set<number>>;

interface PullRequestEvent {
  pull_request?: { base?: { sha?: string; ref?: string }; head?: { sha?: string } };
}

export function pullRequestRange(env: Env): { base: string; head: string } | undefined {
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
  const head = pr.head?.sha ?? 'HEAD';
  const base = pr.base?.sha ?? (env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : undefined);
  return base ? { base, head } : undefined;
}

/** Parses `git diff --unified=0` output into changed lines per file. */
export function parseUnifiedDiff(diff: string): ChangedLines {
  const out: ChangedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4).trim();
      if (target === '/dev/null') {
        current = undefined;
        continue;
      }
      const rel = target.replace(/^"?b\//, '').replace(/"$/, '');
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

/** Changed lines of the pull request, or undefined when they cannot be known offline. */
export function changedLines(env: Env, workspace: string): ChangedLines | undefined {
  const range = pullRequestRange(env);
  if (!range) return undefined;
  const git = (args: string[]) => execFileSync('git', args, { cwd: workspace, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  try {
    // Three dots: what the pull request adds since it branched off, as GitHub shows it.
    return parseUnifiedDiff(git(['diff', '--unified=0', '--no-color', '--no-ext-diff', '--diff-filter=AMR', `${range.base}...${range.head}`]));
  } catch {
    try {
      return parseUnifiedDiff(git(['diff', '--unified=0', '--no-color', '--no-ext-diff', '--diff-filter=AMR', range.base, range.head]));
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
