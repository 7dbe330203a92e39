// Reads a file from disk into a SourceText: size limit, encodings (UTF-8 with or without BOM,
// UTF-16 with BOM), and a clear diagnostic for what is not text (invalid UTF-8, NUL bytes).
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import nodePath from 'node:path';
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../model/diagnostic.js';
import { SourceText, type SourceKind } from '../model/source.js';
import { TextSpan } from '../model/span.js';
import { DEFAULT_LIMITS } from '../model/limits.js';
import { listedAsFolder } from '../discover/folder-listings.js';
import { boolAnswer, digest, noteInput, recording } from '../model/inputs.js';
import { linkStats, pathStats } from '../model/path-kind.js';

export interface ReadLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFileBytes: DEFAULT_LIMITS.maxFileBytes };

/**
 * `head`: for a file larger than maxFileBytes, its first bytes as text (at most HEAD_BYTES, decoded
 * leniently), enough to tell whether it says it is an ARM template or parameters file.
 */
export type ReadResult = { ok: true; source: SourceText } | { ok: false; source: SourceText; diagnostic: Diagnostic; head?: string };

/** How much of a file too large to read is read to tell what it is. */
const HEAD_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function fail(path: string, kind: SourceKind, code: Diagnostic['code'], message: string, text = '', unreadable = false, head?: string): ReadResult {
  const source = new SourceText(path, text, kind);
  return { ok: false, source, diagnostic: { code, message, span: new TextSpan(source, 0, 0), ...(unreadable ? { unreadable } : {}) }, ...(head !== undefined ? { head } : {}) };
}

