// ESLint's "stylish" layout, so VS Code's $eslint-stylish problem matcher reads it: the absolute
// file path on its own line, then "  line:col  severity  message  rule-id" per finding, then a
// summary. Severities are error, warning and info (SARIF "note" is shown as "info", the word the
// problem matcher knows).
import type { LintResult } from '../engine/lint.js';
import { elsewhere, placeFrom } from './elsewhere.js';
import { fileNotifications, notificationTag } from './notification-tag.js';
import { oneLine, printable } from './printable.js';
import { countByLevel } from '../engine/lint.js';
import type { Finding } from '../engine/finding.js';

export interface StylishOptions {
  color: boolean;
  /**
   * The folder the places named in messages (in other files) are written from: the CLI's working
   * directory, so that they resolve where the user is; the lint root when not given.
   */
  cwd?: string;
}

const LABEL = { error: 'error', warning: 'warning', note: 'info' } as const;

export function formatStylish(result: LintResult, opts: StylishOptions): string {
  const c = (code: string, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byFile.get(f.location.file.path);
    if (list) list.push(f);
    else byFile.set(f.location.file.path, [f]);
  }
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push('', c('4', printable(file)));
    const pos = findings.map((f) => `${f.location.region.start.line}:${f.location.region.start.column}`);
    // Loops, not Math.max(...list): a file may have more findings than a call takes arguments.
    const posWidth = pos.reduce((w, p) => Math.max(w, p.length), 0);
    const labelWidth = findings.reduce((w, f) => Math.max(w, LABEL[f.level].length), 0);
    findings.forEach((f, i) => {
      const label = LABEL[f.level];
      const colored = f.level === 'error' ? c('31', label) : f.level === 'warning' ? c('33', label) : c('36', label);
      const message = oneLine(`${f.message}${elsewhere(f, placeFrom(opts.cwd ?? result.root))}`);
      lines.push(`  ${c('2', (pos[i] as string).padEnd(posWidth))}  ${colored}${' '.repeat(labelWidth - label.length)}  ${message}  ${c('2', f.ruleId)}`);
    });
  }
  for (const n of fileNotifications(result)) lines.push('', printable(n.file), `  ${n.at ? `${n.at.line}:${n.at.column}` : '0:0'}  ${n.level === 'note' ? 'info' : n.level}  ${oneLine(n.message.split('\n')[0] ?? '')}  ${notificationTag(n.level)}`);
  const counts = countByLevel(result.findings);
  const total = result.findings.length;
  if (total > 0) {
    const parts = [`${counts.error} ${counts.error === 1 ? 'error' : 'errors'}`, `${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}`];
    if (counts.note) parts.push(`${counts.note} ${counts.note === 1 ? 'note' : 'notes'}`);
    const mark = counts.error ? c('31;1', '\u2716') : counts.warning ? c('33;1', '\u2716') : c('36;1', '\u2139');
    lines.push('', `${mark} ${total} ${total === 1 ? 'problem' : 'problems'} (${parts.join(', ')})`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

