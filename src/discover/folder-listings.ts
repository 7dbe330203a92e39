// What the discovery walk saw in the folders it read (src/discover/discover.ts walkFolder), kept
// for the rest of the lint: the questions asked about every template afterwards (is there an
// x.parameters.json beside it? a vtaplint.config.json in its folder? where does its folder really
// lie?) are answered from the listing instead of a system call each. On quickstart (1,722
// folders, 2,478 files) that was ~3,100 failed access() calls and ~10,600 readlink() calls (the C
// library's realpath(3) reads every component of a folder's path).
//
// Only what the listing can answer exactly is answered: a name it holds as a file or a folder
// exists; a symbolic link (existsSync follows it) and a name it does not hold but holds under
// another case (a case-insensitive file system finds it) are asked of the file system. The
// listings are those of one lint (kept only while withListings() runs it, and forgotten when it
// ends), so a later lint in the same process, or a discovery outside a lint, sees the folders as
// they are then. Worker threads have none and ask the file system.
import { existsSync, type Dirent } from 'node:fs';
import nodePath from 'node:path';
import { noteInput, recording } from '../model/inputs.js';

/** What an entry is: a file, a folder, or another thing (a symbolic link, a FIFO, ...). */
type Kind = 1 | 2 | 3;
const FILE: Kind = 1;
const FOLDER: Kind = 2;
const OTHER: Kind = 3;

/**
 * Whether a name missing from a listing is missing: not on macOS and Windows, whose file systems
 * find names in another case (and on macOS, another Unicode normalization).
 */
const MISSES_ARE_EXACT = process.platform !== 'darwin' && process.platform !== 'win32';

/** The entries of each folder walked (absolute path), indexed by name on the first question. */
const listings = new Map<string, readonly Dirent[] | Map<string, Kind>>();

/** Whether listings are kept (inside withListings). */
let keeping = 0;

/** Records a folder's entries as readdir gave them (withFileTypes), while a lint keeps them. */
export function rememberListing(dir: string, entries: readonly Dirent[]): void {
  if (keeping > 0) listings.set(dir, entries);
}

/** Runs `work` (a lint) keeping the listings its discovery makes, and forgets them when it ends. */
export async function withListings<T>(work: () => Promise<T>): Promise<T> {
  keeping++;
  try {
    return await work();
  } finally {
    if (--keeping === 0) listings.clear();
  }
}

function indexed(dir: string): Map<string, Kind> | undefined {
  const got = listings.get(dir);
  if (got === undefined || got instanceof Map) return got;
  const names = new Map<string, Kind>();
  for (const e of got) names.set(e.name, e.isFile() ? FILE : e.isDirectory() ? FOLDER : OTHER);
  listings.set(dir, names);
  return names;
}

/**
 * What the listing of `p`'s folder says of `p`: true (a file or a folder of that name), false
 * (no entry of that name in any case), undefined (no listing, a link, or a name that differs only
 * in case: only the file system can tell).
 */
function listed(p: string): Kind | false | undefined {
  if (listings.size === 0) return undefined;
  const names = indexed(nodePath.dirname(p));
  if (names === undefined) return missingFolderOf(p);
  const name = nodePath.basename(p);
  const kind = names.get(name);
  if (kind !== undefined) return kind === OTHER ? undefined : kind;
  return MISSES_ARE_EXACT && !inAnotherCase(names, name) ? false : undefined;
}

/** Whether a listing holds `name` spelt in another letter case (a case-insensitive file system finds it). */
function inAnotherCase(names: Map<string, Kind>, name: string): boolean {
  const lower = name.toLowerCase();
  for (const other of names.keys()) if (other.length === name.length && other.toLowerCase() === lower) return true;
  return false;
}

/**
 * For a path whose folder was not listed: false when a listed folder above it lacks the next
 * folder on the way (`nested/x.json` under a folder without `nested`), which cannot then exist;
 * otherwise undefined (a folder the walk did not enter, a link: only the file system can tell).
 */
function missingFolderOf(p: string): false | undefined {
  if (!MISSES_ARE_EXACT) return undefined;
  let child = nodePath.dirname(p);
  for (let dir = nodePath.dirname(child); dir !== child; child = dir, dir = nodePath.dirname(dir)) {
    const names = indexed(dir);
    if (names === undefined) continue;
    const name = nodePath.basename(child);
    return names.has(name) || inAnotherCase(names, name) ? undefined : false;
  }
  return undefined;
}

/** existsSync(p) for an absolute, normalized path, from the listing of its folder when there is one. */
export function existsListed(p: string): boolean {
  const kind = listed(p);
  const exists = kind === undefined ? existsSync(p) : kind !== false;
  if (recording()) noteInput('exists', [p], () => (exists ? 't' : 'f'));
  return exists;
}

/**
 * Whether the listing of its parent shows the absolute, normalized path `dir` as a folder (not a
 * symbolic link): its real path is then its parent's real path and its name.
 */
export function listedAsFolder(dir: string): boolean {
  return listed(dir) === FOLDER;
}
