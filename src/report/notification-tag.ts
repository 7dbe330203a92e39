// How the text formats tag the tool's own notifications, and which of them they show.
import type { LintResult, ToolNotification } from '../engine/lint.js';

/** An error of the tool is an internal failure; a warning or note of it (a file it could not read, a path that matched nothing) is the tool speaking. */
export function notificationTag(level: 'error' | 'warning' | 'note'): string {
  return level === 'error' ? 'internal-error' : 'vtaplint';
}

/**
 * The notifications an editor's format shows among the findings (stylish, unix, compact): those
 * about a file. One about no file (`-p x: no template declares x`) would read as a problem in a
 * file named "vtaplint" to a problem matcher; the CLI says it on standard error instead.
 */
export function fileNotifications(result: Pick<LintResult, 'findings' | 'notifications'>): (ToolNotification & { file: string })[] {
  return shownNotifications(result).filter((n): n is ToolNotification & { file: string } => n.file !== undefined);
}

/**
 * The notifications a format people read shows: not one that a finding shown at its file already
 * says (an unreadable file was said twice, as an invalid-template error and as a warning). When
 * that finding is not shown (its rule off, a baseline that has it), the notification still is.
 */
export function shownNotifications(result: Pick<LintResult, 'findings' | 'notifications'>): ToolNotification[] {
  if (!result.notifications.some((n) => n.sameAsFinding !== undefined)) return result.notifications;
  const said = new Set<string>();
  for (const f of result.findings) said.add(`${f.location.file.path}\n${f.message}`);
  return result.notifications.filter((n) => n.sameAsFinding === undefined || n.file === undefined || !said.has(`${n.file}\n${n.sameAsFinding}`));
}
