// The one string order of every output vtaplint sorts (findings, graph exports): code-unit order,
// so the same files give the same bytes on every machine whatever its locale.

/** Code-unit order: unlike localeCompare, the same on every machine. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