/** The first bytes of an open file as text (UTF-16 by its byte order mark, else UTF-8), leniently. */
function readHead(fd: number, size: number): string | undefined {
  try {
    const buf = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const n = readSync(fd, buf, 0, buf.length, 0);
    const bytes = buf.subarray(0, n);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
    return bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

/** Decodes file bytes; returns the text or a reason it is not text. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string; offset: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    const body = bytes.subarray(2);
    if (body.length % 2 !== 0) return { error: 'the file starts with a UTF-16 byte order mark but has an odd number of bytes', offset: 0 };
    try {
      return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(body) };
    } catch {
      return { error: 'the file is not valid UTF-16', offset: 0 };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // UTF-16 without a byte order mark: every other byte of ASCII text is NUL.
    if (nul <= 1 && bytes.length >= 4 && (bytes[nul + 2] === 0 || bytes[3] === 0)) {
      return { error: 'the file looks like UTF-16 without a byte order mark; save it as UTF-8 (or UTF-16 with a byte order mark)', offset: 0 };
    }
    return { error: `the file is not text: it contains a NUL byte at byte offset ${nul}`, offset: nul };
  }
  // Validation and decoding are Node's own (simdutf): several times faster than a fatal TextDecoder.
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    // Find the first bad byte so the message points somewhere useful.
    let lo = 0;
    let hi = bytes.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      try {
        utf8.decode(bytes.subarray(0, mid));
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    return { error: `the file is not valid UTF-8 (bad byte near byte offset ${lo})`, offset: lo };
  }
}

export function readSource(path: string, kind: SourceKind, limits: ReadLimits = DEFAULT_READ_LIMITS): ReadResult {
  const opened: Opened | undefined = recording() ? {} : undefined;
  const r = readOpened(path, kind, limits, 0, opened) as ReadResult;
  if (recording()) noteInput('readAnywhere', [nodePath.resolve(path), limits.maxFileBytes], () => readAnswer(r), r.ok ? opened?.signature : undefined);
  return r;
}

/** What an open tells the result cache about the file it opened (while a recording runs). */
interface Opened {
  signature?: string | undefined;
}

/**
 * A file changed less than this before it is read keeps no signature: a write after the read,
 * within the file system's timestamp granularity (a second or two on some), could leave its times
 * as they were (git's "racily clean" files).
 */
const SETTLED_MS = 2000;

/**
 * A read file's identity for the result cache (src/model/inputs.ts): its device, inode, size and
 * modification and change times. Found equal later, the file holds the same bytes, and the
 * answer is taken without reading it (stillSigned): every write sets the change time, which no
 * program can set back (cp -p, tar and rsync -t set the modification time only). None for a file
 * that had not settled (SETTLED_MS) when it was read.
 */
function fileSignature(st: Stats): string | undefined {
  return Math.max(st.mtimeMs, st.ctimeMs) < Date.now() - SETTLED_MS ? signatureText(st) : undefined;
}

function signatureText(st: Stats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}

/**
 * Whether the file a read found with `signature` (fileSignature) is there unchanged, found as the
 * read found it: for readSourceInside ('read'), at its folder's real path inside the root and not
 * a link (as readUnlinked opens it); for readSource ('readAnywhere'), where its path leads. Then
 * the read would give the same answer.
 */
export function stillSigned(kind: 'read' | 'readAnywhere', path: string, root: string, signature: string): boolean {
  const at = kind === 'read' ? unlinkedPath(path, root) : nodePath.resolve(path);
  if (at === undefined) return false;
  const st = kind === 'read' ? linkStats(at) : pathStats(at);
  return st !== undefined && st.isFile() && signatureText(st) === signature;
}

/** A read's answer for the result cache (src/model/inputs.ts): the text it gave, or why it gave none. */
export function readAnswer(r: ReadResult): string {
  if (r.ok) return `ok ${digest(r.source.text)}`;
  return `no ${digest(r.source.text)} ${r.head !== undefined ? digest(r.head) : '-'} ${r.diagnostic.code} ${r.diagnostic.message}`;
}

export function bytesAnswer(r: { bytes: Uint8Array } | { error: string }): string {
  return 'bytes' in r ? `ok ${digest(r.bytes)}` : `no ${r.error}`;
}

export function namesAnswer(r: { names: string[] } | { error: string }): string {
  return 'names' in r ? `ok ${digest(r.names.join('\u0000'))}` : `no ${r.error}`;
}

/** What a read says of a path that names no file (ENOENT, or a file where its path needs a folder). */
export const NO_SUCH_FILE = 'the file does not exist';

/** What a read says of a path with U+FFFD that names no file (see cannotRead). */
export const NOT_UTF8_NAME = "cannot read the file: its name is not valid UTF-8 (the bad bytes are shown as '\uFFFD'), and files are opened by names in UTF-8: rename it";

/** The message for a file the system would not let us read: missing, or its error code (e.g. EACCES). */
function cannotRead(e: unknown, path?: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  // A name that is not valid UTF-8 reaches us from a folder's listing with U+FFFD in place of its
  // bad bytes, a name no file has: "the file does not exist" of a file the user sees listed.
  if ((code === 'ENOENT' || code === 'ENOTDIR') && path?.includes('\uFFFD')) return NOT_UTF8_NAME;
  if (code === 'ENOENT' || code === 'ENOTDIR') return NO_SUCH_FILE;
  return `cannot read the file: ${code ?? String(e)}`;
}

/**
 * The message for a file another file names (a module, a linked template, a load*() file, the
 * template of `using`) that could not be read: `written` is its path as the user wrote it, so a
 * missing file reads "the module 'modules/tap.bicep' does not exist", not an error code.
 */
export function unreadFileMessage(what: string, written: string, error: string): string {
  return error === NO_SUCH_FILE ? `the ${what} '${written}' does not exist` : `cannot read the ${what} '${written}': ${error}`;
}

/** O_NOFOLLOW where the platform has it (not on Windows): opening a symbolic link then fails. */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** Why an opened file is not read: a message, whether it is a limit, whether the file cannot be read at all. */
interface Refusal {
  message: string;
  limit: boolean;
  unreadable: boolean;
  /** The first bytes of a file too large to read. */
  head?: string;
}

/**
 * Opens a file to read it. Opened without blocking (a FIFO would otherwise wait for a writer
 * forever), then checked through that one descriptor: one stat fewer per file than stat-then-read,
 * and nothing can swap the file between the check and the read. 'link' when NO_FOLLOW is among
 * the flags and the file is a symbolic link.
 */
function openChecked(path: string, limits: ReadLimits, flags: number, opened?: Opened): { fd: number; size: number } | Refusal | 'link' {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | flags);
  } catch (e) {
    if (flags & NO_FOLLOW && (e as NodeJS.ErrnoException).code === 'ELOOP') return 'link';
    return { message: cannotRead(e, path), limit: false, unreadable: true };
  }
  let refusal: Refusal;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) refusal = { message: 'not a regular file', limit: false, unreadable: true };
    else if (st.size > limits.maxFileBytes) {
      refusal = { message: `the file is ${st.size} bytes, larger than the limit of ${limits.maxFileBytes} bytes (limit maxFileBytes); it is not analysed`, limit: true, unreadable: false, head: readHead(fd, st.size) };
    } else {
      if (opened !== undefined) opened.signature = fileSignature(st);
      return { fd, size: st.size };
    }
  } catch (e) {
    refusal = { message: cannotRead(e), limit: false, unreadable: true };
  }
  closeSync(fd);
  return refusal;
}

