// YAML for loadYamlContent(): the `yaml` package, loaded on first use. Bicep files that read YAML
// are rare and the parser takes ~15 ms to load, so it is not part of every start: the build makes
// it a bundle of its own (dist/yaml.cjs) beside the CLI, the worker and the Action; from the
// sources (tests, scripts) the package itself is loaded.
import { createRequire } from 'node:module';

interface YamlModule {
  parse(text: string, options: object): unknown;
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
export function parseYaml(text: string): { value: unknown } | { error: string } {
  try {
    // YAML 1.2 core schema, as JSON sees it: no custom tags, aliases bounded (a "billion laughs"
    // document fails instead of expanding), duplicate keys an error.
    // logLevel 'error': an unknown tag is not a process warning on stderr.
    const value = load().parse(text, { version: '1.2', schema: 'core', maxAliasCount: 100, uniqueKeys: true, prettyErrors: true, logLevel: 'error' });
    // An alias inside its own anchor (`a: &x [*x]`) makes a value that contains itself: JSON has none.
    if (containsItself(value, [])) return { error: 'an alias refers to a node that contains it, which has no JSON value' };
    return { value };
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e);
    return { error: message };
  }
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
