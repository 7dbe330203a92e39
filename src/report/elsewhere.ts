// The places in other files a finding relates to, named after its message by the formats that
// have no field for related locations (stylish, compact, unix, github). SARIF and JSON carry them
// as related locations.
import path from 'node:path';
import type { Finding } from '../engine/finding.js';
import { printablePath } from './printable.js';

/** At most this many places in other files are named after a message. */
const MAX_ELSEWHERE = 2;

/**
 * " (prod.bicepparam:5:19: the value of parameter 'webVmSize' is given here; ...)": the
 * .bicepparam or parameters file that gave a value, the parent that deploys a module. A finding
 * in a module deployed for several environments is placed at the module's property; without this
 * a report line did not say which file, and which environment, decided it. On the message's own
 * line (no line of its own), so problem matchers still read every finding. `shown` writes a path
 * as the format writes its own.
 */
export function elsewhere(f: Finding, shown: (file: string) => string): string {
  const others = f.related.filter((r) => r.file.path !== f.location.file.path);
  if (!others.length) return '';
  const listed = others.slice(0, MAX_ELSEWHERE).map((r) => `${shown(r.file.path)}:${r.region.start.line}:${r.region.start.column}: ${r.message}`);
  const more = others.length > MAX_ELSEWHERE ? `; and ${others.length - MAX_ELSEWHERE} more` : '';
  return ` (${listed.join('; ')}${more})`;
}

/**
 * A file as the formats for people write a place: from `from` (the CLI's working directory), as a
 * terminal, vim's quickfix or Emacs resolves it; the path itself when it is `from`.
 */
export function placeFrom(from: string): (file: string) => string {
  return (file) => printablePath(path.isAbsolute(file) ? path.relative(from, file) || file : file);
}
