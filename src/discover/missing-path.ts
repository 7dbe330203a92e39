// What to say of a path on the command line that gave no file to lint. A glob matched nothing;
// a plain path is said for what it is: "no files match 'main.bicep'" was said alike of a typo, a
// dangling or looping symbolic link and a pipe, where `vtaplint eval` said "does not exist".
import { lstatSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';

/** The message for `arg` (as written), a path or glob that discover() found nothing at. */
export function missingPathMessage(arg: string, cwd: string): string {
  const abs = path.resolve(cwd, arg);
  let link;
  try {
    link = lstatSync(abs);
  } catch {
    // Nothing there: a glob that matched nothing, or a path that does not exist.
    return GLOB_CHARACTERS.test(arg) ? `no files match '${arg}'` : `no such file or folder '${arg}'`;
  }
  if (link.isSymbolicLink()) {
    try {
      statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return `'${arg}' is a symbolic link that leads back to itself (a loop)`;
      if (code === 'ENOENT') return `'${arg}' is a symbolic link ${linkChain(abs)}, which does not exist`;
      return `cannot follow the symbolic link '${arg}': ${code ?? String(e)}`;
    }
  }
  return `'${arg}' is not a file or folder (a device, pipe or socket): nothing to lint`;
}

/** Characters that make a path a glob (globby's patterns). */
const GLOB_CHARACTERS = /[*?[\]{}]/;

/** "to 'gone.bicep'", or for links to links, "to 'b.bicep', a link to 'gone.bicep'": the end is what is missing. */
function linkChain(abs: string): string {
  const hops: string[] = [];
  let at = abs;
  for (let i = 0; i < MAX_LINK_HOPS; i++) {
    let target: string;
    try {
      target = readlinkSync(at);
    } catch {
      break;
    }
    hops.push(`'${target}'`);
    at = path.resolve(path.dirname(at), target);
  }
  return hops.length ? `to ${hops.join(', a link to ')}` : 'to a target';
}

/** Links followed to name a missing target (the kernel's own limit is 40). */
const MAX_LINK_HOPS = 40;
