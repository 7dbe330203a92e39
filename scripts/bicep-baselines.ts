// Conformance of the native Bicep parser against the Bicep compiler's own baselines and the
// quickstart corpus (a developer tool; tests never read the shared corpus).
//
//   node scripts/run-ts.mjs scripts/bicep-baselines.ts [folder] [--quickstart DIR] [--verbose]
//
// (a) valid samples, and the compiler's formatted text of each, parse without errors; (b) Invalid* samples get at least one error, without an
// exception; (c) token kinds and spans agree with main.tokens.bicep; (d) quickstart .bicep files
// parse without errors. Exits 1 on an exception or on an error in a valid file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lex } from '../src/bicep/lexer.js';
import { parseBicep, parseBicepParams, type BicepParseResult } from '../src/bicep/parser.js';
import { SourceText } from '../src/model/source.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const qsIndex = args.indexOf('--quickstart');
const positional = args.filter((a, i) => !a.startsWith('--') && (qsIndex < 0 || i !== qsIndex + 1));
const root = path.resolve(positional[0] ?? path.join(process.cwd(), '../shared/corpus/bicep-baselines'));
const quickstart = path.resolve(qsIndex >= 0 && args[qsIndex + 1] ? (args[qsIndex + 1] as string) : path.join(root, '../quickstart'));

/** A parse slower than this is reported as a (near) hang. */
const SLOW_MS = 2000;

