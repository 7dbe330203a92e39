// YAML for loadYamlContent(): the `yaml` package, loaded on first use. Bicep files that read YAML
// are rare and the parser takes ~15 ms to load, so it is not part of every start: the build makes
// it a bundle of its own (dist/yaml.cjs) beside the CLI, the worker and the Action; from the
// sources (tests, scripts) the package itself is loaded.
import { createRequire } from 'node:module';

interface YamlNode {
  range?: [number, number, number] | null;
}
interface YamlScalar extends YamlNode {
  value: unknown;
}
interface YamlMap extends YamlNode {
  items: { key: unknown }[];
}
interface YamlDocument {
  errors: { message: string; pos: [number, number] }[];
  toJS(options: object): unknown;
}
interface YamlModule {
  parseDocument(text: string, options: object): YamlDocument;
  visit(doc: YamlDocument, visitor: { Map: (key: unknown, map: YamlMap) => void }): void;
  isScalar(node: unknown): node is YamlScalar;
}

let yaml: YamlModule | undefined;

function load(): YamlModule {
  if (yaml) return yaml;
  const req = createRequire(import.meta.url);
  try {
    yaml = req('./yaml.cjs') as YamlModule;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
    yaml = req('yaml') as YamlModule;
  }
  return yaml;
}

/** The value of a YAML document as JSON values, or the parser's first error with its line and column. */
export function parseYaml(text: string): { value: unknown } | { error: string; tooDeep?: true } {
  try {
    // YAML 1.2 core schema, as JSON sees it: no custom tags, aliases bounded (a "billion laughs"
    // document fails instead of expanding), duplicate keys an error.
    // logLevel 'error': an unknown tag is not a process warning on stderr.
    // Duplicate keys are found here, not by the parser: its uniqueKeys check compares each key with
    // every earlier key of its map, minutes for a map of 100,000 keys within BCP184's limit.
    const y = load();
    const options = { version: '1.2', schema: 'core', maxAliasCount: 100, uniqueKeys: false, prettyErrors: true, logLevel: 'error' };
    const doc = y.parseDocument(text, options);
    const duplicate = firstDuplicateKey(y, doc);
    const first = doc.errors[0];
    // The parser's first error, or the duplicate key ahead of it (as the parser would report them).
    if (duplicate !== undefined && (first === undefined || duplicate < first.pos[0])) return { error: `Map keys must be unique at ${lineColumn(text, duplicate)}:` };
    // The parser reports running out of stack (flow collections nested thousands deep) as an
    // error of the document: valid YAML, too deep to read.
    if (first && STACK_OVERFLOW.test(first.message)) return { error: first.message.split('\n')[0] ?? '', tooDeep: true };
    if (first) return { error: first.message.split('\n')[0] ?? '' };
    const value = doc.toJS(options);
    // An alias inside its own anchor (`a: &x [*x]`) makes a value that contains itself: JSON has none.
    if (containsItself(value, [])) return { error: 'an alias refers to a node that contains it, which has no JSON value' };
    return { value };
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e);
    return STACK_OVERFLOW.test(message) ? { error: message, tooDeep: true } : { error: message };
  }
}

const STACK_OVERFLOW = /Maximum call stack size exceeded/;

/**
 * The offset of the first key that repeats an earlier key of its map, as the parser's uniqueKeys
 * check sees them (scalars with the same value; other keys are never equal), in linear time.
 */
function firstDuplicateKey(y: YamlModule, doc: YamlDocument): number | undefined {
  let first: number | undefined;
  y.visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!y.isScalar(key)) continue;
        const v = key.value;
        // The parser compares with ===, for which NaN (.nan) is no other key.
        if (typeof v === 'number' && Number.isNaN(v)) continue;
        if (seen.has(v)) {
          const at = key.range?.[0];
          if (at !== undefined && (first === undefined || at < first)) first = at;
        } else seen.add(v);
      }
    },
  });
  return first;
}

/** "line L, column C" (1-based) of an offset, as the parser's messages give positions. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${offset - start + 1}`;
}

/** Whether `v` contains one of its own ancestors (the path from the root down to it is `path`). */
function containsItself(v: unknown, path: object[]): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (path.includes(v)) return true;
  path.push(v);
  const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
  const found = children.some((c) => containsItself(c, path));
  path.pop();
  return found;
}
