// The text of a file that loadTextContent(), loadJsonContent() and loadYamlContent() read, decoded
// as the Bicep compiler decodes it: a .NET StreamReader over the file with the encoding the call
// names (UTF-8 when none) and byte order mark detection on (FileResolver.TryRead). So a byte
// order mark wins over the named encoding (the compiler only notes the mismatch, BCP185), and
// bytes the encoding cannot decode become U+FFFD ('?' for ASCII): never an error. A file in
// Windows-1252, or a binary file, compiles; its text is what the compiler puts in the template.

/** The encodings the load functions take (lower case), and how each decodes bytes without a byte order mark. */
const DECODERS: Record<string, (bytes: Uint8Array) => string> = {
  'utf-8': (b) => asBuffer(b).toString('utf8'),
  // .NET's ASCII decoder replaces every byte above 127 by '?'.
  'us-ascii': (b) => asBuffer(b).toString('latin1').replace(/[\x80-\xff]/g, '?'),
  // ISO-8859-1 maps each byte to the same code point.
  'iso-8859-1': (b) => asBuffer(b).toString('latin1'),
  'utf-16': (b) => new TextDecoder('utf-16le').decode(b),
  'utf-16be': (b) => new TextDecoder('utf-16be').decode(b),
};

/** The encoding names loadTextContent() and the others take (for messages). */
export const LOAD_ENCODINGS: readonly string[] = ['us-ascii', 'iso-8859-1', 'utf-16', 'utf-16be', 'utf-8'];

/** Whether the load functions take this encoding name (case-insensitively, as the compiler does). */
export function isLoadEncoding(name: string): boolean {
  return Object.hasOwn(DECODERS, name.toLowerCase());
}

/** The file's text as the compiler reads it with `encoding` (a name isLoadEncoding() accepts; UTF-8 when undefined). */
export function decodeLoadedText(bytes: Uint8Array, encoding = 'utf-8'): string {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  // StreamReader's byte order marks, in its order: UTF-16 BE, UTF-32 LE before UTF-16 LE, UTF-8, UTF-32 BE.
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (b0 === 0xff && b1 === 0xfe) return b2 === 0 && b3 === 0 && bytes.length >= 4 ? utf32(bytes.subarray(4), true) : new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return asBuffer(bytes.subarray(3)).toString('utf8');
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return utf32(bytes.subarray(4), false);
  const decode = isLoadEncoding(encoding) ? DECODERS[encoding.toLowerCase()] : DECODERS['utf-8'];
  return (decode as (b: Uint8Array) => string)(bytes);
}

function asBuffer(b: Uint8Array): Buffer {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** UTF-32 (a byte order mark said so; TextDecoder has no UTF-32): a code point that is none, or a last partial unit, is U+FFFD. */
function utf32(b: Uint8Array, le: boolean): string {
  const points: number[] = [];
  for (let i = 0; i + 3 < b.length; i += 4) {
    const cp = le ? ((b[i + 3] as number) << 24) | ((b[i + 2] as number) << 16) | ((b[i + 1] as number) << 8) | (b[i] as number) : ((b[i] as number) << 24) | ((b[i + 1] as number) << 16) | ((b[i + 2] as number) << 8) | (b[i + 3] as number);
    points.push(cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
  }
  if (b.length % 4 !== 0) points.push(0xfffd);
  let out = '';
  // String.fromCodePoint takes its arguments on the stack: in slices.
  for (let i = 0; i < points.length; i += 8192) out += String.fromCodePoint(...points.slice(i, i + 8192));
  return out;
}
