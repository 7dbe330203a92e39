// Related locations of a finding, each once.
import type { Span } from '../model/span.js';
import { VALUE_ORIGIN } from './describe.js';

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

/**
 * A rule's related locations with the places supplied values were given: a rule's "the value
 * comes from here" at the very place a parameter's value is given (readEnvironmentVariable() in a
 * .bicepparam), or inside it (`resourceGroup().location` in the default that gives the value), is
 * left out, as the supplied one says more of the same place.
 */
export function withSupplied(own: { span: Span; message: string }[], supplied: { span: Span; message: string }[]): { span: Span; message: string }[] {
  if (!supplied.length || !own.some((r) => r.message === VALUE_ORIGIN)) return distinctRelated([...own, ...supplied]);
  const given = new Set(supplied.map((r) => r.span.identity()));
  const inGiven = (r: { span: Span }) => given.has(r.span.identity()) || supplied.some((s) => r.span.within(s.span));
  return distinctRelated([...own.filter((r) => r.message !== VALUE_ORIGIN || !inGiven(r)), ...supplied]);
}
