// How many of the Bicep compiler's error lines in its Invalid* samples vtaplint also flags, per
// diagnostic code, and which lines vtaplint flags that the compiler does not (a developer tool;
// tests never read the shared corpus).
//   node scripts/run-ts.mjs scripts/bicep-missed.ts [folder] [--code BCPxxx] [--extra] [--json FILE]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../rules/index.js';
import { lint } from '../src/engine/lint.js';

const args = process.argv.slice(2);
const codeIdx = args.indexOf('--code');
const onlyCode = codeIdx >= 0 ? args[codeIdx + 1] : undefined;
const jsonIdx = args.indexOf('--json');
const jsonOut = jsonIdx >= 0 ? args[jsonIdx + 1] : undefined;
const showExtra = args.includes('--extra');
const positional = args.filter((a, i) => !a.startsWith('--') && i !== codeIdx + 1 && i !== jsonIdx + 1);
const root = path.resolve(positional[0] ?? path.join(process.cwd(), '../shared/corpus/bicep-baselines'));

const read = (f: string): string => {
  const t = readFileSync(f, 'utf8');
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
};

const samples: string[] = [];
for (const base of ['baselines', 'baselines_bicepparam']) {
  const dir = path.join(root, base);
  if (!existsSync(dir)) continue;
  for (const e of readdirSync(dir)) {
    if (!e.startsWith('Invalid') || !statSync(path.join(dir, e)).isDirectory()) continue;
    for (const f of ['main.bicep', 'parameters.bicepparam']) if (existsSync(path.join(dir, e, f))) samples.push(path.join(dir, e, f));
  }
}

interface Expected {
  line: number;
  code: string;
  text: string;
}

/** The compiler's errors (1-based line of where each starts) from the diagnostics baseline. */
function expected(file: string): Expected[] {
  const diag = file.replace(/\.(bicep|bicepparam)$/, '.diagnostics.$1');
  if (!existsSync(diag)) return [];
  const out: Expected[] = [];
  let line = 0;
  for (const l of read(diag).split(/\r?\n/)) {
    const m = /^\/\/@\[\d+:\d+\) \[(BCP\d+) \(Error\)\] (.*?) \(bicep https/.exec(l);
    if (m) out.push({ line, code: m[1] as string, text: m[2] as string });
    else if (!l.startsWith('//@[')) line++;
  }
  return out;
}

const missedByCode = new Map<string, number>();
const missedRows: string[] = [];
let want = 0;
let got = 0;
const extraRows: string[] = [];
const summary: Record<string, { missed: number[]; extra: number[] }> = {};
for (const file of samples) {
  const dir = path.dirname(file);
  const result = await lint([path.basename(file)], { root: dir, cwd: dir, rules: RULES });
  const ours = new Map<number, string[]>();
  for (const f of result.findings) {
    if (f.level !== 'error' || path.resolve(f.location.file.path) !== path.resolve(file)) continue;
    const l = f.location.region.start.line;
    ours.set(l, [...(ours.get(l) ?? []), `${f.ruleId}: ${f.message}`]);
  }
  const exp = expected(file);
  const byLine = new Map<number, Expected[]>();
  for (const e of exp) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
  const rel = path.relative(root, file);
  const s = (summary[rel] = { missed: [] as number[], extra: [] as number[] });
  const src = read(file).split(/\r?\n/);
  for (const [line, es] of byLine) {
    want++;
    if (ours.has(line)) {
      got++;
      continue;
    }
    s.missed.push(line);
    // A line counts once, under its first code.
    const code = (es[0] as Expected).code;
    missedByCode.set(code, (missedByCode.get(code) ?? 0) + 1);
    if (!onlyCode || es.some((e) => e.code.startsWith(onlyCode))) missedRows.push(`${rel}:${line}: ${es.map((e) => `${e.code} ${e.text}`).join(' | ')}\n    ${src[line - 1]?.trim()}`);
  }
  for (const [line, msgs] of ours) {
    if (byLine.has(line)) continue;
    s.extra.push(line);
    extraRows.push(`${rel}:${line}: ${msgs.join(' | ')}\n    ${src[line - 1]?.trim()}`);
  }
}
if (onlyCode) console.log(missedRows.join('\n'));
if (showExtra) console.log(`\nLines vtaplint flags that the compiler does not (${extraRows.length}):\n${extraRows.join('\n')}`);
console.log(`\nMissed lines by (first) code:`);
for (const [c, n] of [...missedByCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${c} ${n}`);
console.log(`\nlines with a compiler error: ${want}; also flagged by vtaplint: ${got}; missed: ${want - got}; lines only vtaplint flags: ${extraRows.length}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(summary, null, 1));
