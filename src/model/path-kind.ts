// What a path is, asked of the file system without throwing: a missing path, a path through a
// file (ENOTDIR) or one that cannot be looked at (EACCES, a link loop) is none of them.
import { lstatSync, statSync, type Stats } from 'node:fs';

/** The path's stats, links followed; undefined when there is nothing to look at. */
export function pathStats(p: string): Stats | undefined {
  return statOf(p, statSync);
}

/** The path's own stats (a link's, not its target's); undefined when there is nothing there. */
export function linkStats(p: string): Stats | undefined {
  return statOf(p, lstatSync);
}

/** A folder, links followed. */
export function isDirectory(p: string): boolean {
  return statOf(p, statSync)?.isDirectory() ?? false;
}

/** A regular file, links followed. */
export function isFile(p: string): boolean {
  return statOf(p, statSync)?.isFile() ?? false;
}

/** A regular file itself, not a link to one. */
export function isPlainFile(p: string): boolean {
  return statOf(p, lstatSync)?.isFile() ?? false;
}

/** Anything at all, a link included (whether or not it leads anywhere). */
export function pathExists(p: string): boolean {
  return statOf(p, lstatSync) !== undefined;
}

function statOf(p: string, stat: (p: string) => Stats): Stats | undefined {
  try {
    return stat(p);
  } catch {
    return undefined;
  }
}
