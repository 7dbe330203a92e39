// Makes the folders a report file is written into (`--output`, the action's SARIF file).
//
// Not mkdirSync(dir, { recursive: true }): Node's recursive mkdir never returns when a folder
// cannot be made although its parent exists (ENOENT under /proc, e.g. `-o /proc/x/report.json`:
// it retries the parent forever). Each missing folder is made on its own here, so such a path is
// an error the caller reports, not a hang.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Makes `dir` and the folders above it that are missing; throws an ErrnoException (code set) when one cannot be made. */
export function makeReportFolder(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; ) {
    const kind = statKind(d);
    if (kind === 'folder') break;
    if (kind === 'other') throw errno('ENOTDIR', `not a folder: '${d}'`);
    const parent = path.dirname(d);
    if (parent === d) break; // a root that does not exist: mkdirSync below says why
    missing.push(d);
    d = parent;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      // Made meanwhile by another process: fine.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || statKind(d) !== 'folder') throw e;
    }
  }
}

function statKind(p: string): 'folder' | 'other' | 'missing' {
  try {
    return statSync(p).isDirectory() ? 'folder' : 'other';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
}

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}
