// Code Climate issues, the format of GitLab's Code Quality report (`artifacts: reports:
// codequality`), which shows findings in the merge request widget and on its diff: a JSON array
// with, per finding, description, check_name, fingerprint, severity and location (path from the
// repository's top, line and column). GitLab reads no SARIF; the peers' answers are Checkov's
// gitlab_sast and Spectral's code-climate formatter.
//   - the path is from the top of the git working tree, as SARIF's URIs and the github format's
//     files (source-root.ts): GitLab places an issue by its path in the repository;
//   - the fingerprint is the finding's own (rule, path, resource, decisive text), stable across
//     runs, which GitLab uses to tell new issues from fixed ones between the branch and its target;
//   - severities are GitLab's: an error is major, a warning minor, a note info.
// Tool notifications (a file it could not read) are not issues of the code and are left to the
// other formats. Suppressed findings are left out, and with a baseline only new ones are written.
import type { LintResult } from '../engine/lint.js';
import { relativePath } from '../engine/lint.js';
import { sourceRoot } from '../discover/source-root.js';
import type { Level } from '../engine/rule.js';
import { writeArray } from './streamed-json.js';

const SEVERITY: Record<Level, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', note: 'info' };

/** The issues, each made only when it is written (see writeArray). */
export function writeCodeClimate(result: LintResult, write: (s: string) => void): void {
  const base = result.sourceRoot ?? sourceRoot(result.root);
  const issues = function* () {
    for (const f of result.findings) {
      const { start, end } = f.location.region;
      yield {
        type: 'issue',
        check_name: f.ruleId,
        description: f.message,
        categories: ['Bug Risk'],
        severity: SEVERITY[f.level],
        fingerprint: f.fingerprint,
        location: {
          path: relativePath(base, f.location.file.path),
          positions: { begin: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } },
        },
      };
    }
  };
  writeArray(issues(), write);
}
