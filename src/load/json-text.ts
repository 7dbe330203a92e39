// Character-level helpers for JSON text that jsonc-parser does not provide: a nesting-depth scan
// (so hostile nesting is reported before any recursive parser sees it), comments and trailing
// commas blanked for JSON.parse, masking of raw line breaks
// inside strings (Azure accepts them, jsonc-parser ends the string there), and mapping an index in
// a decoded string value back to its offset in the file (for spans inside expressions).

/** Whether `text` is strict JSON (a -p value, which the CLI reads as JSON first). */
export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

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

/**
 * The text with its comments and trailing commas turned into spaces (offsets unchanged), for
 * JSON.parse; undefined when it has neither, or when it has an unterminated comment or string or
 * a '/' that starts no comment (jsonc-parser then reports it at its place). Only a comma that
 * ends a value list is trailing: "[,]" and "[1,,]" stay errors. Anything else JSON.parse does not
 * accept is left as it is, for JSON.parse to refuse.
 *
 * A scan of its own, not jsonc-parser's scanner: strings, most of a template, are skipped with
 * indexOf, and nothing is made per token (the scanner took 18 ms for the 29 quickstart templates
 * with comments, 314 KB).
 */
export function blankCommentsAndTrailingCommas(text: string): string | undefined {
  const n = text.length;
  const blanks: number[] = []; // start, end, start, end, ...
  let comma = -1; // offset of a comma after a value, with only white space and comments after it so far
  let afterValue = false; // the last character that is not white space or a comment ends a value
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // To the closing quote: the first one not escaped by an odd number of backslashes.
      let q = text.indexOf('"', i + 1);
      for (;;) {
        if (q < 0) return undefined;
        let b = q - 1;
        while (text.charCodeAt(b) === 92 /* \ */) b--;
        if ((q - 1 - b) % 2 === 0) break;
        q = text.indexOf('"', q + 1);
      }
      i = q + 1;
      comma = -1;
      afterValue = true;
    } else if (c === 47 /* / */) {
      const d = text.charCodeAt(i + 1);
      let end: number;
      if (d === 47) {
        // A line comment ends at the line break (CR or LF), which stays.
        end = i + 2;
        while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      } else if (d === 42) {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) return undefined;
        end = close + 2;
      } else return undefined;
      blanks.push(i, end);
      i = end;
    } else if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
    } else {
      if ((c === 125 /* } */ || c === 93) /* ] */ && comma >= 0) blanks.push(comma, comma + 1);
      comma = c === 44 /* , */ && afterValue ? i : -1;
      // A value ends with a closing bracket, a string (above) or a literal's last character.
      afterValue = c !== 44 && c !== 123 /* { */ && c !== 91 /* [ */ && c !== 58; /* : */
      i++;
    }
  }
  if (blanks.length === 0) return undefined;
  // Comments and commas were found in text order, but a trailing comma is found after the
  // comments that follow it: in order of their start.
  const spans: [number, number][] = [];
  for (let k = 0; k < blanks.length; k += 2) spans.push([blanks[k] as number, blanks[k + 1] as number]);
  spans.sort((a, b) => a[0] - b[0]);
  const out: string[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    out.push(text.slice(at, start), ' '.repeat(end - start));
    at = end;
  }
  out.push(text.slice(at));
  return out.join('');
}
