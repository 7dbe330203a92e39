// The folder layout is the pipeline (DEVELOPERS.md): a stage imports only earlier stages and the
// model. This test reads every import of src/ and rules/ and fails on one that points later in
// the pipeline, so the layering stays what the documentation says without anyone re-checking it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

/** The stages in pipeline order; a module may import its own stage and any earlier one. */
const STAGES = ['model', 'discover', 'load', 'bicep', 'expr', 'deploy', 'graph', 'rules', 'engine', 'report', 'cli', 'action'] as const;

/**
 * The only modules of a later stage that earlier ones may import, each a contract between stages:
 * - the expression language's syntax is part of the template model both front ends share: a
 *   template's expressions are held as their syntax tree (model/template.ts's TExpr), and the
 *   Bicep front end lowers into that tree and parses the ARM expressions of JSON it imports
 *   (evaluation, the rest of src/expr, stays out of reach);
 * - the rule API (the Rule contract and the wording of values in messages) is the engine's, which
 *   rules implement and the engine runs, as ESLint's rules import its rule context.
 */
const SHARED_WITH_EARLIER_STAGES = new Set(['src/expr/ast.ts', 'src/expr/parser.ts', 'src/engine/rule.ts', 'src/engine/describe.ts']);

/** The stage of a repository path (src/<stage>/..., rules/...), undefined for anything else. */
function stageOf(rel: string): number | undefined {
  const parts = rel.split('/');
  const name = parts[0] === 'rules' ? 'rules' : parts[0] === 'src' ? parts[1] : undefined;
  const i = STAGES.indexOf(name as (typeof STAGES)[number]);
  return i < 0 ? undefined : i;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.ts$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Relative imports of a module (static, type-only, re-exported and dynamic ones), as repository paths of .ts files. */
function importsOf(rel: string): string[] {
  const text = readFileSync(path.join(REPO, rel), 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm)].map((m) => m[1] as string);
  return specs.map((s) => path.posix.join(path.posix.dirname(rel), s).replace(/\.js$/, '.ts'));
}

/** Every import in src/ and rules/ that points at a later stage than the importing module's. */
function layeringViolations(): string[] {
  const bad: string[] = [];
  for (const file of [...sourceFiles('src'), ...sourceFiles('rules')]) {
    const from = stageOf(file);
    if (from === undefined) continue;
    for (const target of importsOf(file)) {
      const to = stageOf(target);
      if (to === undefined || to <= from || SHARED_WITH_EARLIER_STAGES.has(target)) continue;
      bad.push(`${file} (${STAGES[from]}) imports ${target} (${STAGES[to]})`);
    }
  }
  return bad;
}

describe('layering: a stage imports only earlier stages and the model', () => {
  it('has no import of a later stage in src/ or rules/', () => {
    expect(layeringViolations()).toEqual([]);
  });

  it('knows every folder of src/ as a stage (a new folder must be placed in the pipeline)', () => {
    const folders = readdirSync(path.join(REPO, 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .filter((name) => name !== 'types');
    expect(folders.filter((f) => stageOf(`src/${f}/x.ts`) === undefined)).toEqual([]);
  });

  it('reads type-only and dynamic imports too', () => {
    // The check is only as good as its reading of imports: each form must be seen.
    expect(importsOf('src/model/template.ts')).toContain('src/expr/ast.ts'); // import type { Expr } from '../expr/ast.js'
    expect(importsOf('src/cli/main.ts')).toContain('src/cli/eval.ts'); // await import('./eval.js')
  });
});
