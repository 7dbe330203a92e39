// The tool's own notifications in the text formats: an internal failure is an error, a warning of
// the tool (a file it could not read) stays a warning and is not called an internal error.
import { describe, expect, it } from 'vitest';
import type { LintResult } from '../src/engine/lint.js';
import { formatUnix } from '../src/report/unix.js';
import { formatCompact } from '../src/report/compact.js';
import { formatStylish } from '../src/report/stylish.js';
import { formatGithub } from '../src/report/github.js';

const result: LintResult = {
  root: '/repo',
  files: [],
  findings: [],
  notifications: [
    { level: 'warning', message: 'cannot read the file: EACCES (the file is not analysed)', file: 'secret.json' },
    { level: 'error', message: 'internal error in rule x: boom' },
  ],
  missing: [],
  passes: 0,
};

describe('tool notifications in the text formats', () => {
  it('keep their level; only an error is an internal error', () => {
    expect(formatUnix(result, { cwd: '/repo' }).split('\n').slice(0, 2)).toEqual([
      'secret.json:1:1: warning: cannot read the file: EACCES (the file is not analysed) [vtaplint]',
      'vtaplint:1:1: error: internal error in rule x: boom [internal-error]',
    ]);
    expect(formatCompact(result)).toContain('secret.json: line 0, col 0, Warning - cannot read the file: EACCES (the file is not analysed) (vtaplint)');
    expect(formatStylish(result, { color: false })).toContain('  0:0  warning  cannot read the file: EACCES (the file is not analysed)  vtaplint');
    // With the file it is about, which the message does not name (it had no file= property).
    expect(formatGithub(result)).toContain('::warning file=secret.json,title=vtaplint::cannot read the file: EACCES (the file is not analysed)\n');
    expect(formatGithub(result)).toContain('::error title=vtaplint internal error::internal error in rule x: boom');
  });
});
