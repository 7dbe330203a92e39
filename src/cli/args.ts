// Command-line parsing (node:util parseArgs): options, their values, and usage errors.
import { parseArgs } from 'node:util';
import { distance } from '../model/spelling.js';
import { findExcessiveNesting, parsesAsJson } from '../load/json-text.js';
import { parseJsonText } from '../expr/json-text.js';
import { armJsonText } from '../expr/ops.js';
import { ObjectValue } from '../expr/value.js';
import { INLINE_JSON } from '../deploy/parameters.js';

/** The most maxJsonDepth may be (schema/vtaplint.config.schema.json): deeper input needs more stack than a thread has. */
const MAX_JSON_DEPTH = 2048;

export type Format = 'stylish' | 'compact' | 'json' | 'sarif' | 'github' | 'unix' | 'junit' | 'codeclimate' | 'text';
const LINT_FORMATS: readonly Format[] = ['stylish', 'compact', 'json', 'sarif', 'github', 'unix', 'junit', 'codeclimate'];
const GRAPH_FORMATS: readonly Format[] = ['json', 'text'];

export interface CliOptions {
  command: 'lint' | 'eval' | 'graph';
  paths: string[];
  format: Format;
  output: string | undefined;
  config: string | undefined;
  baseline: string | undefined;
  /** --context DIR: lint the named files as a lint of DIR judges them, and report only what is about them (lint.ts reportedInFocus). */
  context: string | undefined;
  /** --staged-deletions (with --context): also name the files git's index deletes, which pre-commit does not pass (a renamed module). */
  stagedDeletions: boolean;
  /** Worker threads; undefined: as many as the machine has cores (at most 4). */
  jobs: number | undefined;
  maxWarnings: number | undefined;
  quiet: boolean;
  color: boolean | undefined;
  listRules: boolean;
  /** --explain RULE: print that rule's documentation. */
  explain: string | undefined;
  version: boolean;
  help: boolean;
  parameters: string[];
  params: Record<string, string>;
  /**
   * --cache / --cache-location: where the result cache goes, as written ('.', the working folder, for
   * --cache alone; src/engine/cache-folder.ts); undefined: no cache (also after --no-cache).
   */
  cache: string | undefined;
}

export class UsageError extends Error {}

export const HELP = `Usage: vtaplint [options] [paths...]
       vtaplint eval TEMPLATE [--parameters FILE] [-p name=value]
       vtaplint graph TEMPLATE [--parameters FILE] [-p name=value] [--format json|text]

Lints Azure ARM templates (.json, .jsonc) and Bicep files (.bicep, .bicepparam) for the prerequisites
and limitations of Azure virtual network TAP. Paths are files, folders (searched recursively,
honouring .gitignore) or globs; the default is the current folder.

Options:
  -f, --format FORMAT    stylish (default), compact, json, sarif, github, unix, junit or
                         codeclimate (GitLab Code Quality)
  -o, --output FILE      write the report to FILE instead of standard output
  -c, --config FILE      use this config file instead of vtaplint.config.json found upwards
  -j, --jobs N           threads that lint many files (default: cores - 1, at most 4,
                         for 16 files or more)
      --baseline FILE    a SARIF file of an earlier run: results are new, unchanged,
                         updated or absent (SARIF baselineState); only new ones, and
                         updated ones now at a higher level, are shown (except in
                         SARIF) and count for the exit code; standard error counts
                         each state
      --context DIR      lint the named files as a lint of DIR judges them (a module
                         through the files that deploy it, a parameters file through
                         its template) and report only what is about them (placed in
                         them, found by their deployments, or decided by a value in
                         them): for hooks that name the changed files
      --staged-deletions with --context: also name the linted files the git index
                         deletes or renames away, which pre-commit does not pass (a
                         module renamed without its deployer changed fails)
      --cache            keep each file's result in the folder .vtaplintcache (ignored
                         by git) and take it from there while the file, and every file
                         its lint read (modules, linked templates, parameters files),
                         are unchanged
      --cache-location FILE|DIR  the result cache file, or the folder for .vtaplintcache
                         (implies --cache)
      --no-cache         no result cache (the last of --cache and --no-cache wins)
      --max-warnings N   exit with 1 when there are more than N warnings
  -q, --quiet            report errors only
      --color, --no-color  force colors on or off (stylish; default: on for a terminal,
                         unless NO_COLOR is set and not empty, or -o is given)
      --list-rules       print the rules with their level, tags and description (a
                         JSON array with --format json)
      --explain RULE     print a rule's documentation: what it checks, why, how to
                         fix it, with examples (e.g. --explain vtap-no-ipv6); with
                         --format json, its metadata and documentation as JSON
      --parameters FILE  an ARM parameters file for the templates (x.parameters.json
                         beside x.json is used without this option; each
                         x.parameters.<env>.json beside it lints x.json with its
                         values when that file, or their folder, is linted); also
                         JSON written inline, '{"name": {"value": ...}}', as az takes it
  -p, --param NAME=VALUE a parameter value, converted as the Azure CLI converts it for
                         the parameter's type (a string takes the text as written; an
                         int is Python's int() of it; a bool is true only for 'true';
                         an object or array is JSON); wins over files
  -v, --version          print the version
  -h, --help             print this help

Exit codes: 0 no error-level finding (and warnings within --max-warnings),
            1 error-level findings or too many warnings,
            2 bad usage, bad config or an internal failure.
`;

