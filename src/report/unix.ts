// "file:line:col: level: message [rule-id]", one finding per line: the GNU error format that
// terminals, vim's quickfix and Emacs' compilation mode turn into links.
import path from 'node:path';
import type { LintResult } from '../engine/lint.js';

export function formatUnix(result: LintResult): string {
  const lines = result.findings.map((f) => {
    const rel = path.relative(process.cwd(), f.location.file.path) || f.location.file.path;
    const { line, column } = f.location.region.start;
    return `${rel}:${line}:${column}: ${f.level}: ${f.message.replace(/\s+/g, ' ')} [${f.ruleId}]`;
  });
  for (const n of result.notifications) lines.push(`${n.file ?? 'vtaplint'}:1:1: error: ${n.message.split('\n')[0]} [internal-error]`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
