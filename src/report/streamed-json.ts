// Writing a large JSON document one element of its big array at a time, with the same text
// JSON.stringify(document, null, 2) makes: the report is never whole as objects and as one
// string at once (10,000 findings make 7 MB, at the end of the run when memory is fullest).

/**
 * Writes `doc`, whose array under `key` is empty in it and sits at nesting `depth` (1 for a
 * top-level key), with `items` as that array's elements, each made only when it is written.
 */
export function writeWithArray(doc: unknown, key: string, depth: number, items: Iterable<unknown>, write: (s: string) => void): void {
  const whole = JSON.stringify(doc, null, 2);
  // A key is the only text at its indentation after a line break (line breaks inside strings
  // are escaped), so the empty array is found exactly, if no other key of that level has its name.
  const keyIndent = '  '.repeat(depth);
  const marker = `\n${keyIndent}${JSON.stringify(key)}: []`;
  const at = whole.indexOf(marker);
  if (at < 0) throw new Error(`the array '${key}' was not found in the document`);
  // Each element indented as one of the array's: two more spaces than the key on every line.
  const indent = `\n${keyIndent}  `;
  let n = 0;
  for (const item of items) {
    write(n++ === 0 ? `${whole.slice(0, at)}${marker.slice(0, -1)}` : ',');
    write(`${indent}${JSON.stringify(item, null, 2).replaceAll('\n', indent)}`);
  }
  if (n === 0) write(`${whole}\n`);
  else write(`\n${keyIndent}]${whole.slice(at + marker.length)}\n`);
}

/** Writes `items` as a top-level JSON array, one element at a time, with JSON.stringify(items, null, 2)'s text. */
export function writeArray(items: Iterable<unknown>, write: (s: string) => void): void {
  let n = 0;
  for (const item of items) write(`${n++ === 0 ? '[' : ','}\n  ${JSON.stringify(item, null, 2).replaceAll('\n', '\n  ')}`);
  write(n === 0 ? '[]\n' : '\n]\n');
}