/** The options parseArgs accepts (each is in HELP; a test checks it). */
export const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  baseline: { type: 'string' },
  context: { type: 'string' },
  'staged-deletions': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'list-rules': { type: 'boolean' },
  explain: { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  parameters: { type: 'string', multiple: true },
  param: { type: 'string', short: 'p', multiple: true },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'no-cache': { type: 'boolean' },
} as const;

/**
 * The usage error for what node:util parseArgs rejects, in vtaplint's words. Its own text for an
 * unknown option is a long sentence with a quote left open (`as in '-- "--bogus"`) and no hint
 * when the option is a near miss (`--max-warning`, `--parameter`).
 */
function usageMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = /'([^']*)'/.exec(message)?.[1] ?? message;
    const long = name.replace(/^--/, '').split('=')[0] as string;
    const near = name.startsWith('--') ? [...Object.keys(OPTIONS)].filter((o) => distance(long, o) <= 2 || (long.length >= 3 && o.startsWith(long))).sort((a, b) => distance(long, a) - distance(long, b))[0] : undefined;
    return `unknown option '${name}'${near ? `; did you mean '--${near}'?` : ` (a path that starts with '-' goes after '--': vtaplint -- ${name})`}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "Option '-f, --format <value>' argument missing" / "Option '-q, --quiet' does not take an argument".
    const m = /^Option '([^']*?)(?: <value>)?' (argument missing|does not take an argument)/.exec(message);
    if (m) return m[2] === 'argument missing' ? `option ${m[1]} needs a value` : `option ${m[1]} takes no value`;
  }
  return message;
}

/** Options that take a whole number: a negative one would read as an option of its own. */
const NUMBER_OPTIONS = new Set(['--max-warnings', '--jobs', '-j']);

/**
 * The entries of a --parameters argument that is JSON written inline, as NAME=VALUE texts: the
 * Azure CLI takes `{"name": {"value": ...}}`, with or without a file's `"parameters"` wrapper
 * around it. Each value is passed on as its JSON text after INLINE_JSON: the template gets it as
 * written (its type checked, as a parameters file's), not converted as -p text is.
 */
function inlineParameters(p: string): string[] {
  // Two levels for the wrapper and the entry: a value deeper than a file may be would overflow the
  // stack where it is written out again below.
  if (findExcessiveNesting(p, MAX_JSON_DEPTH + 2) >= 0) throw new UsageError(`--parameters: the inline JSON is nested more than ${MAX_JSON_DEPTH} levels deep (the most maxJsonDepth allows in a file)`);
  try {
    JSON.parse(p);
  } catch (e) {
    throw new UsageError(`--parameters: the inline JSON is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  // Read again as template values: integers beyond 2^53 keep their digits (JSON.parse rounds them).
  const parsed = parseJsonText(p);
  if (!parsed.ok || !(parsed.value instanceof ObjectValue)) throw new UsageError('--parameters: inline JSON must be an object of parameters: {"name": {"value": ...}}');
  // As the Azure CLI reads it: a "parameters" property is the parameters (a file's whole text pasted).
  const wrapped = parsed.value.get('parameters');
  const entries = wrapped instanceof ObjectValue ? wrapped : parsed.value;
  const out: string[] = [];
  for (const [name, entry] of entries.entries()) {
    if (name === '' || name.includes('=')) throw new UsageError(`--parameters: '${name}' in the inline JSON is not a parameter name`);
    if (entry instanceof ObjectValue && entry.has('reference') && !entry.has('value')) {
      throw new UsageError(`--parameters: the inline parameter '${name}' is a Key Vault reference; put it in a parameters file and name that file (--parameters FILE)`);
    }
    const value = entry instanceof ObjectValue ? entry.get('value') : undefined;
    const text: string[] = [];
    if (value === undefined || !armJsonText(value, text)) throw new UsageError(`--parameters: the inline parameter '${name}' needs the form {"${name}": {"value": ...}}`);
    // Given to the template as the JSON written (INLINE_JSON), as az sends it: not converted as -p text is.
    out.push(`${name}=${INLINE_JSON}${text.join('')}`);
  }
  return out;
}

