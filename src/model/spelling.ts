// Spelling suggestions for names that do not exist ("did you mean 'concat'?"), as the Bicep
// compiler makes them: a message that names the likely intended name says how to fix it.
//
// The cost is bounded, since names and the lists they are compared with come from templates:
// an edit distance over two 40,000-character names took 30 s (a file of 80 KB), and thousands of
// misspelt names each compared with thousands of declared ones took as long. So the distance is
// computed only within the band that can still beat the best candidate so far, stops as soon as a
// row cannot, and longer names than identifiers ever are get only the case-only suggestion.

/** Longest name compared by edit distance (Bicep and ARM names are far shorter in practice). */
const MAX_EDIT_LENGTH = 64;

/**
 * The compiler's spelling suggestion (Bicep.Core.Text.SpellChecker): a candidate equal but for
 * case, else the nearest by edit distance, with about one edit allowed per three characters.
 */
export function suggestion(name: string, candidates: readonly string[]): string | undefined {
  const maxLengthDifference = Math.min(Math.floor(name.length * 0.34), 2);
  const maxDistance = Math.floor(name.length * 0.34) + 1;
  const upper = name.toUpperCase();
  const edits = name.length <= MAX_EDIT_LENGTH;
  let best: string | undefined;
  let bestDistance = maxDistance;
  for (const c of candidates) {
    if (c === '' || Math.abs(name.length - c.length) > maxLengthDifference) continue;
    const cu = c.toUpperCase();
    if (cu === upper) return c;
    if (!edits) continue;
    const dist = distance(upper, cu, bestDistance);
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best;
}

// Two rows of the distance table, reused between calls (names are at most MAX_EDIT_LENGTH + 2 long).
let prev = new Int32Array(MAX_EDIT_LENGTH + 4);
let cur = new Int32Array(MAX_EDIT_LENGTH + 4);

/**
 * Levenshtein distance of `a` and `b` when it is below `limit`, else `limit` (or more): only the
 * cells within `limit` of the diagonal are computed, and a row whose every cell reaches `limit`
 * ends the search.
 */
export function distance(a: string, b: string, limit = Infinity): number {
  const m = b.length;
  if (Math.abs(a.length - m) >= limit) return limit;
  if (prev.length <= m) {
    prev = new Int32Array(m + 1);
    cur = new Int32Array(m + 1);
  }
  const cap = Number.isFinite(limit) ? limit : a.length + m + 1;
  for (let j = 0; j <= m; j++) prev[j] = Math.min(j, cap);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - cap);
    const to = Math.min(m, i + cap);
    cur[from - 1] = from === 1 ? Math.min(i, cap) : cap;
    let rowMin = cur[from - 1] ?? cap;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const d = Math.min((prev[j] ?? cap) + 1, (cur[j - 1] ?? cap) + 1, (prev[j - 1] ?? cap) + (ai === b.charCodeAt(j - 1) ? 0 : 1), cap);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (to < m) cur[to + 1] = cap;
    if (rowMin >= cap) return limit;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m] ?? 0;
}
