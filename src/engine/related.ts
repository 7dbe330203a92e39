// Related locations of a finding, each once.
import type { Span } from '../model/span.js';

/**
 * Related locations without repeats (one place, one message, once): a parameter a module loop
 * passes to every instance is one source of the value, however many scopes report it.
 */
export function distinctRelated(list: { span: Span; message: string }[]): { span: Span; message: string }[] {
  if (list.length < 2) return list;
  const seen = new Set<string>();
  return list.filter((r) => {
    const key = `${r.span.identity()}\u0000${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
