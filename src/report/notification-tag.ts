// How the text formats tag the tool's own notifications.

/** An error of the tool is an internal failure; a warning or note of it (a file it could not read, a path that matched nothing) is the tool speaking. */
export function notificationTag(level: 'error' | 'warning' | 'note'): string {
  return level === 'error' ? 'internal-error' : 'vtaplint';
}
