// Builds the deployed graph of templates written to a temporary folder (one call per test).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeFile, type Analysis } from '../../src/engine/analyze.js';
import type { DeploymentContext } from '../../src/expr/context.js';

export type Template = Record<string, unknown>;

export function arm(resources: unknown[] | Record<string, unknown>, extra: Template = {}): Template {
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    ...extra,
    resources,
  };
}

/** Writes files (objects as JSON, strings as they are) and analyses `main`. */
export function analyze(
  files: Record<string, Template | string>,
  main = Object.keys(files)[0] as string,
  opts: { deployment?: DeploymentContext; params?: Record<string, string>; parameterFiles?: string[] } = {},
): { dir: string; a: Extract<Analysis, { kind: 'template' }> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-deploy-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  const a = analyzeFile(path.join(dir, main), {
    root: dir,
    deployment: opts.deployment ?? {},
    params: opts.params,
    parameterFiles: opts.parameterFiles?.map((f) => path.join(dir, f)),
    explicit: true,
  });
  if (a.kind !== 'template') throw new Error(`not analysed: ${a.kind} ${'diagnostics' in a ? a.diagnostics.map((d) => d.message).join('; ') : ''}`);
  return { dir, a };
}
