// "file:line:col: level: message [rule-id]", one finding per line: the GNU error format that
// terminals, vim's quickfix and Emacs' compilation mode turn into links.
import type { LintResult } from '../engine/lint.js';
import { elsewhere, placeFrom } from './elsewhere.js';
import { fileNotifications, notificationTag } from './notification-tag.js';
import { oneLine } from './printable.js';

export interface UnixOptions {
  /** The folder paths are shown relative to: the CLI's working directory (not necessarily the process's). */
  cwd: string;
}

export function formatUnix(result: LintResult, opts: UnixOptions): string {
  const shown = placeFrom(opts.cwd);
  const lines = result.findings.map((f) => {
    const { line, column } = f.location.region.start;
    return `${shown(f.location.file.path)}:${line}:${column}: ${f.level}: ${oneLine(`${f.message}${elsewhere(f, shown)}`)} [${f.ruleId}]`;
  });
  // The tool's own notifications: an internal failure is an error; a warning (a file it could not read) stays one.
  for (const n of fileNotifications(result)) lines.push(`${shown(n.file)}:${n.at?.line ?? 1}:${n.at?.column ?? 1}: ${n.level}: ${oneLine(n.message.split('\n')[0] ?? '')} [${notificationTag(n.level)}]`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
