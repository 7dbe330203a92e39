// Our stylish and compact output read by VS Code's real $eslint-stylish and $eslint-compact
// problem matchers: every finding is matched with its file, line, column and severity.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, cli, findingsOf } from '../helpers.js';

// Copied from microsoft/vscode, src/vs/workbench/contrib/tasks/common/problemMatcher.ts,
// ProblemPatternRegistryImpl.fillDefaults(): the 'eslint-compact' and 'eslint-stylish' patterns.
// Older releases use /^([^\s].*)$/ as the stylish file line; newer ones the drive/slash form. Both are checked.
const ESLINT_COMPACT = /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/;
const ESLINT_STYLISH_FILE = [/^([^\s].*)$/, /^((?:[a-zA-Z]:)*[./\\]+.*?)$/];
const ESLINT_STYLISH_LOCATION = /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.+?)(?:\s\s+(.*))?$/;

interface Problem {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string | undefined;
}

/** VS Code's multi-line matching: a file line, then (loop) location lines until one does not match. */
function matchStylish(text: string, fileRe: RegExp): Problem[] {
  const out: Problem[] = [];
  let file: string | undefined;
  for (const line of text.split('\n')) {
    const loc = file !== undefined ? ESLINT_STYLISH_LOCATION.exec(line) : null;
    if (loc && file !== undefined) {
      out.push({ file, line: Number(loc[1]), column: Number(loc[2]), severity: loc[3] as string, code: loc[5] });
      continue;
    }
    const f = fileRe.exec(line);
    file = f ? f[1] : undefined;
  }
  return out;
}

function matchCompact(text: string): Problem[] {
  return text.split('\n').flatMap((line) => {
    const m = ESLINT_COMPACT.exec(line);
    return m ? [{ file: m[1] as string, line: Number(m[2]), column: Number(m[3]), severity: (m[4] as string).toLowerCase(), code: m[6] }] : [];
  });
}

const SEVERITY: Record<string, string> = { error: 'error', warning: 'warning', note: 'info' };

describe('VS Code problem matchers', () => {
  const args = ['examples', 'fixtures', 'test/integration/templates'];

  test('every finding, with the right file, line, column, severity and rule', async () => {
    const { findings } = await findingsOf(args);
    expect(findings.length).toBeGreaterThan(5);
    expect(new Set(findings.map((f) => f.level)).size).toBeGreaterThan(1);
    const expected = findings
      .map((f) => ({ file: path.join(REPO, f.file), line: f.line, column: f.column, severity: SEVERITY[f.level] as string, code: f.ruleId }))
      .sort((a, b) => (a.file + a.line + a.column + a.code < b.file + b.line + b.column + b.code ? -1 : 1));
    const sort = (p: Problem[]) => [...p].sort((a, b) => (a.file + a.line + a.column + a.code < b.file + b.line + b.column + b.code ? -1 : 1));

    const stylish = (await cli([...args, '--format', 'stylish', '--no-color'])).stdout;
    for (const fileRe of ESLINT_STYLISH_FILE) expect(sort(matchStylish(stylish, fileRe))).toEqual(expected);

    const compact = (await cli([...args, '--format', 'compact'])).stdout;
    expect(sort(matchCompact(compact))).toEqual(expected);
    expect(compact.trimEnd().split('\n').at(-1)).toBe(`${findings.length} problems`);
  });
});
