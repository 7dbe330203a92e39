// Spelling suggestions for names that do not exist ("did you mean 'concat'?"), as the Bicep
// compiler makes them: a message that names the likely intended name says how to fix it.

/**
 * The compiler's spelling suggestion (Bicep.Core.Text.SpellChecker): a candidate equal but for
 * case, else the nearest by edit distance, with about one edit allowed per three characters.
 */
export function suggestion(name: string, candidates: readonly string[]): string | undefined {
  const maxLengthDifference = Math.min(Math.floor(name.length * 0.34), 2);
  const maxDistance = Math.floor(name.length * 0.34) + 1;
  const upper = name.toUpperCase();
  let best: string | undefined;
  let bestDistance = maxDistance;
  for (const c of candidates) {
    if (c === '' || Math.abs(name.length - c.length) > maxLengthDifference) continue;
    const cu = c.toUpperCase();
    if (cu === upper) return c;
    const dist = distance(upper, cu);
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
