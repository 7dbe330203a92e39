// Which .bicep files a run already lints through a .bicepparam file. Such a template is then not
// also linted on its own: its parameters would have no values there, so the run would repeat its
// findings and add "no value" notes that the parameters file answers.
import path from 'node:path';
import { extensionOf, type DiscoveredFile } from '../discover/discover.js';
import { readSourceInside } from '../load/read.js';
import { parseBicepParams } from '../bicep/parser.js';
import { usingTarget } from '../bicep/params.js';
import type { Limits } from '../model/limits.js';

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
