// Where the result cache (--cache) is written. `--cache` alone, and `--cache-location` naming a
// folder, keep it in a folder of its own, `.vtaplintcache/`, that says to git and to backup tools
// that it is a cache: its own `.gitignore` ignores everything in it (as pytest's, mypy's and
// ruff's caches do), so a repository needs no `.gitignore` line and `git status` stays clean,
// which is what lets the pre-commit hook use the cache by default; `CACHEDIR.TAG` (the Cache
// Directory Tagging Specification) keeps backups from copying it. `--cache-location FILE` is that
// file, as written. Linting never reads the folder: discovery skips names starting with '.'.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDirectory, isPlainFile, pathExists } from '../model/path-kind.js';

/** The cache folder's name, in the working folder or the folder --cache-location names. */
export const CACHE_FOLDER = '.vtaplintcache';

/** The results file in the cache folder. Not a .json name: nothing would ever lint it as a template. */
const RESULTS = 'results';

/** The first line of CACHEDIR.TAG, as the Cache Directory Tagging Specification fixes it. */
const TAG_SIGNATURE = 'Signature: 8a477f597d28d172789f06886806bc55';

/** Where the cache is: its file, and the cache folder holding it (none for --cache-location FILE). */
export interface CacheLocation {
  file: string;
  folder?: string;
  /** Why the place cannot hold the cache (the run goes on without it, with a warning). */
  unusable?: string;
}

/** A path written as a folder: it ends in a separator ('/', and '\\' on Windows). */
const FOLDER_WRITTEN = path.sep === '\\' ? /[\\/]$/ : /\/$/;

/**
 * The cache's place for `--cache-location` `given` as written ('.' for `--cache` alone), from
 * `cwd`: a folder, or a path written as one (`cache/`), holds the cache folder (made with it; a
 * folder that is itself a vtaplint cache folder, named again, is used as it is); a path named
 * `.vtaplintcache` that does not exist yet is the cache folder; anything else is the cache file.
 * A path written as a folder that is a file is refused (`unusable`): it is never written over.
 */
export function cacheLocation(cwd: string, given: string): CacheLocation {
  const at = path.resolve(cwd, given);
  if (isDirectory(at)) {
    const folder = isCacheFolder(at) ? at : path.join(at, CACHE_FOLDER);
    return { file: path.join(folder, RESULTS), folder };
  }
  const exists = pathExists(at);
  if (FOLDER_WRITTEN.test(given)) {
    if (exists) return { file: at, unusable: 'it is written as a folder but is not one' };
    const folder = path.join(at, CACHE_FOLDER);
    return { file: path.join(folder, RESULTS), folder };
  }
  if (!exists && path.basename(at) === CACHE_FOLDER) return { file: path.join(at, RESULTS), folder: at };
  return { file: at };
}

/**
 * Makes the cache folder before the results are written into it, with its `.gitignore` and
 * `CACHEDIR.TAG` when they are missing (also in a folder made beforehand, `mkdir -p` in a CI step:
 * git would see it otherwise); ones that exist are left as they are (their owner may have changed
 * them). A file in its place is the cache file of an earlier vtaplint (which kept the results in a
 * plain `.vtaplintcache` file): it is replaced, and this run's results start anew.
 */
export function prepareCacheFolder(folder: string): void {
  // A plain file, not a link: a link in the folder's place is left alone, and the write fails with a warning.
  if (isPlainFile(folder)) rmSync(folder, { force: true });
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true });
  const ignore = path.join(folder, '.gitignore');
  if (!pathExists(ignore)) writeFileSync(ignore, '# Made by vtaplint: its result cache (--cache), never to be committed.\n*\n');
  const tag = path.join(folder, 'CACHEDIR.TAG');
  if (!pathExists(tag)) {
    writeFileSync(tag, `${TAG_SIGNATURE}\n# This file is a cache directory tag made by vtaplint (its result cache, --cache).\n# For information about cache directory tags, see https://bford.info/cachedir/\n`);
  }
}

/** A folder vtaplint made for its cache: its CACHEDIR.TAG says so. */
function isCacheFolder(folder: string): boolean {
  try {
    const tag = readFileSync(path.join(folder, 'CACHEDIR.TAG'), 'utf8');
    return tag.startsWith(TAG_SIGNATURE) && tag.includes('vtaplint');
  } catch {
    return false;
  }
}
