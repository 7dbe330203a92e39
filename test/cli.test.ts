// The CLI contract: options, output files, exit codes, and one broken file not hiding the others.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, copyFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, cli, findingsOf, workspace as tempFolder } from './helpers.js';
import { defaultJobs, lintRoot, writeChunks } from '../src/cli/main.js';
import { OPTIONS } from '../src/cli/args.js';
import { RULES } from '../rules/index.js';

const GOOD = path.join(REPO, 'test/data/supported-region.json');
const BAD_REGION = path.join(REPO, 'test/data/unsupported-region.json');
const COMING_SOON = path.join(REPO, 'test/data/coming-soon-region.json');

const workspace = (files: Record<string, string>): string => tempFolder(files, 'vtaplint-cli-');

describe('exit codes', () => {
  test('0 when there is no error-level finding', async () => {
    expect((await cli([GOOD])).code).toBe(0);
  });
  test('1 for error-level findings', async () => {
    expect((await cli([BAD_REGION])).code).toBe(1);
  });
  test('0 for warnings alone, 1 when warnings exceed --max-warnings', async () => {
    expect((await cli([COMING_SOON])).code).toBe(0);
    expect((await cli([COMING_SOON, '--max-warnings', '1'])).code).toBe(0);
    const r = await cli([COMING_SOON, '--max-warnings', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--max-warnings');
    // One warning is "1 warning", not "1 warnings".
    expect(r.stderr).toBe('vtaplint: 1 warning, more than --max-warnings 0\n');
    // --quiet hides warnings but they still count, as in ESLint.
    const quiet = await cli([COMING_SOON, '--max-warnings', '0', '--quiet']);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toBe('');
  });
  test('2 for bad usage, with a one-line reason', async () => {
    for (const args of [['--format', 'xml'], ['--no-such-option'], ['--max-warnings', 'many'], ['--max-warnings', '-1'], ['-j', '-3'], ['eval']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/^vtaplint: /);
    }
  });
  test('an unknown option or a missing value is said in plain words, with the near option when there is one', async () => {
    // Was node's text: "Unknown option '--max-warning'. To specify a positional argument starting
    // with a '-', place it at the end of the command after '--', as in '-- "--max-warning"" (the quote left open).
    const said = async (...args: string[]) => (await cli(args)).stderr.split('\n')[0];
    expect(await said('--max-warning', '0')).toBe("vtaplint: unknown option '--max-warning'; did you mean '--max-warnings'?");
    expect(await said('--parameter', 'p.json')).toBe("vtaplint: unknown option '--parameter'; did you mean '--parameters'?");
    expect(await said('--no-colour')).toBe("vtaplint: unknown option '--no-colour'; did you mean '--no-color'?");
    expect(await said('--bogus')).toBe("vtaplint: unknown option '--bogus' (a path that starts with '-' goes after '--': vtaplint -- --bogus)");
    expect(await said('-x')).toBe("vtaplint: unknown option '-x' (a path that starts with '-' goes after '--': vtaplint -- -x)");
    expect(await said('--format')).toBe('vtaplint: option -f, --format needs a value');
    expect(await said('--quiet=yes')).toBe('vtaplint: option -q, --quiet takes no value');
    // A misspelt format is named with the one meant, as a misspelt option is.
    expect(await said('--format', 'sarfi')).toBe("vtaplint: unknown format 'sarfi'; did you mean 'sarif'? (use stylish, compact, json, sarif, github, unix, junit, codeclimate)");
    expect(await said('-f', 'SARIF')).toBe("vtaplint: unknown format 'SARIF'; did you mean 'sarif'? (use stylish, compact, json, sarif, github, unix, junit, codeclimate)");
    expect(await said('graph', 'x.json', '--format', 'txt')).toBe("vtaplint: unknown format 'txt'; did you mean 'text'? (use json, text)");
    expect(await said('--format', 'xml')).toBe('vtaplint: unknown format \'xml\' (use stylish, compact, json, sarif, github, unix, junit, codeclimate)');
    // An empty path (`-o "$REPORT"` with REPORT unset) would silently read as not given.
    for (const [opt, name] of [['-o', '--output'], ['--config', '--config'], ['--baseline', '--baseline'], ['--context', '--context'], ['--parameters', '--parameters']]) {
      const r = await cli([opt as string, '', GOOD]);
      expect(r.code, opt).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`vtaplint: option ${name} needs a file or folder, got an empty string`);
    }
  });
  test('2 for a .bicepparam given as --parameters, saying to name it instead', async () => {
    const dir = workspace({ 'main.bicep': "param location string\noutput l string = location\n", 'prod.bicepparam': "using 'main.bicep'\nparam location = 'eastus'\n" });
    const r = await cli(['eval', 'main.bicep', '--parameters', 'prod.bicepparam'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("vtaplint: --parameters takes ARM parameters files (.json) and .bicepparam files with 'using none'; name 'prod.bicepparam' itself instead (vtaplint eval prod.bicepparam): it names its template with 'using'\n");
    const named = await cli(['eval', 'prod.bicepparam'], dir);
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout)).toEqual({ outputs: { l: { type: 'string', value: 'eastus' } } });
  });
  test('2 for a path that matches nothing, saying what is there (nothing, a dangling or looping link, a pipe) or that a glob matched nothing', async () => {
    const r = await cli(['no/such/file.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("vtaplint: no such file or folder 'no/such/file.json'\n");
    const glob = await cli(['no/such/*.bicep']);
    expect([glob.code, glob.stderr]).toEqual([2, "vtaplint: no files match 'no/such/*.bicep'\n"]);
    if (process.platform !== 'win32') {
      const dir = workspace({ 'keep.txt': '' });
      symlinkSync('gone.bicep', path.join(dir, 'dangling.bicep'));
      symlinkSync('dangling.bicep', path.join(dir, 'chain.bicep'));
      symlinkSync('loop-b.json', path.join(dir, 'loop-a.json'));
      symlinkSync('loop-a.json', path.join(dir, 'loop-b.json'));
      execFileSync('mkfifo', [path.join(dir, 'pipe.bicep')]);
      const named = await cli(['dangling.bicep', 'chain.bicep', 'loop-a.json', 'pipe.bicep'], dir);
      expect(named.code).toBe(2);
      expect(named.stderr).toBe(
        [
          "vtaplint: 'dangling.bicep' is a symbolic link to 'gone.bicep', which does not exist",
          "vtaplint: 'chain.bicep' is a symbolic link to 'dangling.bicep', a link to 'gone.bicep', which does not exist",
          "vtaplint: 'loop-a.json' is a symbolic link that leads back to itself (a loop)",
          "vtaplint: 'pipe.bicep' is not a file or folder (a device, pipe or socket): nothing to lint",
          '',
        ].join('\n'),
      );
    }
  });
  test('2 for a path that matches nothing next to one that does, whose findings are still reported (SARIF names the path)', async () => {
    const r = await cli([BAD_REGION, 'no/such/file.json', '--format', 'sarif']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no such file or folder 'no/such/file.json'");
    const run = (JSON.parse(r.stdout) as { runs: { results: { ruleId: string }[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string } }[] }[] }[] }).runs[0]!;
    expect(run.results.some((x) => x.ruleId === 'vtap-supported-region')).toBe(true);
    // A run that ends with 2 is not a successful one (SARIF 3.20.14), and says why at error level.
    expect(run.invocations[0]?.executionSuccessful).toBe(false);
    expect(run.invocations[0]?.toolExecutionNotifications?.map((n) => [n.level, n.message.text])).toContainEqual(['error', "no files match 'no/such/file.json'"]);
    // JSON keeps it as the warning it was (no internal error on stderr).
    const json = await cli([BAD_REGION, 'no/such/file.json', '--format', 'json']);
    expect(json.code).toBe(2);
    expect(json.stderr).not.toContain('internal error');
    expect((JSON.parse(json.stdout) as { notifications: { message: string }[] }).notifications.map((n) => n.message)).toContain("no files match 'no/such/file.json'");
  });
  test('2 for a --parameters file that does not exist; a parameters entry without "value" is an error at the entry', async () => {
    const missing = await cli([GOOD, '--parameters', 'no/such/params.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--parameters: no such file 'no/such/params.json'");
    const dir = workspace({ 't.json': readFileSync(GOOD, 'utf8'), 'p.json': '{"parameters": {"location": "westeurope"}}' });
    const { findings } = await findingsOf(['t.json', '--parameters', 'p.json'], dir);
    expect(findings.filter((f) => f.ruleId === 'invalid-template').map((f) => [f.file, f.line, f.column, f.message])).toEqual([
      ['p.json', 1, 29, 'The parameter \'location\' in the parameters file has no "value" (write it as { "value": ... }, or a Key Vault { "reference": ... }).'],
    ]);
  });
  test('2 for a --parameters path that is a folder or a device, saying what it is (it is there: not "no such file")', async () => {
    const dir = workspace({ 't.json': readFileSync(GOOD, 'utf8'), 'env/prod.json': '{"parameters": {}}' });
    const folder = await cli(['t.json', '--parameters', 'env'], dir);
    expect([folder.code, folder.stderr]).toEqual([2, "vtaplint: --parameters: 'env' is a folder, not a parameters file: name the file (env/<name>.json)\n"]);
    if (process.platform !== 'win32') {
      const device = await cli(['t.json', '--parameters', '/dev/null'], dir);
      expect([device.code, device.stderr]).toEqual([2, "vtaplint: --parameters: '/dev/null' is not a regular file (a device, pipe or socket): name a parameters file\n"]);
    }
  });
  test('2 for a --parameters path that is a Bicep template (it was "invalid JSON: unexpected character" at 1:1 of a file that is fine)', async () => {
    const dir = workspace({ 'main.bicep': "param location string\n", 'modules/tap.bicep': "param location string\n" });
    const r = await cli(['modules', '--parameters', 'main.bicep'], dir);
    expect([r.code, r.stderr, r.stdout]).toEqual([2, "vtaplint: --parameters: 'main.bicep' is a Bicep template, not a parameters file: lint it as a path, and give its parameter values in an ARM parameters file (.json) or a .bicepparam file\n", '']);
  });
  test('2 for a -p value nested deeper than any file may be (2048 levels), not an internal error', async () => {
    // JSON.parse took 50,000 levels, and turning them into a value overflowed the stack:
    // 'internal error while linting: RangeError: Maximum call stack size exceeded', for every template.
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    for (const args of [[GOOD], ['eval', GOOD]]) {
      const r = await cli([...args, '-p', `location=${deep}`]);
      expect([r.code, r.stderr]).toEqual([2, "vtaplint: -p location: the value is nested more than 2048 levels deep (the most maxJsonDepth allows in a file)\nRun 'vtaplint --help' for usage.\n"]);
    }
    // A string that only looks deep is a plain string: not refused.
    expect((await cli([GOOD, '-p', `location="${'['.repeat(3000)}"`])).code).not.toBe(2);
  });
  test('a template given as a parameters file (--parameters, or named x.parameters.json) is one error saying so, at its resources', async () => {
    const template = (params: Record<string, unknown>) =>
      JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters: params, resources: [] }, null, 2);
    const dir = workspace({
      't.json': readFileSync(GOOD, 'utf8'),
      'other.json': template({ location: { type: 'string', defaultValue: 'eastus' }, prefix: { type: 'string' } }),
      // A template without $schema under a parameters file's name, beside the template it would give values to.
      'a.json': template({ location: { type: 'string' } }),
      'a.parameters.json': JSON.stringify({ contentVersion: '1.0.0.0', parameters: { location: { type: 'string' } }, resources: [] }),
    });
    const message = (name: string) => `'${name}' is an ARM template (it declares resources), not a parameters file: lint it as a path, and give parameter values in a file of the form {"parameters": {"name": {"value": ...}}}`;
    // Each parameter was an error of its own ('The parameter 'location' in the parameters file
    // has no "value"'), which did not say that the file was a template.
    const given = await findingsOf(['t.json', '--parameters', 'other.json'], dir);
    expect(given.findings.filter((f) => f.file === 'other.json').map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual([['invalid-template', 13, 16, message('other.json')]]);
    const beside = await findingsOf(['a.json'], dir);
    expect(beside.findings.map((f) => [f.file, f.ruleId, f.line, f.column, f.message])).toEqual([['a.parameters.json', 'invalid-template', 1, 85, message('a.parameters.json')]]);
  });
  test('2 when the report cannot be written, naming the path (not an internal error)', async () => {
    const dir = workspace({ 't.json': readFileSync(GOOD, 'utf8'), 'afile': 'x' });
    for (const out of ['.', 'afile/report.json']) {
      const r = await cli(['t.json', '-o', out], dir);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^vtaplint: cannot write the report to '${out.replace('.', '\\.')}': E[A-Z]+`));
      expect(r.stderr).not.toContain('internal error');
    }
  });
  test('-o naming a file the run lints is refused and the file kept; other JSON the run passed over (an earlier report) is written over', async () => {
    const template = readFileSync(GOOD, 'utf8');
    const dir = workspace({ 't.json': template, 'report.json': '{"old": true}' });
    const r = await cli(['.', '--format', 'sarif', '-o', 't.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("vtaplint: cannot write the report to 't.json': it is a file this run lints, and is not written over; name another file\n");
    expect(readFileSync(path.join(dir, 't.json'), 'utf8')).toBe(template);
    // Nor through a link to it (or another spelling of its name where names ignore case).
    symlinkSync(path.join(dir, 't.json'), path.join(dir, 'link.sarif'));
    const linked = await cli(['.', '--format', 'sarif', '-o', 'link.sarif'], dir);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain("cannot write the report to 'link.sarif': it is a file this run lints");
    expect(readFileSync(path.join(dir, 't.json'), 'utf8')).toBe(template);
    expect((await cli(['.', '--format', 'json', '-o', 'report.json'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'))).toHaveProperty('findings');
  });
  test('-o naming a folder is said in plain words before anything is linted', async () => {
    // Was 'EISDIR' alone, after the whole lint had run (minutes on a large repository).
    const dir = workspace({ 't.json': readFileSync(GOOD, 'utf8'), 'reports/keep': '' });
    for (const args of [['t.json', '-o', 'reports'], ['--list-rules', '-o', 'reports']]) {
      const r = await cli(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe("vtaplint: cannot write the report to 'reports': EISDIR (it is a folder: name a file in it, as -o reports/vtaplint.sarif)\n");
    }
    // Checked before the lint: the paths are not even looked at (no word about the missing one).
    const r = await cli(['t.json', 'missing.json', '-o', 'reports'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("vtaplint: cannot write the report to 'reports': EISDIR (it is a folder: name a file in it, as -o reports/vtaplint.sarif)\n");
  });
  test('makes the folders of --output, and a folder that cannot be made is an error, not a hang', async () => {
    const dir = workspace({ 't.json': readFileSync(GOOD, 'utf8') });
    const made = await cli(['t.json', '-f', 'json', '-o', 'reports/a/b/vtaplint.json'], dir);
    expect(made.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports/a/b/vtaplint.json'), 'utf8'))).toHaveProperty('findings');
    if (!existsSync('/proc/self')) return; // Linux: under /proc, mkdir says ENOENT although the parent exists
    // Node's mkdirSync(..., { recursive: true }) never returns there: run the command, with a time limit.
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin/vtaplint.cjs'), 't.json', '-o', '/proc/vtaplint-none/out/r.json'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(r.error, 'the command did not finish').toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^vtaplint: cannot write the report to '\/proc\/vtaplint-none\/out\/r\.json': ENOENT/);
  });
  test('a .gitignore pattern whose regular expression backtracked exponentially is applied, without a hang or a warning', () => {
    // The `ignore` package (globby's gitignore matcher) ran for minutes on this line and this name;
    // the line was then left out with a warning. It now applies as git applies it.
    const name = `${'a'.repeat(34)}.json`;
    const dir = workspace({ '.gitignore': 'ignored.json\n*a*a*a*a*a*a*a*a*a*a*a*a*c\n*a*a*a*a*a*a*a*a*a*a*a*a*n\n', [name]: readFileSync(GOOD, 'utf8'), 'ignored.json': readFileSync(GOOD, 'utf8'), 'kept.json': readFileSync(GOOD, 'utf8'), 'sub/.gitignore': '# x\n\\*a\\*a\\*a\\*a\\*a\n!*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*n\n', [`sub/${name}`]: readFileSync(GOOD, 'utf8') });
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin/vtaplint.cjs'), '.', '-f', 'json'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(r.error, 'the command did not finish').toBeUndefined();
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { summary: { files: number }; findings: { file: string }[]; notifications: unknown[] };
    // kept.json, and sub's name of 34 a's, which sub/.gitignore takes back (20 a's and an n); not the
    // top one (12 a's and an n), nor ignored.json.
    expect(report.summary.files).toBe(2);
    expect(report.notifications).toEqual([]);
  });

  test('2 for a config that is not valid JSON, at its line and column', async () => {
    const dir = workspace({ 'vtaplint.config.json': '{\n  "rules": {\n    "vtap-supported-region": "off",\n  }\n}\n', 't.json': readFileSync(GOOD, 'utf8') });
    const r = await cli(['.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/vtaplint\.config\.json:4:3: the configuration is not valid JSON: property name expected/);
  });
  test('the last of --color and --no-color wins', async () => {
    expect((await cli([BAD_REGION, '--format', 'stylish', '--no-color', '--color'])).stdout).toContain('\u001b[');
    expect((await cli([BAD_REGION, '--format', 'stylish', '--color', '--no-color'])).stdout).not.toContain('\u001b[');
  });
  test('2 for a config error of meaning, at the line and column of the key or value', async () => {
    const cases: [string, string][] = [
      ['{\n  "rules": {\n    "vtap-supported-region": "warn"\n  }\n}\n', ':3:30: "rules.vtap-supported-region" must be one of off, note, warning, error'],
      ['{\n  "rules": {\n    "no-such-rule": "off"\n  }\n}\n', ':3:5: unknown rule "no-such-rule" in "rules"'],
      ['{\n  "suppressions": [\n    {"rule": "vtap-no-ipv6", "reson": "y"}\n  ]\n}\n', ':3:30: unknown key "suppressions[0].reson"; did you mean "reason"?'],
      ['{\n  "tags": {"temprary": "off"}\n}\n', ':2:12: unknown tag "temprary"'],
      ['{\n  "suppressions": [{"rule": "vtap-no-ipv6", "expires": "2026-02-30"}]\n}\n', ':2:56: "suppressions[0].expires" is not a date'],
      ['{\n  "rulez": {}\n}\n', ':2:3: unknown key "rulez"'],
    ];
    for (const [text, message] of cases) {
      const dir = workspace({ 'vtaplint.config.json': text, 't.json': readFileSync(GOOD, 'utf8') });
      const r = await cli(['.'], dir);
      expect(r.code, message).toBe(2);
      expect(r.stderr, message).toContain(`vtaplint.config.json${message}`);
    }
  });
  test('2 for a config with an unknown key, naming the key', async () => {
    const dir = workspace({ 'vtaplint.config.json': '{"rulez": {}}', 't.json': readFileSync(GOOD, 'utf8') });
    const r = await cli(['.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown key "rulez"');
  });
  test('2 for a config with an unknown tag or a suppression expiring on a day that does not exist', async () => {
    const tag = workspace({ 'vtaplint.config.json': '{"tags": {"temprary": "off"}}', 't.json': readFileSync(GOOD, 'utf8') });
    const r1 = await cli(['.'], tag);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('unknown tag "temprary" in "tags"');
    for (const expires of ['2099-13-45', '2026-02-30']) {
      const dir = workspace({ 'vtaplint.config.json': JSON.stringify({ suppressions: [{ rule: 'vtap-supported-region', reason: 'legacy', expires }] }), 't.json': readFileSync(GOOD, 'utf8') });
      const r = await cli(['.'], dir);
      expect(r.code, expires).toBe(2);
      expect(r.stderr).toContain(`"suppressions[0].expires" is not a date: '${expires}'`);
    }
    // A real date (a leap day) is fine.
    const leap = workspace({ 'vtaplint.config.json': JSON.stringify({ suppressions: [{ rule: 'vtap-supported-region', reason: 'legacy', expires: '2096-02-29' }] }), 't.json': readFileSync(GOOD, 'utf8') });
    expect((await cli(['.'], leap)).code).not.toBe(2);
  });
  test('2 for a config with a bad level or an unknown rule', async () => {
    const bad = workspace({ 'c.json': '{"rules": {"vtap-supported-region": "fatal"}}' });
    expect((await cli([GOOD, '--config', path.join(bad, 'c.json')])).stderr).toContain('must be one of off, note, warning, error');
    const unknown = workspace({ 'c.json': '{"rules": {"vtap-no-such-rule": "off"}}' });
    const r = await cli([GOOD, '--config', path.join(unknown, 'c.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "vtap-no-such-rule"');
    // A typo names the rule or tag spelt alike.
    const typo = workspace({ 'c.json': '{"rules": {"vtap-suported-region": "off"}}' });
    expect((await cli([GOOD, '--config', path.join(typo, 'c.json')])).stderr).toContain('unknown rule "vtap-suported-region" in "rules"; did you mean "vtap-supported-region"?');
    const tag = workspace({ 'c.json': '{"tags": {"temporay": "off"}}' });
    expect((await cli([GOOD, '--config', path.join(tag, 'c.json')])).stderr).toContain('unknown tag "temporay" in "tags"; did you mean "temporary"? (the rules\' tags: ');
  });
  test('2 for a config that gives a key twice (JSON.parse kept the last silently)', async () => {
    // A second "rules" at the end (pasted from another repository) dropped the first one whole.
    const twice = ['{', '  "rules": { "vtap-supported-region": "off" },', '  "deployment": { "location": "eastus" },', '  "rules": { "vtap-no-ipv6": "warning" }', '}'].join('\n');
    const dir = workspace({ 'vtaplint.config.json': twice, 't.json': readFileSync(GOOD, 'utf8') });
    const r = await cli(['.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`vtaplint: ${path.join(dir, 'vtaplint.config.json')}:4:3: "rules" is given twice (first at line 2, column 3): JSON keeps only the last; merge them\n`);
    // Within an object too: the level written first was not the one used.
    const rule = workspace({ 'c.json': '{"rules": {"vtap-no-ipv6": "off",\n "vtap-no-ipv6": "error"}}' });
    const r2 = await cli([GOOD, '--config', path.join(rule, 'c.json')]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('c.json:2:2: "rules.vtap-no-ipv6" is given twice (first at line 1, column 12)');
  });
});

describe('a reader that stops early', () => {
  test('the CLI ends quietly when the pipe it writes to is closed (vtaplint ... | head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(REPO, 'bin/vtaplint.cjs'), 'fixtures', 'examples', '--format', 'sarif'], { cwd: REPO });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read one chunk, then close our end of the pipe, as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect([0, 1]).toContain(code);
  });
});

describe('writing a large report', () => {
  test('in pieces of about a million characters that join to the report, never splitting a surrogate pair', () => {
    const small: string[] = [];
    writeChunks('short', (c) => small.push(c));
    expect(small).toEqual(['short']);
    // A pair straddles the first boundary: U+1F600 as its two halves at 1048575 and 1048576.
    const text = `${'a'.repeat((1 << 20) - 1)}\u{1F600}${'b'.repeat(1 << 20)}\u00e9`;
    const pieces: string[] = [];
    writeChunks(text, (c) => pieces.push(c));
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBe(3);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(1 << 20);
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p); // each piece encodes alone, no U+FFFD
    }
    expect(Buffer.concat(pieces.map((p) => Buffer.from(p, 'utf8'))).toString('utf8')).toBe(text);
  });
});

describe('options', () => {
  test('--version and --help', async () => {
    const v = await cli(['--version']);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    const h = await cli(['--help']);
    expect(h.code).toBe(0);
    for (const opt of ['--format', '--output', '--config', '--max-warnings', '--quiet', '--no-color', '--list-rules', '--version']) expect(h.stdout).toContain(opt);
    // Every option the parser accepts is in the help, with its short form; and the file types linted.
    for (const [name, o] of Object.entries(OPTIONS)) expect(h.stdout, name).toMatch(new RegExp(`${'short' in o ? `-${o.short}, ` : ''}--${name}\\b`));
    expect(h.stdout).toContain('(.json, .jsonc)');
  });
  test('--list-rules prints id, level, tags and description of every rule', async () => {
    const r = await cli(['--list-rules']);
    const line = r.stdout.split('\n').find((l) => l.startsWith('vtap-source-vm-size-v6'));
    expect(line).toMatch(/^vtap-source-vm-size-v6\s+error\s+vtap,temporary\s+A VM whose network interface/);
  });
  test('--explain RULE prints the rule\'s documentation (the text SARIF carries as help.markdown) and where it is online', async () => {
    const r = await cli(['--explain', 'vtap-no-ipv6']);
    expect(r.code).toBe(0);
    const rule = RULES.find((x) => x.meta.id === 'vtap-no-ipv6');
    expect(r.stdout.startsWith(rule?.docs ?? '?')).toBe(true);
    expect(r.stdout).toContain('## How to fix');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Online: https://github.com/vtaplint/vtaplint/blob/main/rules/vtap-no-ipv6.md');
    // The rule's name (as SARIF's rules[].name) and any case find it too.
    expect((await cli(['--explain', 'VtapNoIpv6'])).stdout).toBe(r.stdout);
  });
  test('--explain of an unknown rule is bad usage that names the rule spelt alike', async () => {
    const r = await cli(['--explain', 'vtap-noipv6']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("vtaplint: no rule 'vtap-noipv6'; did you mean 'vtap-no-ipv6'? (vtaplint --list-rules lists them)\n");
  });
  test('--explain of an unknown rule shows control characters of the id as escapes, not raw to the terminal', async () => {
    const r = await cli(['--explain', 'x\u001b[2J']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain("no rule 'x\\u001b[2J'");
    const listed = await cli(['--list-rules', 'x\u001b[2J']);
    expect(listed.code).toBe(2);
    expect(listed.stderr).not.toContain('\u001b');
  });
  test('--explain RULE --format json prints one JSON object (the JSON report\'s rule metadata, the documentation as help.markdown, helpUri); --list-rules --format json an array; -o writes it; another format is bad usage', async () => {
    const r = await cli(['--explain', 'vtap-no-ipv6', '--format', 'json']);
    expect(r.code).toBe(0);
    const rule = RULES.find((x) => x.meta.id === 'vtap-no-ipv6');
    const o = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(o).toMatchObject({ id: 'vtap-no-ipv6', name: 'VtapNoIpv6', defaultLevel: 'error', tags: ['vtap'], shortDescription: rule?.meta.shortDescription, helpUri: 'https://github.com/vtaplint/vtaplint/blob/main/rules/vtap-no-ipv6.md' });
    expect((o.help as { markdown: string }).markdown.startsWith(rule?.docs ?? '?')).toBe(true);
    const list = await cli(['--list-rules', '-f', 'json']);
    expect(list.code).toBe(0);
    const rules = JSON.parse(list.stdout) as { id: string; helpUri: string }[];
    expect(rules.map((x) => x.id)).toEqual(RULES.map((x) => x.meta.id));
    // The same objects as the JSON report's rules[].
    expect(rules.find((x) => x.id === 'vtap-no-ipv6')).toEqual({ ...rule?.meta, helpUri: o.helpUri });
    const dir = workspace({});
    const out = path.join(dir, 'docs', 'rule.json');
    const written = await cli(['--explain', 'vtap-no-ipv6', '-f', 'json', '-o', out]);
    expect([written.code, written.stdout]).toEqual([0, '']);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
    const sarif = await cli(['--explain', 'vtap-no-ipv6', '--format', 'sarif']);
    expect([sarif.code, sarif.stdout]).toEqual([2, '']);
    expect(sarif.stderr).toContain("--explain prints text, or JSON with --format json; it has no format 'sarif'");
    expect((await cli(['--list-rules', '-f', 'junit'])).code).toBe(2);
  });
  test('--list-rules and --explain with paths are bad usage, not paths silently ignored', async () => {
    const r = await cli(['--list-rules', 'vtap-no-ipv6']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("--list-rules takes no paths, got 'vtap-no-ipv6' (to read one rule's documentation: vtaplint --explain vtap-no-ipv6)");
    expect((await cli(['--explain', 'vtap-no-ipv6', 'main.bicep'])).code).toBe(2);
    expect((await cli(['eval', 'main.bicep', '--explain', 'vtap-no-ipv6'])).stderr).toContain('eval does not take --explain');
  });
  test('--list-rules and --explain with options of the lint, or with each other, are bad usage, not options silently ignored', async () => {
    // `--list-rules --explain vtap-no-ipv6` printed the list; `--explain X --baseline b.sarif
    // --max-warnings 0` printed the page, as if the lint had run and passed.
    const said = async (...args: string[]) => {
      const r = await cli(args);
      return [r.code, r.stdout, r.stderr.split('\n')[0]];
    };
    expect(await said('--list-rules', '--explain', 'vtap-no-ipv6')).toEqual([2, '', 'vtaplint: --list-rules and --explain do not go together: use one']);
    expect(await said('--explain', 'vtap-no-ipv6', '--max-warnings', '0')).toEqual([2, '', 'vtaplint: --explain does not take --max-warnings (an option of the lint)']);
    expect(await said('--list-rules', '--baseline', 'b.sarif')).toEqual([2, '', 'vtaplint: --list-rules does not take --baseline (an option of the lint)']);
    expect(await said('--list-rules', '-p', 'a=1')).toEqual([2, '', 'vtaplint: --list-rules does not take --param (an option of the lint)']);
    // What they do use is fine: the format, the output file, colours.
    expect((await cli(['--list-rules', '--format', 'json', '--no-color'])).code).toBe(0);
  });
  test('--output writes the report to a file', async () => {
    const dir = workspace({});
    const out = path.join(dir, 'reports', 'v.sarif');
    const r = await cli([BAD_REGION, '--format', 'sarif', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });
  test('--format unix shows paths relative to the CLI\'s working directory, not the process\'s', async () => {
    const dir = workspace({ 'sub/t.json': readFileSync(BAD_REGION, 'utf8') });
    const r = await cli(['sub', '--format', 'unix'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('sub/t.json:89:19: error: ');
    expect(r.stdout.split('\n').filter(Boolean).every((l) => l.startsWith('sub/t.json:'))).toBe(true);
  });
  test('stylish, compact and unix write the places in other files a message names from the current folder, so they resolve where the user is', async () => {
    const dir = workspace({
      'infra/main.bicep': "module tap 'modules/tap.bicep' = {\n  name: 'tap'\n  params: {\n    location: 'westeurope'\n  }\n}\n",
      'infra/modules/tap.bicep': "param location string\n\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap1'\n  location: location\n}\n",
      'docs/readme.md': '',
    });
    // Run from a sibling folder: the lint root is infra/, the current folder docs/.
    const cwd = path.join(dir, 'docs');
    for (const format of ['stylish', 'compact', 'unix']) {
      const r = await cli(['../infra', '--format', format, '--no-color'], cwd);
      expect(r.stdout, format).toContain("(../infra/main.bicep:4:15: the value of parameter 'location' is given here)");
    }
    const unix = await cli(['../infra', '--format', 'unix'], cwd);
    expect(unix.stdout).toMatch(/^\.\.\/infra\/modules\/tap\.bicep:5:13: error: TAP 'tap1'/m);
  });
  test('-p gives a string parameter its text as written (also when it reads as a number, true or a JSON string, as the Azure CLI passes it); objects and arrays read the value as JSON', async () => {
    const arm = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { prefix: { type: 'string' }, flag: { type: 'string' }, quoted: { type: 'string' }, count: { type: 'int' }, tags: { type: 'object' } },
      resources: [],
      outputs: {
        prefix: { type: 'string', value: "[parameters('prefix')]" },
        flag: { type: 'string', value: "[parameters('flag')]" },
        quoted: { type: 'string', value: "[parameters('quoted')]" },
        count: { type: 'int', value: "[add(parameters('count'), 1)]" },
        tags: { type: 'object', value: "[parameters('tags')]" },
      },
    });
    const dir = workspace({ 't.json': arm, 'b.bicep': "param prefix string\noutput isText bool = prefix == '10'\n" });
    const r = await cli(['eval', 't.json', '-p', 'prefix=10', '-p', 'flag=true', '-p', 'quoted="x"', '-p', 'count=5', '-p', 'tags={"env":"prod"}'], dir);
    expect(r.code).toBe(0);
    const values = Object.fromEntries(Object.entries((JSON.parse(r.stdout) as { outputs: Record<string, { value: unknown }> }).outputs).map(([k, v]) => [k, v.value]));
    // az passes a string parameter's text unchanged: '"x"' keeps its quotes (azure-cli's _try_parse_key_value_object).
    expect(values).toEqual({ prefix: '10', flag: 'true', quoted: '"x"', count: 6, tags: { env: 'prod' } });
    // The Azure CLI's other spelling, --parameters NAME=VALUE (a file first, as az tries); -p wins over it.
    expect(JSON.parse((await cli(['eval', 't.json', '--parameters', 'prefix=https://example.com/x.json'], dir)).stdout).outputs.prefix.value).toBe('https://example.com/x.json');
    const spelled = await cli(['eval', 't.json', '--parameters', 'prefix=10', '--parameters', 'count=5', '-p', 'count=7'], dir);
    expect(JSON.parse(spelled.stdout).outputs.prefix.value).toBe('10');
    expect(JSON.parse(spelled.stdout).outputs.count.value).toBe(8);
    const b = await cli(['eval', 'b.bicep', '-p', 'prefix=10'], dir);
    expect(JSON.parse(b.stdout)).toEqual({ outputs: { isText: { type: 'bool', value: true } } });
  });
  test('--parameters takes JSON written inline, as the Azure CLI does (with or without the "parameters" wrapper); -p wins over it', async () => {
    // It was read as the name of a file, and the run stopped: "no such file".
    const arm = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { location: { type: 'string' }, count: { type: 'int' }, tags: { type: 'object', defaultValue: {} }, zones: { type: 'array', defaultValue: [] } },
      resources: [],
      outputs: {
        location: { type: 'string', value: "[parameters('location')]" },
        count: { type: 'int', value: "[parameters('count')]" },
        tags: { type: 'object', value: "[parameters('tags')]" },
        zones: { type: 'array', value: "[parameters('zones')]" },
      },
    });
    const dir = workspace({ 't.json': arm });
    const values = async (...args: string[]) => {
      const r = await cli(['eval', 't.json', ...args], dir);
      expect(r.stderr).toBe('');
      return Object.fromEntries(Object.entries((JSON.parse(r.stdout) as { outputs: Record<string, { value: unknown }> }).outputs).map(([k, v]) => [k, v.value]));
    };
    const inline = JSON.stringify({ location: { value: 'eastus' }, count: { value: 3 }, tags: { value: { env: 'prod' } }, zones: { value: ['1', '2'] } });
    expect(await values('--parameters', inline)).toEqual({ location: 'eastus', count: 3, tags: { env: 'prod' }, zones: ['1', '2'] });
    // A parameters file's whole text pasted: its "parameters" are the parameters.
    expect(await values('--parameters', ` {"$schema": "x", "parameters": {"location": {"value": "westus"}, "count": {"value": 1}}}`)).toEqual({ location: 'westus', count: 1, tags: {}, zones: [] });
    expect((await values('--parameters', inline, '-p', 'count=7')).count).toBe(7);
    // The JSON reaches ARM as written, as az sends it: not converted as -p text is. A number for a
    // string parameter is ARM's type error; an integer beyond 2^53 keeps its digits.
    const typed = await cli(['t.json', '--parameters', '{"location": {"value": 5}, "count": {"value": 9007199254740993}}', '--format', 'unix'], dir);
    expect(typed.stdout).toMatch(/^t\.json:\d+:\d+: error: The provided value for the template parameter 'location' is not valid\. Expected a value of type 'String', but received a value of type 'Integer'\./);
    const exact = await cli(['eval', 't.json', '--parameters', '{"location": {"value": "x"}, "count": {"value": 9007199254740993}}'], dir);
    expect(exact.stdout).toContain('"value": 9007199254740993');
    // Over one template, a name it does not declare is ARM's error, said as the inline JSON's.
    const undeclared = await cli(['t.json', '--parameters', '{"location": {"value": "x"}, "count": {"value": 1}, "locaton": {"value": "y"}}', '--format', 'unix'], dir);
    expect(undeclared.stdout).toContain("error: the inline --parameters JSON gives a value for the parameter 'locaton', which the template does not declare");
    // What is not the Azure CLI's form is bad usage, said before anything is linted.
    const said = async (arg: string) => {
      const r = await cli(['t.json', '--parameters', arg], dir);
      return [r.code, r.stderr.split('\n')[0]];
    };
    expect(await said('{"location": "eastus"}')).toEqual([2, 'vtaplint: --parameters: the inline parameter \'location\' needs the form {"location": {"value": ...}}']);
    expect(await said('{"location": {"value": "eastus"}')).toEqual([2, expect.stringMatching(/^vtaplint: --parameters: the inline JSON is not valid JSON \(/)]);
    expect(await said('{"pw": {"reference": {"keyVault": {"id": "x"}, "secretName": "pw"}}}')).toEqual([2, "vtaplint: --parameters: the inline parameter 'pw' is a Key Vault reference; put it in a parameters file and name that file (--parameters FILE)"]);
    expect(await said(`${'{"a": '.repeat(3000)}1${'}'.repeat(3000)}`)).toEqual([2, expect.stringMatching(/nested more than 2048 levels deep/)]);
  });
  test('a -p value that is no value of the parameter type (-p count=abc for an int) is an error at the parameter', async () => {
    // Was taken as the string 'abc' without a word at the parameter: the template failed later, at
    // whatever read it (an output's type), or not at all. ARM (and az, which converts the text to
    // the parameter's type) rejects it before deploying anything.
    const arm = JSON.stringify(
      {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { count: { type: 'int', defaultValue: 1 }, enabled: { type: 'bool', defaultValue: true }, subnets: { type: 'array', defaultValue: [] }, tags: { type: 'object', defaultValue: {} } },
        resources: [],
      },
      null,
      2,
    );
    const dir = workspace({ 't.json': arm });
    const r = await cli(['t.json', '-p', 'count=abc', '-p', 'enabled=yes', '-p', 'subnets={"a":1}', '-p', 'tags=env:prod', '--format', 'unix'], dir);
    expect(r.code).toBe(1);
    // az's int() fails on 'abc' (it stops before deploying); it gives 'yes' for a bool false, which
    // deploys (a warning); it reads the object as JSON and ARM rejects it for the array; 'env:prod' is no JSON.
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `t.json:5:14: error: -p count=abc: the Azure CLI cannot make an int of the text (Python's int(): "invalid literal for int() with base 10"), so the deployment does not start; give whole digits. [evaluation-error]`,
      "t.json:9:16: warning: -p enabled=yes: the Azure CLI gives a bool parameter true only for the text 'true' (any case), so the deployment gets false; write -p enabled=true or -p enabled=false. [evaluation-error]",
      "t.json:13:16: error: The provided value for the template parameter 'subnets' is not valid. Expected a value of type 'Array', but received a value of type 'Object'. [evaluation-error]",
      "t.json:17:13: error: -p tags=env:prod: the Azure CLI reads the value of an object parameter as JSON (or a Python literal) and this text is neither, so the deployment does not start; write it as JSON (quote it for the shell). [evaluation-error]",
    ]);
    // Values the conversion takes are fine: what Python's int() reads for an int (' +3 ', '0_3'), true/false in any case for a bool.
    expect((await cli(['t.json', '-p', 'count= +3 ', '-p', 'enabled=False', '-p', 'subnets=["a"]', '-p', 'tags={}'], dir)).code).toBe(0);
    expect((await cli(['t.json', '-p', 'count=0_3', '-p', 'enabled=TRUE'], dir)).code).toBe(0);
    // A Python literal, as the CLI also reads objects and arrays (what cmd and PowerShell users write).
    expect((await cli(['t.json', '-p', "subnets=['a', 'b']", '-p', "tags={'env': 'prod', 'on': True}", '--format', 'unix'], dir)).stdout).toBe('');
  });
  test('a -p number the Azure CLI does not convert as meant (-p enabled=1 for a bool is false, -p count=5.5 for an int fails) is said at the parameter', async () => {
    // Both were accepted: 1 went on as a number where a bool was declared, 5.5 as an int.
    const arm = JSON.stringify(
      {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { count: { type: 'int', defaultValue: 1 }, enabled: { type: 'bool', defaultValue: true } },
        resources: [],
      },
      null,
      2,
    );
    const dir = workspace({ 't.json': arm });
    const r = await cli(['t.json', '-p', 'count=5.5', '-p', 'enabled=1', '--format', 'unix'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `t.json:5:14: error: -p count=5.5: the Azure CLI cannot make an int of the text (Python's int(): "invalid literal for int() with base 10"), so the deployment does not start; give whole digits. [evaluation-error]`,
      "t.json:9:16: warning: -p enabled=1: the Azure CLI gives a bool parameter true only for the text 'true' (any case), so the deployment gets false; write -p enabled=true or -p enabled=false. [evaluation-error]",
    ]);
    expect((await cli(['t.json', '-p', 'count=-5', '-p', 'enabled=true'], dir)).code).toBe(0);
  });
  test('a -p value for a parameter no linted template declares is a warning naming it (a typo changed nothing); over one template, ARM\'s error at it', async () => {
    const dir = workspace({
      'a.bicep': "param location string = 'westeurope'\noutput l string = location\n",
      'b.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters: { size: { type: 'string', defaultValue: 'x' } }, resources: [] }),
    });
    // 'locaton' was used by no template, silently: the lint judged location's default instead.
    const r = await cli(['.', '-p', 'locaton=eastus', '-p', 'SIZE=y', '--format', 'unix'], dir);
    // On standard error: on standard output a problem matcher read it as a problem in a file named 'vtaplint'.
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("vtaplint: warning: -p locaton: no template linted declares a parameter 'locaton', so the value is not used\n");
    for (const format of ['stylish', 'compact']) {
      const other = await cli(['.', '-p', 'locaton=eastus', '--format', format], dir);
      expect(other.stdout, format).toBe('');
      expect(other.stderr, format).toBe(r.stderr);
    }
    // The reports for tools keep it (JSON's notifications, SARIF's toolExecutionNotifications).
    expect((JSON.parse((await cli(['.', '-p', 'locaton=eastus', '--format', 'json'], dir)).stdout) as { notifications: { message: string }[] }).notifications).toHaveLength(1);
    // -p applies to every template: one that some template declares is fine.
    expect((await cli(['.', '-p', 'location=eastus', '-p', 'size=y', '--format', 'unix'], dir)).stdout).toBe('');
    // eval evaluates one template, and a lint of one template deploys it alone: ARM rejects a
    // value for a parameter it does not declare (it was a warning, exit code 0), said at the template.
    const e = await cli(['eval', 'a.bicep', '-p', 'locaton=eastus'], dir);
    expect(e.code).toBe(1);
    expect(e.stderr).toBe(
      `vtaplint: a.bicep:1:1: -p locaton gives a value for the parameter 'locaton', which the template does not declare (it declares 'location'); ARM rejects the deployment ("not present in the original template and can therefore not be provided"): correct the name or leave it out.\n`,
    );
    expect((await cli(['eval', 'a.bicep', '-p', 'Location=eastus'], dir)).stderr).toBe('');
    const one = await cli(['b.json', '-p', 'locaton=eastus', '-p', 'size=y', '--format', 'unix'], dir);
    expect([one.code, one.stderr]).toEqual([1, '']);
    expect(one.stdout).toBe(
      `b.json:1:121: error: -p locaton gives a value for the parameter 'locaton', which the template does not declare (it declares 'size'); ARM rejects the deployment ("not present in the original template and can therefore not be provided"): correct the name or leave it out. [invalid-template]\n`,
    );
  });
  test('a --parameters entry for a parameter no linted template declares is a warning naming it and the file, at the entry', async () => {
    const dir = workspace({
      'a.bicep': "param location string = 'westeurope'\noutput l string = location\n",
      'b.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters: { size: { type: 'string', defaultValue: 'x' } }, resources: [] }),
      'p.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { SIZE: { value: 'y' }, locaton: { value: 'eastus' } } }, null, 2),
    });
    const r = await cli(['a.bicep', 'b.json', '--parameters', 'p.json', '--format', 'unix'], dir);
    // The entry's key: line 8 of the file, after four spaces of indentation.
    expect(r.stdout).toBe(`p.json:8:5: warning: --parameters: no template linted declares a parameter 'locaton', so the value the file gives it is not used [vtaplint]\n`);
    expect((await cli(['a.bicep', 'b.json', '--parameters', 'p.json', '--no-color'], dir)).stdout).toContain(`p.json\n  8:5  warning  --parameters: no template linted declares a parameter 'locaton'`);
    expect((await cli(['a.bicep', 'b.json', '--parameters', 'p.json', '--format', 'github'], dir)).stdout).toContain('::warning file=p.json,line=8,col=5,title=vtaplint::--parameters: no template linted');
    const sarif = JSON.parse((await cli(['a.bicep', 'b.json', '--parameters', 'p.json', '--format', 'sarif'], dir)).stdout);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.region).toEqual({ startLine: 8, startColumn: 5 });
    const json = JSON.parse((await cli(['a.bicep', 'b.json', '--parameters', 'p.json', '--format', 'json'], dir)).stdout);
    expect(json.notifications).toEqual([{ level: 'warning', message: expect.stringContaining("'locaton'"), file: 'p.json', line: 8, column: 5 }]);
    const fine = workspace({ 'a.bicep': "param location string = 'westeurope'\noutput l string = location\n", 'p.json': '{"parameters": {"location": {"value": "eastus"}}}' });
    expect((await cli(['a.bicep', '--parameters', 'p.json', '--format', 'unix'], fine)).stdout).toBe('');
  });
  test('a run over one template holds its --parameters files to it: an entry it does not declare is the error ARM gives, at the entry', async () => {
    const dir = workspace({
      'b.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters: { size: { type: 'string', defaultValue: 'x' } }, resources: [] }),
      'p.json': JSON.stringify({ parameters: { size: { value: 'y' }, locaton: { value: 'eastus' } } }, null, 2),
    });
    const r = await cli(['b.json', '--parameters', 'p.json', '--format', 'unix'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `p.json:6:5: error: the template's parameters file gives a value for the parameter 'locaton', which the template does not declare (it declares 'size'); ARM rejects the deployment ("not present in the original template and can therefore not be provided"): remove it or declare it. [invalid-template]\n`,
    );
    // The Azure CLI's spelling of a parameters file, @p.json, names p.json.
    expect((await cli(['b.json', '--parameters', '@p.json', '--format', 'unix'], dir)).stdout).toBe(r.stdout);
    // Files that deploy nothing do not make it a run over several templates: the folder with a
    // package.json, an earlier report and the template's own parameters file is the same deployment.
    writeFileSync(path.join(dir, 'package.json'), '{"name": "infra"}');
    writeFileSync(path.join(dir, 'b.parameters.json'), JSON.stringify({ parameters: { size: { value: 'z' } } }));
    expect((await cli(['.', '--parameters', 'p.json', '--format', 'unix'], dir)).stdout).toBe(r.stdout);
    expect((await cli(['b.json', 'package.json', '--parameters', 'p.json', '--format', 'unix'], dir)).stdout).toBe(r.stdout);
    // Nor does the JSON the Bicep compiler made from a .bicep file of the run, nor a 'using none' .bicepparam.
    const bicep = workspace({
      'main.bicep': "param size string = 'x'\n",
      'main.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', metadata: { _generator: { name: 'bicep', version: '0.30.0' } }, parameters: { size: { type: 'string', defaultValue: 'x' } }, resources: [] }),
      'base.bicepparam': "\uFEFFusing none\nparam size = 'y'\n",
      'p.json': JSON.stringify({ parameters: { locaton: { value: 'eastus' } } }),
    });
    expect((await cli(['.', '--parameters', 'p.json', '--format', 'unix'], bicep)).stdout).toContain("p.json:1:16: error: the template's parameters file gives a value for the parameter 'locaton'");
    // A second template: the file may be meant for either, and an entry neither declares is a warning.
    writeFileSync(path.join(dir, 'c.bicep'), "param other string = 'x'\n");
    expect((await cli(['.', '--parameters', 'p.json', '--format', 'unix'], dir)).stdout).toBe(
      "p.json:6:5: warning: --parameters: no template linted declares a parameter 'locaton', so the value the file gives it is not used [vtaplint]\n",
    );
  });
  test('--quiet reports errors only', async () => {
    const { findings } = await findingsOf([BAD_REGION, COMING_SOON, '--quiet']);
    expect(findings.map((f) => f.level)).toEqual(['error']);
  });
  test('a config file sets rule levels and tags', async () => {
    const dir = workspace({
      'vtaplint.config.json': JSON.stringify({ rules: { 'vtap-supported-region': 'warning' } }),
      'sub/t.json': readFileSync(BAD_REGION, 'utf8'),
    });
    const r = await findingsOf(['.'], dir);
    expect(r.findings.filter((f) => f.ruleId === 'vtap-supported-region').map((f) => [f.ruleId, f.level])).toEqual([['vtap-supported-region', 'warning']]);
    expect(r.findings.some((f) => f.level === 'error')).toBe(false);
    expect(r.code).toBe(0);
  });
  test('a level set in the config applies to every failure of the rule, a "coming soon" region too', async () => {
    const files = { 'soon.json': readFileSync(COMING_SOON, 'utf8'), 'bad.json': readFileSync(BAD_REGION, 'utf8') };
    const levels = async (config: object | undefined) => {
      const dir = workspace(config ? { ...files, 'vtaplint.config.json': JSON.stringify(config) } : files);
      const r = await findingsOf(['.'], dir);
      return r.findings.filter((f) => f.ruleId === 'vtap-supported-region').map((f) => `${f.file}:${f.level}`);
    };
    // Without a setting, the rule's own levels: coming soon is a warning.
    expect(await levels(undefined)).toEqual(['bad.json:error', 'soon.json:warning']);
    // Set to its default level, explicitly: a user asking for errors gets errors for both.
    expect(await levels({ rules: { 'vtap-supported-region': 'error' } })).toEqual(['bad.json:error', 'soon.json:error']);
    expect(await levels({ tags: { vtap: 'error' } })).toEqual(['bad.json:error', 'soon.json:error']);
    expect(await levels({ rules: { 'vtap-supported-region': 'warning' } })).toEqual(['bad.json:warning', 'soon.json:warning']);
  });
  test('the config can override the region lists', async () => {
    const dir = workspace({ 'vtaplint.config.json': JSON.stringify({ regions: { supported: ['West Europe'] } }) });
    copyFileSync(BAD_REGION, path.join(dir, 't.json'));
    expect((await findingsOf(['.'], dir)).findings.filter((f) => f.ruleId === 'vtap-supported-region')).toEqual([]);
  });
  test('a tag can be switched off', async () => {
    // The template writes its ids out in subscription 00000000-...: deployed there (the
    // deployment context says so), its collector is the NIC it deploys, in the TAP's subscription.
    const dir = workspace({ 'vtaplint.config.json': JSON.stringify({ tags: { temporary: 'off' }, deployment: { subscriptionId: '00000000-0000-0000-0000-000000000000' } }) });
    copyFileSync(path.join(REPO, 'test/data/v6-size.json'), path.join(dir, 't.json'));
    expect((await findingsOf(['.'], dir)).findings).toEqual([]);
  });
});

describe('discovery', () => {
  test('a broken file is reported at the exact place and the good file next to it is still linted', async () => {
    const dir = workspace({
      'broken.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0"\n  "resources": []\n}\n',
      'good.json': readFileSync(BAD_REGION, 'utf8'),
    });
    const { code, findings } = await findingsOf(['.'], dir);
    expect(code).toBe(1);
    expect(findings.filter((f) => f.level === 'error').map((f) => [f.file, f.ruleId, f.line, f.column])).toEqual([
      ['broken.json', 'invalid-template', 4, 3],
      ['good.json', 'vtap-supported-region', 89, 19],
    ]);
    // The good file's findings are exactly those it gets when linted alone.
    const alone = await findingsOf([path.join(dir, 'good.json')], dir);
    expect(findings.filter((f) => f.file === 'good.json')).toEqual(alone.findings);
  });
  test('other JSON (package.json, tsconfig) and parameter files are skipped silently, .gitignore is honoured', async () => {
    const dir = workspace({
      'package.json': '{"name": "x", "version": "1.0.0"}',
      'tsconfig.json': '{ "compilerOptions": { "strict": true, } }',
      'broken-notes.json': '{ not json',
      't.parameters.json': '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "contentVersion": "1.0.0.0", "parameters": {}}',
      '.gitignore': 'ignored/\n',
      'ignored/t.json': readFileSync(BAD_REGION, 'utf8'),
    });
    mkdirSync(path.join(dir, '.git'));
    const r = await cli(['.'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });
  test('a template without $schema whose top-level keys are written "Resources"/"ContentVersion" is a template (ARM reads them in any case)', async () => {
    const t = JSON.parse(readFileSync(BAD_REGION, 'utf8')) as Record<string, unknown>;
    const upper = { ContentVersion: t.contentVersion, Resources: t.resources };
    const dir = workspace({ 'upper.json': JSON.stringify(upper, null, 2), 'lower.json': JSON.stringify({ contentVersion: t.contentVersion, resources: t.resources }, null, 2) });
    const { findings } = await findingsOf(['.'], dir);
    const of = (file: string) => findings.filter((f) => f.file === file).map((f) => [f.ruleId, f.line]);
    expect(of('lower.json').length).toBeGreaterThan(0);
    expect(of('upper.json')).toEqual(of('lower.json'));
  });
  test('a file named that the config\'s "ignore" leaves out is not linted, and the CLI says so (not with --context)', async () => {
    const dir = workspace({ 'vtaplint.config.json': '{"ignore": ["legacy/**"]}', 'legacy/t.json': readFileSync(BAD_REGION, 'utf8') });
    // It printed nothing and exited 0, which reads as "checked, no problems".
    const r = await cli(['legacy/t.json'], dir);
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(r.stderr).toBe(`vtaplint: '${path.join('legacy', 't.json')}' is not linted: "ignore" in vtaplint.config.json leaves it out\n`);
    // A hook names every staged file: there, leaving it out quietly is what is asked.
    expect(await cli(['--context', '.', 'legacy/t.json'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await cli(['.'], dir)).stderr).toBe('');
    // A folder named that it leaves out whole: likewise (it printed nothing and exited 0).
    const folder = await cli(['legacy'], dir);
    expect([folder.code, folder.stdout]).toEqual([0, '']);
    expect(folder.stderr).toBe(`vtaplint: 'legacy' is not linted: "ignore" in vtaplint.config.json leaves it out\n`);
  });
  test('a JSON file named that is not a template is not linted, and the CLI says so (not with --context)', async () => {
    // `vtaplint package.json` (or a template whose $schema was mistyped) printed nothing and
    // exited 0, which reads as "checked, no problems".
    const dir = workspace({ 'package.json': '{"name": "x", "version": "1.0.0"}', 't.json': readFileSync(GOOD, 'utf8'), 'vtaplint.config.json': '{}' });
    const r = await cli(['package.json', 't.json', 'vtaplint.config.json', '--format', 'unix'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^t\.json:/);
    expect(r.stderr).toBe("vtaplint: 'package.json' is not linted: it is not an ARM template (no $schema naming deploymentTemplate.json, no resources with contentVersion or languageVersion) nor a parameters file\n");
    // A hook names every staged file: there, leaving it out quietly is what is asked.
    expect(await cli(['--context', '.', 'package.json'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
  test('a file named explicitly is reported even when it is not JSON', async () => {
    const dir = workspace({ 'notes.json': '{ not json' });
    const { code, findings } = await findingsOf(['notes.json'], dir);
    expect(code).toBe(1);
    expect(findings[0]).toMatchObject({ ruleId: 'invalid-template', line: 1, column: 3 });
  });
  test('globs select files', async () => {
    const { findings } = await findingsOf(['test/data/*-region.json']);
    expect(new Set(findings.map((f) => f.file))).toEqual(
      new Set(['test/data/unsupported-region.json', 'test/data/coming-soon-region.json', 'test/data/supported-region.json']),
    );
  });
});

test('default lint threads: one fewer than the cores (a thread keeps ~1.5 cores busy), at least 1, at most 4', () => {
  expect([1, 2, 3, 4, 8, 64].map(defaultJobs)).toEqual([1, 1, 2, 3, 4, 4]);
});

test('lint root: the current folder, else the deepest folder holding every path, at most the file system root', () => {
  expect(lintRoot(['a.json', 'sub/b.bicep'], '/home/u/repo')).toBe('/home/u/repo');
  expect(lintRoot(['../other/x.json', 'a.json'], '/home/u/repo')).toBe('/home/u');
  // A glob's folder is the one before its first wildcard: what it can match lies there.
  expect(lintRoot(['/srv/t/*.json'], '/home/u/repo')).toBe('/srv/t');
  expect(lintRoot(['/srv/t/main*.json'], '/home/u/repo')).toBe('/srv/t');
  // A folder named from elsewhere is its own root, as when vtaplint runs inside it.
  const app = workspace({ 'app/main.json': '{}' });
  expect(lintRoot([path.join(app, 'app')], '/')).toBe(path.join(app, 'app'));
  expect(lintRoot([path.join(app, 'app/main.json')], '/')).toBe(path.join(app, 'app'));
  // Paths whose only common folder is the root: this used to loop forever.
  expect(lintRoot(['/', 'a.json'], '/home/u/repo')).toBe('/');
  expect(lintRoot(['/srv/x.json', '/home/y.json'], '/tmp')).toBe('/');
});

describe('eval: the state of an existing resource', () => {
  test('a property read twice is one value; split() of one is not taken as a single piece (it is any text)', async () => {
    const dir = workspace({
      'main.bicep': [
        "resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {",
        "  name: 'hub-vnet'",
        '}',
        "output owners int = length(split(hub.tags.owners, ','))",
        'output sameRegion bool = hub.location == hub.location',
        '',
      ].join('\n'),
    });
    const r = await cli(['eval', 'main.bicep'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { outputs: Record<string, { value: unknown }> };
    // Was 1: a symbolic unknown was taken to hold no comma.
    expect(out.outputs.owners?.value).toEqual({ $unknown: "a property of 'hub', an existing resource whose properties are not in the template" });
    expect(out.outputs.sameRegion?.value).toBe(true);
  });
});
