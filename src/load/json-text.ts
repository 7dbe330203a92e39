// Character-level helpers for JSON text that jsonc-parser does not provide: a nesting-depth scan
// (so hostile nesting is reported before any recursive parser sees it), masking of raw line breaks
// inside strings (Azure accepts them, jsonc-parser ends the string there), and mapping an index in
// a decoded string value back to its offset in the file (for spans inside expressions).

/** Offset of the first bracket nested deeper than `limit`, or -1. Skips strings and comments. */
export function findExcessiveNesting(text: string, limit: number): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i = skipString(text, i);
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    } else if (c === 47 /* / */) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        const e = text.indexOf('\n', i);
        i = e < 0 ? n : e;
      } else if (d === 42) {
        const e = text.indexOf('*/', i + 2);
        i = e < 0 ? n : e + 1;
      }
    }
  }
  return -1;
}

/** Index of the closing quote of the string opening at `i` (or the end of text). */
function skipString(text: string, i: number): number {
  const n = text.length;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 /* \ */) j++;
    else if (c === 34) return j;
  }
  return n;
}

/** Placeholders for raw CR and LF inside strings: same length, and not line breaks to jsonc-parser. */
export const MASK_CR = '\u0001';
export const MASK_LF = '\u0002';

/**
 * Replaces raw CR/LF characters inside JSON strings with same-length placeholders, so offsets do
 * not move. Returns undefined when there is nothing to mask, or when the text already contains a
 * placeholder character (then the mapping back would be ambiguous and the text is parsed as is).
 */
export function maskLineBreaksInStrings(text: string): string | undefined {
  if (text.includes(MASK_CR) || text.includes(MASK_LF)) return undefined;
  let out: string[] | undefined;
  let last = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        const e = text.indexOf('\n', i);
        i = e < 0 ? n : e;
      } else if (d === 42) {
        const e = text.indexOf('*/', i + 2);
        i = e < 0 ? n : e + 1;
      }
      continue;
    }
    if (c !== 34) continue;
    for (let j = i + 1; j < n; j++) {
      const s = text.charCodeAt(j);
      if (s === 92) {
        j++;
        continue;
      }
      if (s === 34) {
        i = j;
        break;
      }
      if (s === 10 || s === 13) {
        out ??= [];
        out.push(text.slice(last, j), s === 10 ? MASK_LF : MASK_CR);
        last = j + 1;
      }
      if (j === n - 1) i = n;
    }
  }
  if (!out) return undefined;
  out.push(text.slice(last));
  return out.join('');
}

export function unmask(s: string): string {
  if (!s.includes(MASK_CR) && !s.includes(MASK_LF)) return s;
  return s.replaceAll(MASK_CR, '\r').replaceAll(MASK_LF, '\n');
}

/**
 * Offset in the file of decoded character `index` of the JSON string literal starting at
 * `literalStart` (the opening quote). `\uXXXX` and two-character escapes count as one decoded
 * character, as in the value the template sees.
 */
export function decodedIndexToOffset(text: string, literalStart: number, index: number): number {
  let pos = literalStart + 1;
  for (let k = 0; k < index; k++) {
    const c = text.charCodeAt(pos);
    if (c === 34 || Number.isNaN(c)) return pos;
    if (c === 92) pos += text.charCodeAt(pos + 1) === 117 /* u */ ? 6 : 2;
    else pos++;
  }
  return pos;
}
