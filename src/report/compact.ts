// ESLint's "compact" layout, which VS Code's $eslint-compact problem matcher reads:
//   /abs/path/file.json: line 12, col 5, Error - message (rule-id)
// one finding per line (absolute paths: that matcher's fileLocation is "absolute"), then the
// number of problems. Severities are Error, Warning and Info (a SARIF "note" is the matcher's Info).
import type { LintResult } from '../engine/lint.js';
import { elsewhere, placeFrom } from './elsewhere.js';
import { fileNotifications, notificationTag } from './notification-tag.js';
import { oneLine, printablePath } from './printable.js';

const LABEL = { error: 'Error', warning: 'Warning', note: 'Info' } as const;

/** `cwd`: the folder the places named in messages are written from (the lint root when not given). */
export function formatCompact(result: LintResult, opts: { cwd?: string } = {}): string {
  const lines = result.findings.map((f) => {
    const { line, column } = f.location.region.start;
    return `${printablePath(f.location.file.path)}: line ${line}, col ${column}, ${LABEL[f.level]} - ${oneLine(`${f.message}${elsewhere(f, placeFrom(opts.cwd ?? result.root))}`)} (${f.ruleId})`;
  });
  for (const n of fileNotifications(result)) lines.push(`${printablePath(n.file)}: line ${n.at?.line ?? 0}, col ${n.at?.column ?? 0}, ${n.level === 'error' ? 'Error' : n.level === 'warning' ? 'Warning' : 'Info'} - ${oneLine(n.message.split('\n')[0] ?? '')} (${notificationTag(n.level)})`);
  const total = result.findings.length;
  if (total > 0) lines.push('', `${total} problem${total === 1 ? '' : 's'}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
