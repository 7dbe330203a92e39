// Parameters files the user names for every template (the CLI's --parameters, the action's
// `parameters` input) are the user's own choice, like --config and --baseline: one that is not
// there, or a .bicepparam file (which names its template itself with `using` and is linted as a
// file of its own), is bad usage said up front, not an invalid-template finding at line 1 of a
// file that does not exist or an "invalid JSON" one in a file that is fine.
import { statSync } from 'node:fs';

export type NamedParametersProblem = 'missing' | 'bicepparam';

/** Why the parameters file at `abs` cannot be given to every template; undefined when it can. */
export function namedParametersProblem(abs: string): NamedParametersProblem | undefined {
  let isFile: boolean;
  try {
    isFile = statSync(abs).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) return 'missing';
  if (/\.bicepparam$/i.test(abs)) return 'bicepparam';
  return undefined;
}