/** readSource, with extra open flags; 'link' when NO_FOLLOW is among them and the file is a symbolic link. */
function readOpened(path: string, kind: SourceKind, limits: ReadLimits, flags: number, seen?: Opened): ReadResult | 'link' {
  const opened = openChecked(path, limits, flags, seen);
  if (opened === 'link') return 'link';
  if (!('fd' in opened)) return fail(path, kind, opened.limit ? 'limit-exceeded' : 'invalid-template', opened.message, '', opened.unreadable, opened.head);
  const { fd, size } = opened;
  try {
    // Fast path: Node decodes UTF-8 straight into a string, with no Buffer in between. A
    // replacement character or a NUL in the result means the bytes may not be clean UTF-8 text
    // (invalid bytes, UTF-16, binary): then they are read again, as bytes, and checked.
    const text = readFileSync(fd, 'utf8');
    if (!text.includes('\uFFFD') && !text.includes('\0')) {
      return { ok: true, source: new SourceText(path, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, kind) };
    }
    return fromBytes(path, kind, bytesFromStart(fd, size));
  } catch (e) {
    return fail(path, kind, 'invalid-template', cannotRead(e), '', true);
  } finally {
    closeSync(fd);
  }
}

/** The first `size` bytes of an open file (read from offset 0, whatever its position). */
function bytesFromStart(fd: number, size: number): Uint8Array {
  const buf = Buffer.allocUnsafe(size);
  let n = 0;
  while (n < size) {
    const got = readSync(fd, buf, n, size - n, n);
    if (got === 0) break;
    n += got;
  }
  return buf.subarray(0, n);
}

/** A file's bytes as text, or a finding at the first byte that is not text. */
function fromBytes(path: string, kind: SourceKind, bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes);
  if ('error' in decoded) {
    // The finding points at the bad byte: the text before it is decoded (leniently) for positions.
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes; // offsets are after the BOM
    const text = new TextDecoder('utf-8').decode(body.subarray(0, decoded.offset));
    const source = new SourceText(path, text, kind);
    return { ok: false, source, diagnostic: { code: 'invalid-template', message: decoded.error, span: new TextSpan(source, text.length, text.length) } };
  }
  return { ok: true, source: new SourceText(path, decoded.text, kind) };
}

/** The real path of `p` (links resolved), or undefined when it does not exist. */
export function realPath(p: string): string | undefined {
  const abs = nodePath.resolve(p);
  let link: boolean;
  try {
    link = lstatSync(abs).isSymbolicLink();
  } catch {
    return undefined;
  }
  const dir = nodePath.dirname(abs);
  if (link || dir === abs) return resolveLinks(abs);
  // A file that is not a link lies where its folder really is: one lstat per file, one realpath
  // per folder (a realpath is an lstat of every path component).
  const realDir = realDirOf(dir);
  return realDir === undefined ? undefined : nodePath.join(realDir, nodePath.basename(abs));
}

/**
 * The real path of a folder (absolute), remembered: asked for every file read in it. A folder the
 * discovery walk listed in its parent as a folder, not a link, lies where its parent really is
 * (src/discover/folder-listings.ts): no realpath(3), which reads every component of the path.
 */
function realDirOf(dir: string): string | undefined {
  let realDir = realDirs.get(dir);
  if (realDir === undefined && !realDirs.has(dir)) {
    const parent = nodePath.dirname(dir);
    if (parent !== dir && listedAsFolder(dir)) {
      const realParent = realDirOf(parent);
      realDir = realParent === undefined ? undefined : nodePath.join(realParent, nodePath.basename(dir));
    } else realDir = resolveLinks(dir);
    if (realDirs.size > 10_000) realDirs.clear();
    realDirs.set(dir, realDir);
  }
  return realDir;
}

const realDirs = new Map<string, string | undefined>();

/** Whether the absolute path `p` is the folder `dir` or inside it (as written: links are not resolved). */
export function isUnder(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir.endsWith(nodePath.sep) ? dir : dir + nodePath.sep);
}

/** The real path of a lint root (absolute), remembered: one per run, asked for every file read. */
function realRootOf(absRoot: string): string {
  let realRoot = realRoots.get(absRoot);
  if (realRoot === undefined) {
    realRoot = realPath(absRoot) ?? absRoot;
    if (realRoots.size > 1000) realRoots.clear();
    realRoots.set(absRoot, realRoot);
  }
  return realRoot;
}

