// `target.push(...items)` passes every item as an argument, and past about 120,000 of them V8
// throws a RangeError ("Maximum call stack size exceeded"). Many lists here are as long as the
// input makes them (a comment naming 50,000 rule ids in each of 20 lines was an internal error
// that failed the run), so they are appended one by one.

/** Appends `items` to `target`, in order. */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const x of items) target.push(x);
}