function read(file: string): string {
  const t = readFileSync(file, 'utf8');
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const DERIVED = /\.(tokens|syntax|diagnostics|formatted|symbols|sourcemap|ir)\.bicep(param)?$/;

interface Outcome {
  file: string;
  result?: BicepParseResult;
  crash?: string;
  ms: number;
}

function parseFile(file: string): Outcome {
  const text = read(file);
  const params = file.endsWith('.bicepparam');
  const src = new SourceText(file, text, params ? 'bicepparam' : 'bicep');
  const t0 = performance.now();
  try {
    const result = params ? parseBicepParams(src) : parseBicep(src);
    return { file, result, ms: performance.now() - t0 };
  } catch (e) {
    return { file, crash: e instanceof Error ? (e.stack ?? e.message) : String(e), ms: performance.now() - t0 };
  }
}

function firstErrors(o: Outcome, n = 3): string {
  const ds = o.result?.diagnostics ?? [];
  return ds
    .slice(0, n)
    .map((d) => {
      const p = d.span.file.position(d.span.range().start);
      return `    ${p.line}:${p.column} ${d.message}`;
    })
    .join('\n');
}

let crashes = 0;
let validFailures = 0;
const rel = (f: string): string => path.relative(root, f);

// (a) and (b)
const valid: string[] = [];
const invalid: string[] = [];
for (const f of walk(path.join(root, 'baselines'))) {
  // Only each sample's own main.bicep (Invalid samples hold valid child modules too).
  if (path.basename(f) !== 'main.bicep' || path.dirname(path.dirname(f)) !== path.join(root, 'baselines')) continue;
  (f.split(path.sep).some((s) => s.startsWith('Invalid')) ? invalid : valid).push(f);
}
for (const f of walk(path.join(root, 'user_submitted'))) if (f.endsWith('.bicep') && !DERIVED.test(f)) valid.push(f);
for (const f of walk(path.join(root, 'baselines_bicepparam'))) {
  if (!f.endsWith('.bicepparam') || DERIVED.test(f)) continue;
  (f.split(path.sep).some((s) => s.startsWith('Invalid')) ? invalid : valid).push(f);
}

// The compiler's formatter output of each valid sample (main.formatted.bicep) is valid Bicep too,
// in the layouts the formatter makes (unions that start with '|' on the next line, function
// bodies on the line after '=>', ...): users who format on save lint exactly that. One sample's
// formatted text joins a decorated tuple item onto one line ('[@discriminator('type'), ...'),
// which the grammar does not allow (a decorator ends its line): not counted.
const FORMATTED_NOT_VALID = new Set(['TypeDeclarations_LF']);
for (const f of [...valid]) {
  const formatted = path.join(path.dirname(f), 'main.formatted.bicep');
  if (path.basename(f) === 'main.bicep' && existsSync(formatted) && !FORMATTED_NOT_VALID.has(path.basename(path.dirname(f)))) valid.push(formatted);
}

let validOk = 0;
let slowest: Outcome | undefined;
const noteSlow = (o: Outcome): void => {
  if (!slowest || o.ms > slowest.ms) slowest = o;
};
for (const f of valid) {
  const o = parseFile(f);
  noteSlow(o);
  if (o.crash) {
    crashes++;
    console.log(`CRASH ${rel(f)}\n${o.crash}`);
  } else if ((o.result?.diagnostics.length ?? 0) > 0 || o.ms > SLOW_MS) {
    validFailures++;
    console.log(`FAIL  ${rel(f)}: ${o.result?.diagnostics.length} error(s)${o.ms > SLOW_MS ? `, ${o.ms.toFixed(0)} ms` : ''}\n${firstErrors(o)}`);
  } else {
    validOk++;
  }
}
/**
 * Codes of the Bicep compiler's lexer/parser diagnostics; an Invalid sample whose expected
 * diagnostics include none of them is broken only semantically (types, scopes), which a parser
 * must not flag.
 */
const SYNTAX_CODES = new Set([...Array.from({ length: 24 }, (_, i) => `BCP${String(i + 1).padStart(3, '0')}`), 'BCP140', 'BCP238']);

function expectsSyntaxErrors(file: string): boolean {
  const diag = file.replace(/\.(bicep|bicepparam)$/, '.diagnostics.$1');
  if (!existsSync(diag)) return true;
  const codes = read(diag).match(/\[BCP\d+ \(Error\)\]/g) ?? [];
  return codes.some((c) => SYNTAX_CODES.has(c.slice(1, 7)));
}

/** 1-based lines of the expected syntax errors, from the diagnostics baseline. */
function expectedSyntaxLines(file: string): number[] {
  const diag = file.replace(/\.(bicep|bicepparam)$/, '.diagnostics.$1');
  if (!existsSync(diag)) return [];
  const lines: number[] = [];
  let line = 0;
  for (const l of read(diag).split(/\r?\n/)) {
    const m = /^\/\/@\[\d+:\d+\) \[(BCP\d+) \(Error\)\]/.exec(l);
    if (m) {
      if (SYNTAX_CODES.has(m[1] as string)) lines.push(line);
    } else if (!l.startsWith('//@[')) {
      line++;
    }
  }
  return lines;
}

let expectedLines = 0;
let foundLines = 0;
let invalidOk = 0;
let invalidSyntax = 0;
let semanticOnly = 0;
let semanticFlagged = 0;
for (const f of invalid) {
  const o = parseFile(f);
  noteSlow(o);
  const syntax = expectsSyntaxErrors(f);
  if (syntax) invalidSyntax++;
  else semanticOnly++;
  const n = o.result?.diagnostics.length ?? 0;
  if (syntax && o.result) {
    const ours = new Set(o.result.diagnostics.map((d) => d.span.file.position(d.span.range().start).line));
    const want = new Set(expectedSyntaxLines(f));
    expectedLines += want.size;
    for (const l of want) if (ours.has(l)) foundLines++;
    if (verbose) console.log(`lines ${rel(f)}: expected ${[...want].join(',')} got ${[...ours].join(',')}`);
  }
  if (o.crash) {
    crashes++;
    console.log(`CRASH ${rel(f)}\n${o.crash}`);
  } else if (!syntax) {
    if (n > 0) {
      semanticFlagged++;
      console.log(`NOTE  ${rel(f)}: semantic-only sample, but ${n} syntax error(s) reported\n${firstErrors(o)}`);
    }
  } else if (n === 0 || o.ms > SLOW_MS) {
    console.log(`MISS  ${rel(f)}: no syntax error reported`);
  } else {
    invalidOk++;
    if (verbose) console.log(`ok    ${rel(f)}: ${o.result?.diagnostics.length} error(s)\n${firstErrors(o)}`);
  }
}

// (c) token agreement
interface ExpectedToken {
  kind: string;
  start: number;
  end: number;
}

/** Reads the `//@[a:b) Kind |text|` annotations; columns are relative to the preceding source line. */
function readTokenBaseline(text: string): { tokens: ExpectedToken[]; source: string } {
  // Annotation lines end the way the baseline writer ends lines; source lines keep their own breaks.
  const firstAnnotation = text.search(/^\/\/@\[/m);
  const eol = firstAnnotation < 0 ? -1 : text.indexOf('\n', firstAnnotation);
  const sep = eol > 0 && text.charCodeAt(eol - 1) === 13 ? '\r\n' : '\n';
  const lines = text.split(sep);
  const tokens: ExpectedToken[] = [];
  const sourceLines: string[] = [];
  let offset = 0;
  let lineStart = 0;
  const re = /^\/\/@\[(\d+):(\d+)\) (\w+) \|/;
  for (const line of lines) {
    const m = re.exec(line);
    if (m) {
      tokens.push({ kind: m[3] as string, start: lineStart + Number(m[1]), end: lineStart + Number(m[2]) });
    } else {
      lineStart = offset;
      offset += line.length + sep.length;
      sourceLines.push(line);
    }
  }
  return { tokens, source: sourceLines.join(sep) };
}

let tokExpected = 0;
let tokMatched = 0;
let tokFiles = 0;
const tokRows: string[] = [];
const tokenFiles = walk(root).filter((f) => /[\\/](main\.tokens\.bicep|parameters\.tokens\.bicepparam)$/.test(f));
for (const tf of tokenFiles) {
  const srcFile = tf.replace(/\.tokens\.(bicep|bicepparam)$/, '.$1');
  if (!existsSync(srcFile)) continue;
  const text = read(srcFile);
  const { tokens: expected, source } = readTokenBaseline(read(tf));
  const actual = lex(text).tokens;
  const have = new Set(actual.map((t) => `${t.kind}:${t.start}:${t.end}`));
  let matched = 0;
  const misses: string[] = [];
  for (const e of expected) {
    if (have.has(`${e.kind}:${e.start}:${e.end}`)) matched++;
    else if (misses.length < 3) misses.push(`${e.kind}@${e.start}-${e.end} ${JSON.stringify(text.slice(e.start, Math.min(e.end, e.start + 30)))}`);
  }
  const denom = Math.max(expected.length, actual.length);
  tokFiles++;
  tokExpected += denom;
  tokMatched += matched;
  const pct = denom === 0 ? 100 : (100 * matched) / denom;
  const note = source.replace(/\s+$/, '') === text.replace(/\s+$/, '') ? '' : ' (baseline source differs from the file)';
  if (pct < 100 || verbose) tokRows.push(`  ${pct.toFixed(1).padStart(5)}%  ${rel(tf)}${note}${misses.length ? '\n         first misses: ' + misses.join('; ') : ''}`);
}

// (d) quickstart corpus
let qsTotal = 0;
let qsOk = 0;
const manifest = path.join(quickstart, 'MANIFEST.tsv');
if (existsSync(manifest)) {
  const rows = read(manifest).split(/\r?\n/).slice(1);
  for (const row of rows) {
    const cols = row.split('\t');
    if (cols[2] !== 'bicep' || !cols[0]) continue;
    if (cols[0].includes('test/ci-tests')) continue;
    qsTotal++;
    const o = parseFile(path.join(quickstart, cols[0]));
    noteSlow(o);
    if (o.crash) {
      crashes++;
      console.log(`CRASH quickstart/${cols[0]}\n${o.crash}`);
    } else if ((o.result?.diagnostics.length ?? 0) > 0) {
      validFailures++;
      console.log(`FAIL  quickstart/${cols[0]}: ${o.result?.diagnostics.length} error(s)\n${firstErrors(o)}`);
    } else {
      qsOk++;
    }
  }
}

// Timing of the stress sample (parse only, best of 5).
const stress = path.join(root, 'baselines/LargeTemplate_Stress_LF/main.bicep');
let stressMs = NaN;
if (existsSync(stress)) {
  const src = new SourceText(stress, read(stress), 'bicep');
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    parseBicep(src);
    const ms = performance.now() - t0;
    stressMs = Number.isNaN(stressMs) ? ms : Math.min(stressMs, ms);
  }
}

console.log('\nToken agreement per file (below 100% only, unless --verbose):');
console.log(tokRows.join('\n') || '  all files 100%');
console.log('\nSummary');
console.log(`  (a) valid samples parsed without errors:   ${validOk}/${valid.length}`);
console.log(`  (b) invalid samples with >=1 error:         ${invalidOk}/${invalidSyntax} (plus ${semanticOnly} semantic-only samples, ${semanticFlagged} of them flagged)`);
console.log(`      lines with an expected syntax error that also get one here: ${foundLines}/${expectedLines}`);
console.log(`  (c) token agreement:                        ${tokExpected ? ((100 * tokMatched) / tokExpected).toFixed(2) : '-'}% (${tokMatched}/${tokExpected} tokens, ${tokFiles} files)`);
console.log(`  (d) quickstart .bicep parsed without errors: ${qsOk}/${qsTotal}`);
console.log(`  crashes: ${crashes}; slowest parse: ${slowest ? `${slowest.ms.toFixed(1)} ms (${path.basename(path.dirname(slowest.file))}/${path.basename(slowest.file)})` : '-'}`);
console.log(`  LargeTemplate_Stress_LF parse: ${stressMs.toFixed(2)} ms (best of 5)`);
process.exitCode = crashes > 0 || validFailures > 0 ? 1 : 0;