/** `isFile`: whether a --parameters argument names a file (from the current folder); NAME=VALUE is one only when it does not. */
export function parseCli(argv: readonly string[], isFile: (p: string) => boolean = () => false): CliOptions {
  for (let i = 0; i + 1 < argv.length; i++) {
    const value = argv[i + 1] as string;
    if (NUMBER_OPTIONS.has(argv[i] as string) && /^-\d/.test(value)) throw new UsageError(`${argv[i]} needs a whole number, got '${value}'`);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (e) {
    throw new UsageError(usageMessage(e));
  }
  const v = parsed.values;
  let positionals = parsed.positionals;
  let command: CliOptions['command'] = 'lint';
  if (positionals[0] === 'eval' || positionals[0] === 'graph') {
    command = positionals[0];
    positionals = positionals.slice(1);
    if (positionals.length !== 1) throw new UsageError(`${command} needs exactly one TEMPLATE`);
    // Options of the lint that eval and graph do not have: an error, not silently ignored.
    const lintOnly: [keyof typeof v, string][] = [
      ['output', '--output'],
      ['baseline', '--baseline'],
      ['context', '--context'],
      ['staged-deletions', '--staged-deletions'],
      ['jobs', '--jobs'],
      ['cache', '--cache'],
      ['cache-location', '--cache-location'],
      ['no-cache', '--no-cache'],
      ['max-warnings', '--max-warnings'],
      ['quiet', '--quiet'],
      ['list-rules', '--list-rules'],
      ['explain', '--explain'],
      ...(command === 'eval' ? ([['format', '--format']] as [keyof typeof v, string][]) : []),
    ];
    const used = lintOnly.find(([k]) => v[k] !== undefined);
    if (used) throw new UsageError(`${command} does not take ${used[1]}`);
  }
  // A path given as '' (`-o "$REPORT"` with REPORT unset in a CI script) would read as not given:
  // the report on standard output, the config found upwards, no baseline. Said instead.
  const paths: [string | string[] | undefined, string][] = [
    [v.output, '--output'],
    [v.config, '--config'],
    [v.baseline, '--baseline'],
    [v.context, '--context'],
    [v.parameters, '--parameters'],
    [v['cache-location'], '--cache-location'],
  ];
  for (const [given, name] of paths) {
    if (given === '' || (Array.isArray(given) && given.includes(''))) throw new UsageError(`option ${name} needs a file or folder, got an empty string`);
  }
  // Paths next to --list-rules or --explain would be silently ignored (`--list-rules vtap-no-ipv6`
  // printed every rule): said instead.
  if (command === 'lint' && positionals.length && (v['list-rules'] || v.explain !== undefined)) {
    throw new UsageError(`${v.explain !== undefined ? '--explain' : '--list-rules'} takes no paths, got '${positionals[0] ?? ''}'${v.explain === undefined ? ` (to read one rule's documentation: vtaplint --explain ${positionals[0] ?? 'RULE'})` : ''}`);
  }
  if (v.explain === '') throw new UsageError('option --explain needs a rule id');
  if (v['staged-deletions'] && v.context === undefined) throw new UsageError('--staged-deletions goes with --context (the files a commit deletes are reported through what still names them): vtaplint --context . --staged-deletions FILES');
  // They print the rules and lint nothing: the lint's options next to them would be silently
  // ignored (`--explain X --max-warnings 0` exited 0 as if a lint had passed), and so would one of them.
  if (command === 'lint' && (v['list-rules'] || v.explain !== undefined)) {
    if (v['list-rules'] && v.explain !== undefined) throw new UsageError('--list-rules and --explain do not go together: use one');
    const lintOnly: [keyof typeof v, string][] = [
      ['config', '--config'],
      ['baseline', '--baseline'],
      ['context', '--context'],
      ['staged-deletions', '--staged-deletions'],
      ['jobs', '--jobs'],
      ['cache', '--cache'],
      ['cache-location', '--cache-location'],
      ['no-cache', '--no-cache'],
      ['max-warnings', '--max-warnings'],
      ['quiet', '--quiet'],
      ['parameters', '--parameters'],
      ['param', '--param'],
    ];
    const used = lintOnly.find(([k]) => v[k] !== undefined);
    if (used) throw new UsageError(`${v.explain !== undefined ? '--explain' : '--list-rules'} does not take ${used[1]} (an option of the lint)`);
  }
  // --list-rules and --explain print text, or JSON for scripts: a report format there would be
  // silently ignored (a script asking for SARIF would get Markdown).
  if ((v['list-rules'] || v.explain !== undefined) && v.format !== undefined && v.format !== 'json' && v.format !== 'stylish') {
    throw new UsageError(`${v.explain !== undefined ? '--explain' : '--list-rules'} prints text, or JSON with --format json; it has no format '${v.format}'`);
  }
  const allowed = command === 'graph' ? GRAPH_FORMATS : LINT_FORMATS;
  const format = (v.format ?? (command === 'graph' ? 'json' : 'stylish')) as Format;
  if (!allowed.includes(format)) {
    // As for options: within two edits (`sarfi`, a transposition, is two), or in another case.
    const lower = format.toLowerCase();
    const near = allowed.filter((f) => distance(lower, f) <= 2).sort((a, b) => distance(lower, a) - distance(lower, b))[0];
    throw new UsageError(`unknown format '${v.format}'${near ? `; did you mean '${near}'?` : ''} (use ${allowed.join(', ')})`);
  }
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(v['max-warnings'])) throw new UsageError(`--max-warnings needs a whole number, got '${v['max-warnings']}'`);
    maxWarnings = Number(v['max-warnings']);
  }
  let jobs: number | undefined;
  if (v.jobs !== undefined) {
    if (!/^[1-9]\d*$/.test(v.jobs)) throw new UsageError(`--jobs needs a positive whole number, got '${v.jobs}'`);
    jobs = Number(v.jobs);
  }
  const params: Record<string, string> = {};
  // The Azure CLI's --parameters takes NAME=VALUE too (its -p is --parameters): as it does, a file
  // first, else a -p value (given before the -p ones, which win): templateUri=https://x/y.json.
  const pair = (p: string) => /^[A-Za-z_$][\w$-]*=/.test(p) && !isFile(p);
  // And a JSON object written inline (`--parameters '{"location": {"value": "eastus"}}'`), which
  // it tries after a file and before NAME=VALUE.
  const inline = (p: string) => p.trimStart().startsWith('{') && !isFile(p);
  const parameterFiles = (v.parameters ?? []).filter((p) => !pair(p) && !inline(p));
  const given = (v.parameters ?? []).flatMap((p) => (inline(p) ? inlineParameters(p) : pair(p) ? [p] : []));
  for (const p of [...given, ...(v.param ?? [])]) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`-p needs NAME=VALUE, got '${p}'`);
    const value = p.slice(eq + 1);
    // A value is JSON when it parses as JSON; one nested deeper than a file may be would overflow
    // the stack where it becomes a template value (not a finding of any file: the user's input).
    if (findExcessiveNesting(value, MAX_JSON_DEPTH) >= 0 && parsesAsJson(value)) {
      throw new UsageError(`-p ${p.slice(0, eq)}: the value is nested more than ${MAX_JSON_DEPTH} levels deep (the most maxJsonDepth allows in a file)`);
    }
    params[p.slice(0, eq)] = value;
  }
  return {
    command,
    paths: positionals,
    format,
    output: v.output,
    config: v.config,
    baseline: v.baseline,
    context: v.context,
    stagedDeletions: v['staged-deletions'] ?? false,
    jobs,
    maxWarnings,
    quiet: v.quiet ?? false,
    // The last of --color / --no-color wins, as for other tools.
    color: argv.lastIndexOf('--no-color') > argv.lastIndexOf('--color') ? false : v.color,
    listRules: v['list-rules'] ?? false,
    explain: v.explain,
    version: v.version ?? false,
    help: v.help ?? false,
    parameters: parameterFiles,
    params,
    // The last of --cache (or --cache-location) and --no-cache wins: a hook's own --cache is turned
    // off by `args: [--no-cache]`, which comes after it.
    cache: lastCacheOption(argv) === 'off' ? undefined : (v['cache-location'] ?? (v.cache ? '.' : undefined)),
  };
}

/** Which of the cache options comes last: --no-cache ('off'), --cache or --cache-location ('on'), or none. */
function lastCacheOption(argv: readonly string[]): 'on' | 'off' | undefined {
  // Only options: what follows `--` is paths.
  const end = argv.indexOf('--');
  for (let i = (end < 0 ? argv.length : end) - 1; i >= 0; i--) {
    const a = argv[i] as string;
    if (a === '--no-cache') return 'off';
    if (a === '--cache' || a === '--cache-location' || a.startsWith('--cache-location=')) return 'on';
  }
  return undefined;
}