function resolveLinks(p: string): string | undefined {
  try {
    // The C library's realpath(3): one call, where the JavaScript one stats every path component.
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/**
 * Where `file` really is when it lies inside `root` (both with links resolved): `inside` false
 * when it does not; `real` undefined when it does not exist.
 */
function locateInsideRoot(file: string, root: string): { inside: boolean; real: string | undefined } {
  const absRoot = nodePath.resolve(root);
  const realRoot = realRootOf(absRoot);
  const abs = nodePath.resolve(file);
  // A path outside the root as written is refused without asking the file system anything about it.
  if (!isUnder(abs, absRoot) && !isUnder(abs, realRoot)) return { inside: false, real: undefined };
  const real = realPath(abs);
  return { inside: isUnder(real ?? abs, realRoot), real };
}

/** The lint roots of this process, links resolved. */
const realRoots = new Map<string, string>();

/** Whether `file` (links resolved) lies inside `root` (links resolved). */
export function isInsideRoot(file: string, root: string): boolean {
  const inside = locateInsideRoot(file, root).inside;
  if (recording()) noteInput('inside', [nodePath.resolve(file), nodePath.resolve(root)], () => boolAnswer(inside));
  return inside;
}

/**
 * Why a file isInsideRoot() refused is outside the root, for a message: its path as written, or,
 * when that path is inside, the symbolic link on the way that leads out (naming the link's own
 * path, which is inside the folder, said nothing of why it was refused).
 */
export function outsideRootReason(file: string, root: string): string {
  const reason = whyOutside(file, root);
  if (recording()) noteInput('outside', [nodePath.resolve(file), nodePath.resolve(root)], () => reason);
  return reason;
}

function whyOutside(file: string, root: string): string {
  const abs = nodePath.resolve(file);
  const absRoot = nodePath.resolve(root);
  if (isUnder(abs, absRoot) || isUnder(abs, realRootOf(absRoot))) {
    const real = realPath(abs);
    if (real !== undefined && real !== abs) return `it leads through a symbolic link to '${real}', outside the folder being linted; it is not read`;
  }
  return `'${abs}' is outside the folder being linted${widerRootHint(abs, absRoot)}`;
}

/**
 * How to lint a file outside the root after all: from the deepest folder that holds both (a
 * module in a sibling folder of the one linted: `cd .. && vtaplint app`). Nothing when only the
 * file system's root holds both.
 */
export function widerRootHint(file: string, root: string): string {
  const abs = nodePath.resolve(file);
  const absRoot = nodePath.resolve(root);
  let common = absRoot;
  while (!isUnder(abs, common) && nodePath.dirname(common) !== common) common = nodePath.dirname(common);
  if (nodePath.dirname(common) === common) return '';
  return ` ('${absRoot}'); to check it, lint from '${common}', which holds both (there: vtaplint ${nodePath.relative(common, absRoot) || '.'})`;
}

/**
 * The bytes of a file inside the lint root (for Bicep's loadFileAsBase64() and the encodings
 * loadTextContent() takes), with readSourceInside's checks: links followed only inside the root,
 * regular files only, the size limit.
 */
export function readBytesInside(path: string, root: string, limits: ReadLimits = DEFAULT_READ_LIMITS): { bytes: Uint8Array } | { error: string } {
  const r = bytesInside(path, root, limits);
  if (recording()) noteInput('bytes', [nodePath.resolve(path), nodePath.resolve(root), limits.maxFileBytes], () => bytesAnswer(r));
  return r;
}

function bytesInside(path: string, root: string, limits: ReadLimits): { bytes: Uint8Array } | { error: string } {
  const { inside, real } = locateInsideRoot(path, root);
  if (!inside) return { error: 'the file is outside the folder being linted (by its path or through a symbolic link); it is not read' };
  const opened = openChecked(real ?? path, limits, 0);
  if (opened === 'link' || !('fd' in opened)) return { error: opened === 'link' ? 'a symbolic link' : opened.message };
  try {
    return { bytes: bytesFromStart(opened.fd, opened.size) };
  } catch (e) {
    return { error: cannotRead(e) };
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * The names of the files directly in a folder inside the lint root (Bicep's
 * loadDirectoryFileInfo()): regular files, and symbolic links to files that are inside the root;
 * no folders. Only names are read, never the files.
 */
export function listFilesInside(dir: string, root: string): { names: string[] } | { error: string } {
  const r = filesInside(dir, root);
  if (recording()) noteInput('list', [nodePath.resolve(dir), nodePath.resolve(root)], () => namesAnswer(r));
  return r;
}

function filesInside(dir: string, root: string): { names: string[] } | { error: string } {
  const { inside, real } = locateInsideRoot(dir, root);
  if (!inside) return { error: 'the directory is outside the folder being linted (by its path or through a symbolic link); it is not read' };
  if (real === undefined) return { error: 'the directory does not exist' };
  let entries: Dirent[];
  try {
    if (!statSync(real).isDirectory()) return { error: 'the path is a file, not a directory' };
    entries = readdirSync(real, { withFileTypes: true });
  } catch (e) {
    return { error: `cannot read the directory: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  const names: string[] = [];
  for (const d of entries) {
    if (d.isFile()) names.push(d.name);
    else if (d.isSymbolicLink()) {
      const target = locateInsideRoot(nodePath.join(real, d.name), root);
      try {
        if (target.inside && target.real !== undefined && statSync(target.real).isFile()) names.push(d.name);
      } catch {
        // A link that cannot be followed is not a file of the folder.
      }
    }
  }
  return { names };
}

/**
 * readSource for a file a template or the folder names: refused when it resolves (through
 * symbolic links) outside the lint root, and read at its resolved path, so that nothing outside
 * the folder vtaplint was pointed at is ever opened. Positions keep the path as written.
 */
export function readSourceInside(path: string, kind: SourceKind, root: string, limits: ReadLimits = DEFAULT_READ_LIMITS): ReadResult {
  // Signed only when read the way stillSigned finds it again (readUnlinked).
  const opened: Opened | undefined = recording() ? {} : undefined;
  const r = readUnlinked(path, kind, root, limits, opened) ?? readResolved(path, kind, root, limits);
  if (recording()) noteInput('read', [nodePath.resolve(path), nodePath.resolve(root), limits.maxFileBytes], () => readAnswer(r), r.ok ? opened?.signature : undefined);
  return r;
}

/**
 * The common case without an lstat per file: the file's folder (its real path, known once per
 * folder) is inside the root, and the file is opened with O_NOFOLLOW, which refuses a symbolic
 * link in the same system call that opens the file. undefined when that cannot decide: no
 * O_NOFOLLOW (Windows), a path outside the root as written, a folder that does not resolve, or a
 * link (readResolved then follows it and checks where it leads).
 */
function readUnlinked(path: string, kind: SourceKind, root: string, limits: ReadLimits, opened?: Opened): ReadResult | undefined {
  const real = unlinkedPath(path, root);
  if (real === undefined) return undefined;
  // A link is refused by the open itself, before any signature is taken.
  const r = readOpened(real, kind, limits, NO_FOLLOW, opened);
  if (r === 'link') return undefined;
  return real === path ? r : asWritten(path, kind, r);
}

/**
 * Where readUnlinked opens `path` (with O_NOFOLLOW): in its folder's real path, inside the root;
 * undefined when it cannot decide that way.
 */
function unlinkedPath(path: string, root: string): string | undefined {
  if (NO_FOLLOW === 0) return undefined;
  const abs = nodePath.resolve(path);
  const absRoot = nodePath.resolve(root);
  const realRoot = realRootOf(absRoot);
  if (!isUnder(abs, absRoot) && !isUnder(abs, realRoot)) return undefined;
  const dir = nodePath.dirname(abs);
  if (dir === abs) return undefined;
  const realDir = realDirOf(dir);
  if (realDir === undefined) return undefined;
  const real = nodePath.join(realDir, nodePath.basename(abs));
  return isUnder(real, realRoot) ? real : undefined;
}

/** The result of reading a file at its real path, with positions in the path as written. */
function asWritten(path: string, kind: SourceKind, r: ReadResult): ReadResult {
  const source = new SourceText(path, r.source.text, kind);
  return r.ok ? { ok: true, source } : { ok: false, source, diagnostic: { ...r.diagnostic, span: new TextSpan(source, 0, 0) }, ...(r.head !== undefined ? { head: r.head } : {}) };
}

function readResolved(path: string, kind: SourceKind, root: string, limits: ReadLimits): ReadResult {
  const { inside, real } = locateInsideRoot(path, root);
  if (!inside) {
    return fail(path, kind, 'invalid-template', 'the file is outside the folder being linted (by its path or through a symbolic link); it is not read');
  }
  if (real === undefined) return readSource(path, kind, limits); // missing: the ordinary "cannot read" finding
  const r = readSource(real, kind, limits);
  return real === path ? r : asWritten(path, kind, r);
}
