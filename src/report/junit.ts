// JUnit XML, the test-report format CI systems show without a plugin: Azure Pipelines'
// PublishTestResults (testResultsFormat: JUnit), GitLab's `artifacts:reports:junit`, Jenkins'
// junit step. Bicep's linter and ARM-TTK have none, and their users ask for it (Azure/bicep#2973).
// The layout follows ESLint's junit formatter, which those systems are known to read:
//   - one <testsuite> per file, named by its path from the lint root;
//   - one <testcase> per finding shown, named "<rule-id> (line:col)" (" #2", " #3" for more findings
//     of the rule there, as a copy loop's instances have), with the finding as a
//     <failure> (errors and warnings: what the user has to act on) or as <skipped> (notes: an
//     undecidable check or information, which neither fails the run nor should fail a test);
//   - a linted file with nothing to show is one passing <testcase>, so a clean run reads as
//     passed tests rather than as no tests at all;
//   - vtaplint's own messages are test cases of a suite named "vtaplint": an internal error is an
//     <error>; a warning (a folder it could not read, a -p value no template declares) is
//     <skipped>, which CI systems do not count as a failed run (the exit code did not fail either).
// Text is escaped for XML attributes and content, and characters XML 1.0 cannot hold at all
// (controls, lone surrogates, U+FFFE/U+FFFF) are shown as escapes: a consumer rejects the whole
// file for one of them.
import type { LintResult } from '../engine/lint.js';
import { relativePath } from '../engine/lint.js';
import type { Finding } from '../engine/finding.js';
import { oneLine, printable } from './printable.js';
import { shownNotifications } from './notification-tag.js';

/** Characters XML 1.0 does not allow, once `printable` has escaped the controls: lone surrogates, U+FFFE, U+FFFF. */
const NOT_XML = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

/** `s` as XML text or attribute value (double quotes escaped too: attributes are written in them). */
function xml(s: string): string {
  return printable(s)
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * Test case names made unique within their suite: GitLab keys a test case by suite, classname and
 * name and keeps the last of those with the same key (Gitlab::Ci::Reports::TestSuite#add_test_case),
 * so the findings of a copy loop, one per instance at the same line and column, were one test: 2,402
 * findings of one file showed as 5. The first keeps its name, the next get ' #2', ' #3', ...
 */
class UniqueNames {
  private readonly seen = new Map<string, number>();

  name(base: string): string {
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  }
}

function testcase(file: string, f: Finding, names: UniqueNames): string {
  const { line, column } = f.location.region.start;
  const name = names.name(`${f.ruleId} (${line}:${column})`);
  const text = `${file}:${line}:${column}: ${f.level}: ${oneLine(f.message)} [${f.ruleId}]`;
  const outcome = f.level === 'note' ? `<skipped message="${xml(text)}"/>` : `<failure type="${f.level}" message="${xml(oneLine(f.message))}">${xml(text)}</failure>`;
  return `    <testcase classname="${xml(file)}" name="${xml(name)}" time="0">${outcome}</testcase>\n`;
}

export function formatJunit(result: LintResult): string {
  // Findings by the file they are in (a module's land in the module, a .bicepparam's in its template).
  const byFile = new Map<string, Finding[]>();
  for (const r of result.files) if (r.kind === 'template') byFile.set(r.path, []);
  for (const f of result.findings) {
    const list = byFile.get(f.location.file.path);
    if (list) list.push(f);
    else byFile.set(f.location.file.path, [f]);
  }
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  const suites: string[] = [];
  for (const [abs, findings] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = relativePath(result.root, abs);
    const fails = findings.filter((f) => f.level !== 'note').length;
    const skips = findings.length - fails;
    const names = new UniqueNames();
    const cases = findings.length ? findings.map((f) => testcase(file, f, names)).join('') : `    <testcase classname="${xml(file)}" name="${xml(file)}" time="0"/>\n`;
    const count = Math.max(findings.length, 1);
    tests += count;
    failures += fails;
    skipped += skips;
    suites.push(`  <testsuite name="${xml(file)}" tests="${count}" failures="${fails}" errors="0" skipped="${skips}" time="0">\n${cases}  </testsuite>\n`);
  }
  // Not a notification that a finding shown above already says (an unreadable file's).
  const problems = shownNotifications(result).filter((n) => n.level !== 'note');
  const internal = problems.filter((n) => n.level === 'error').length;
  if (problems.length) {
    const names = new UniqueNames();
    const cases = problems.map((n) => {
      const where = n.file !== undefined ? `${relativePath(result.root, n.file)}${n.at ? `:${n.at.line}:${n.at.column}` : ''}` : 'vtaplint';
      const first = n.message.split('\n')[0] ?? '';
      const body = n.level === 'error'
        ? `<error type="${n.level}" message="${xml(oneLine(first))}">${xml(`${where}: ${n.level}: ${n.message}`)}</error>`
        : `<skipped message="${xml(oneLine(`${where}: ${n.level}: ${first}`))}"/>`;
      return `    <testcase classname="vtaplint" name="${xml(names.name(where))}" time="0">${body}</testcase>\n`;
    });
    tests += problems.length;
    skipped += problems.length - internal;
    suites.push(`  <testsuite name="vtaplint" tests="${problems.length}" failures="0" errors="${internal}" skipped="${problems.length - internal}" time="0">\n${cases.join('')}  </testsuite>\n`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="vtaplint" tests="${tests}" failures="${failures}" errors="${internal}" skipped="${skipped}" time="0">\n${suites.join('')}</testsuites>\n`;
}
