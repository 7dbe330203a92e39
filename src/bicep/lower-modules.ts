// What a file lowering needs from the outside: other Bicep and ARM JSON files (modules, compile-time imports)
// and files for load*Content(). Implemented by load.ts, which owns the host, the depth limit and
// cycle detection. `from` is the lowering of the file that names the module or import (its path,
// and the spans of its diagnostics there).
import type { Span } from '../model/span.js';
import type { TObject } from '../model/template.js';
import type { LoweredFile } from './lower.js';
import type { ExprLowerer } from './lower-expr.js';
import type { Node } from './syntax.js';

export interface ModuleLoader {
  /** The lowered template of a module file (Bicep or ARM JSON); undefined after a diagnostic. */
  lowerModule(absPath: string, at: Node, from: ExprLowerer): { root: TObject; span: Span } | undefined;
  /** The library a compile-time import reads (a lowered Bicep file, or an ARM JSON template as import-json.ts reads it); undefined after a diagnostic. */
  lowerImport(absPath: string, at: Node, from: ExprLowerer): LoweredFile | undefined;
  /** The text of a file for load*Content() (inside the lint root only). */
  readFile(absPath: string): { text: string } | { error: string };
  /** The bytes of a file for loadFileAsBase64() and loadTextContent() with an encoding (inside the lint root only). */
  readBytes(absPath: string): { bytes: Uint8Array } | { error: string };
  /** The names of the files directly in a folder for loadDirectoryFileInfo() (inside the lint root only). */
  listFiles(absDir: string): { names: string[] } | { error: string };
}
