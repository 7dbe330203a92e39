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
    // One about no file is not a line of the editors' formats (a problem matcher read 'vtaplint' as
    // a file): the CLI says it on standard error ("vtaplint: internal error: ...").
    expect(formatUnix(result, { cwd: '/repo' })).toBe('secret.json:1:1: warning: cannot read the file: EACCES (the file is not analysed) [vtaplint]\n');
    const internal: LintResult = { ...result, notifications: [{ level: 'error', message: 'internal error in rule x: boom', file: '/repo/t.json' }] };
    expect(formatUnix(internal, { cwd: '/repo' })).toBe('t.json:1:1: error: internal error in rule x: boom [internal-error]\n');
    expect(formatCompact(result)).toContain('secret.json: line 0, col 0, Warning - cannot read the file: EACCES (the file is not analysed) (vtaplint)');
    expect(formatStylish(result, { color: false })).toContain('  0:0  warning  cannot read the file: EACCES (the file is not analysed)  vtaplint');
    // With the file it is about, which the message does not name (it had no file= property).
    expect(formatGithub(result)).toContain('::warning file=secret.json,title=vtaplint::cannot read the file: EACCES (the file is not analysed)\n');
    expect(formatGithub(result)).toContain('::error title=vtaplint internal error::internal error in rule x: boom');
  });
});

describe('the github format and GitHub\'s annotation caps', () => {
  const finding = (level: 'error' | 'warning' | 'note', line: number) =>
    ({ ruleId: 'vtap-supported-region', level, kind: 'fail', message: 'm', location: { file: { path: '/repo/t.json' }, region: { start: { line, column: 1 }, end: { line, column: 2 } } }, related: [] }) as unknown as LintResult['findings'][number];

  it('past 10 of a level (which GitHub drops without a word), a plain line says how many are not shown', () => {
    const over: LintResult = { ...result, notifications: [], findings: [...Array.from({ length: 12 }, (_, i) => finding('error', i + 1)), ...Array.from({ length: 11 }, (_, i) => finding('note', i + 1))] };
    const lines = formatGithub(over).trimEnd().split('\n');
    expect(lines).toHaveLength(24);
    expect(lines[23]).toBe('vtaplint: 3 of the messages above are not shown as annotations (GitHub shows at most 10 error, 10 warning and 10 notice annotations per step); this log has them all');
    const within: LintResult = { ...over, findings: over.findings.slice(0, 10) };
    expect(formatGithub(within)).not.toContain('not shown');
  });
});

