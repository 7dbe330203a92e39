// --context DIR: the named files are linted as a lint of DIR would judge them, and only they are
// reported. A pre-commit hook names the staged files only; on their own, a Bicep module would be
// judged with its default values (its parents pass others), and an ARM parameters file would
// lint nothing (its template is not staged). With the templates around them read too, a module
// is judged through the files that deploy it, and a parameters file through its template: the
// hook then says what CI says about those files.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discover, type DiscoveredFile, type DiscoverResult } from '../discover/discover.js';
import { realPath } from '../load/read.js';
import { associatedParameterFile } from '../deploy/parameters.js';
import { mappedParameterFile, type EffectiveConfig } from './config.js';
import type { AbsentResult } from './baseline.js';

export interface FocusedDiscovery extends DiscoverResult {
  /** Absolute paths whose findings are reported (the named files, then the templates of named parameters files). */
  focus: Set<string> | undefined;
}

/**
 * The files to lint: without a context, the named ones; with one, every file under it and the
 * named ones (a named file the folder walk leaves out, as ignored, is still linted as named).
 */
export async function discoverFocused(paths: readonly string[], context: string | undefined, cwd: string, root: string = cwd): Promise<FocusedDiscovery> {
  // With --context, no file named is nothing to report (a script whose list of changed files is
  // empty), not the whole folder, which is what no path means without it.
  if (context !== undefined && paths.length === 0) return { files: [], missing: [], unreadable: [], focus: new Set() };
  const named = await discover(paths, cwd, root);
  if (context === undefined) return { ...named, focus: undefined };
  const around = await discover([context], cwd, root);
  // By real path: a context reached through a link ('--context linked' for '.') names the same
  // files by other paths, and each must be one file, found by the walk and focused as named.
  const byReal = new Map<string, string>();
  for (const f of around.files) byReal.set(realPath(f.path) ?? path.resolve(f.path), f.path);
  const files: DiscoveredFile[] = [...around.files];
  const focus = new Set<string>();
  for (const f of named.files) {
    const same = byReal.get(realPath(f.path) ?? path.resolve(f.path));
    if (same === undefined) files.push(f);
    focus.add(path.resolve(same ?? f.path));
  }
  // A path named that does not exist (no glob) is a file the change deletes (a hook names what
  // changed): not bad usage. It is in the focus, so what still uses it (a module statement, a
  // template link: Finding.missingFile) is reported.
  const missing: string[] = [];
  for (const m of named.missing) {
    const abs = path.resolve(cwd, m);
    if (/[*?[\]{}]/.test(m) || existsSync(abs)) missing.push(m);
    else focus.add(abs);
  }
  // Only the named paths' unreadable folders are said: the files reported are theirs.
  return { files, missing, unreadable: named.unreadable, focus };
}

/**
 * Adds to the focus the templates that a focused parameters file gives values to: `x.json` for
 * `x.parameters.json`, a template the config maps a focused file to, and the template of a
 * focused `.bicepparam` (`bicepparamTargets`, by parameters file).
 */
export function widenFocus(
  focus: Set<string>,
  work: readonly { file: DiscoveredFile; config: EffectiveConfig }[],
  targetsByParams: ReadonlyMap<string, string>,
): void {
  for (const [params, template] of targetsByParams) if (focus.has(params)) focus.add(template);
  for (const w of work) {
    const template = path.resolve(w.file.path);
    if (focus.has(template) || !/\.jsonc?$/i.test(template)) continue;
    const beside = associatedParameterFile(template);
    const mapped = w.config.parameters.length ? mappedParameterFile(w.config, template) : undefined;
    if ((beside && focus.has(path.resolve(beside))) || (mapped && focus.has(path.resolve(mapped)))) focus.add(template);
  }
}

/** Whether a finding, result or notification about `file` is reported (every one without a focus). */
export function inFocus(focus: ReadonlySet<string> | undefined, file: string | undefined): boolean {
  return focus === undefined || (file !== undefined && focus.has(path.resolve(file)));
}

/** The file a baseline's result was about (its first location: a URI relative to `base`, the source root, or a file: URI). */
export function absentFile(a: AbsentResult, base: string): string | undefined {
  const locations = a.raw.locations as { physicalLocation?: { artifactLocation?: { uri?: unknown } } }[] | undefined;
  const uri = locations?.[0]?.physicalLocation?.artifactLocation?.uri;
  if (typeof uri !== 'string') return undefined;
  try {
    // SARIF's relative URIs are written against the repository's top folder (source-root.ts).
    return uri.startsWith('file:') ? fileURLToPath(uri) : path.resolve(base, decodeURIComponent(uri));
  } catch {
    return undefined;
  }
}

/**
 * The baseline's results this run no longer has that are gone (absent), not merely outside the
 * run: with --context, those of the named files; otherwise those of a file this run linted or
 * reported in, or of a file that is no longer there. A repository-wide baseline used by a run over
 * one folder (the Action's `paths: infra/hub`, a CI job per folder) called every result of the
 * other folders absent ("gone"), as a run with --context already did not.
 */
export function absentInRun(absent: readonly AbsentResult[], base: string, focus: ReadonlySet<string> | undefined, reportedOn: () => ReadonlySet<string>): AbsentResult[] {
  if (absent.length === 0) return [];
  if (focus) return absent.filter((a) => inFocus(focus, absentFile(a, base)));
  const files = reportedOn();
  return absent.filter((a) => {
    const file = absentFile(a, base);
    return file === undefined || files.has(path.resolve(file)) || !existsSync(file);
  });
}
