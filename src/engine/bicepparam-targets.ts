// Which .bicep files a run already lints through a .bicepparam file. Such a template is then not
// also linted on its own: its parameters would have no values there, so the run would repeat its
// findings and add "no value" notes that the parameters file answers.
import path from 'node:path';
import { extensionOf, type DiscoveredFile } from '../discover/discover.js';
import { readSourceInside } from '../load/read.js';
import { parseBicepParams } from '../bicep/parser.js';
import { usingTarget } from '../bicep/params.js';
import type { Limits } from '../model/limits.js';
import { environmentParameterTemplate } from '../deploy/parameters.js';
import { loadJson } from '../load/arm-json.js';
import { classifyJson, looksLikeParametersText } from '../load/classify.js';

/** Absolute paths of the templates named by `using '<file>.bicep'` in the discovered .bicepparam files. */
export function bicepparamTargets(files: readonly { file: DiscoveredFile; limits: Limits }[], root: string): Set<string> {
  return new Set(bicepparamTargetsByFile(files, root).values());
}

/** The template each discovered .bicepparam file names with `using '<file>.bicep'`, by the .bicepparam's absolute path. */
export function bicepparamTargetsByFile(files: readonly { file: DiscoveredFile; limits: Limits }[], root: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const { file: f, limits } of files) {
    if (extensionOf(f.path) !== 'bicepparam') continue;
    const read = readSourceInside(f.path, 'bicepparam', root, limits);
    // An unreadable file is reported when it is linted; here it just names nothing.
    if (!read.ok) continue;
    const parsed = parseBicepParams(read.source, limits.maxJsonDepth);
    for (const s of parsed.program.statements) {
      const target = s.kind === 'Using' ? usingTarget(s, f.path) : undefined;
      if (target?.kind === 'file') targets.set(path.resolve(f.path), target.path);
    }
  }
  return targets;
}

/**
 * The template an environment's ARM parameters file (`x.parameters.<env>.json`) lints, when the
 * file is one: by its name alone, `x.json` was taken as linted through it and left out, while the
 * analysis skips a file of that name that is no parameters file (`{}`, an array, JSON without a
 * parameters `$schema` or `contentVersion`, text that is not JSON and does not say it is one), so
 * the template was linted by nothing: its errors gone, exit 0. The file is judged as analyzeFile
 * judges it (classifyJson; broken text that names the parameters schema is reported as broken).
 */
export function environmentTemplateOf(file: string, limits: Limits, root: string): string | undefined {
  const template = environmentParameterTemplate(file);
  if (!template) return undefined;
  const read = readSourceInside(file, 'arm', root, limits);
  // An unreadable file is reported when it is linted; it lints no template.
  if (!read.ok) return undefined;
  const loaded = loadJson(read.source, limits);
  if (!loaded.root) return looksLikeParametersText(read.source.text) ? template : undefined;
  return classifyJson(loaded.root) === 'parameters' ? template : undefined;
}
