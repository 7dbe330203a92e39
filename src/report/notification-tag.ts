// How the text formats tag the tool's own notifications, and which of them they show.
import type { LintResult, ToolNotification } from '../engine/lint.js';

/** An error of the tool is an internal failure; a warning or note of it (a file it could not read, a path that matched nothing) is the tool speaking. */
export function notificationTag(level: 'error' | 'warning' | 'note'): string {
  return level === 'error' ? 'internal-error' : 'vtaplint';
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
