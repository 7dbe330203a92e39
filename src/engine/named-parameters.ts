// Parameters files the user names for every template (the CLI's --parameters, the action's
// `parameters` input) are the user's own choice, like --config and --baseline: one that is not
// there, or a .bicepparam file that names its template itself with `using` (it is linted as a
// file of its own; one with `using none` is given to templates, as the Azure CLI takes it), is
// bad usage said up front, not an invalid-template finding at line 1 of a file that does not
// exist or an "invalid JSON" one in a file that is fine.
import { statSync } from 'node:fs';
import path from 'node:path';
import { saysUsingNone } from '../load/classify.js';
import { readSource } from '../load/read.js';

export type NamedParametersProblem = 'missing' | 'folder' | 'special' | 'bicepparam' | 'bicep';

/** Why the parameters file at `abs` cannot be given to every template; undefined when it can. */
export function namedParametersProblem(abs: string): NamedParametersProblem | undefined {
  let stat;
  try {
    stat = statSync(abs);
  } catch {
    return 'missing';
  }
  // A folder, or a device or pipe (/dev/stdin, a FIFO: reading one may wait forever), is there:
  // "no such file" would be false.
  if (stat.isDirectory()) return 'folder';
  if (!stat.isFile()) return 'special';
  // A .bicepparam file with `using none` names no template: it is given to one, as the Azure CLI
  // takes it (--template-file main.bicep --parameters prod.bicepparam).
  if (/\.bicepparam$/i.test(abs) && !usingNone(abs)) return 'bicepparam';
  // A Bicep template (the deployment's main.bicep, named by mistake) was read as JSON: "invalid
  // JSON: unexpected character" at line 1 of a file that is fine.
  if (/\.bicep$/i.test(abs)) return 'bicep';
  return undefined;
}

/**
 * The file a parameters argument names: the Azure CLI's `--parameters @prod.json` is prod.json
 * (its `@` reads a file), written that way in many a pipeline. A file whose name starts with '@'
 * is itself when it exists.
 */
export function parametersArgument(p: string, cwd: string): string {
  if (!p.startsWith('@') || p.length === 1) return p;
  try {
    statSync(path.resolve(cwd, p));
    return p;
  } catch {
    return p.slice(1);
  }
}

/** Whether a .bicepparam file's `using` statement is `using none`. */
function usingNone(abs: string): boolean {
  const read = readSource(abs, 'bicepparam');
  return read.ok && saysUsingNone(read.source.text);
}

/** What to say of a --parameters path (`p` as the user wrote it) that is no parameters file at all: undefined for other problems. */
export function notAFileMessage(problem: NamedParametersProblem | undefined, p: string): string | undefined {
  if (problem === 'missing') return `no such file '${p}'`;
  if (problem === 'folder') return `'${p}' is a folder, not a parameters file: name the file (${p.replace(/[\\/]+$/, '')}/<name>.json)`;
  if (problem === 'special') return `'${p}' is not a regular file (a device, pipe or socket): name a parameters file`;
  if (problem === 'bicep') return `'${p}' is a Bicep template, not a parameters file: lint it as a path, and give its parameter values in an ARM parameters file (.json) or a .bicepparam file`;
  return undefined;
}
