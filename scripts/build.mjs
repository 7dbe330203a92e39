// Bundles the CLI (and the GitHub Action entry) into dist/ with esbuild: one file each, so
// start-up loads one module instead of hundreds (see docs/performance.md, "Techniques").
//
// The CLI and its worker are CommonJS (dist/*.cjs): bin/run-bundle.cjs runs them through V8's
// code cache with vm.Script, which takes a script, not an ES module. Each ends with a build id (a
// hash of its content) that names its cache. The Action stays an ES module (dist/action.js): the
// runner starts it once per job, where a code cache would not help.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  // jsonc-parser's "main" is a UMD build esbuild cannot follow; its ESM build is under "module".
  mainFields: ['module', 'main'],
  // Keep node_modules paths as seen from the project (scripts/check-dist.mjs builds in a temporary
  // export with a symlinked node_modules and must produce the same bytes).
  preserveSymlinks: true,
  target: 'node20',
  outdir: 'dist',
  sourcemap: false,
  legalComments: 'none',
  // Whitespace and syntax minified (names kept, so stack traces still name functions), and only
  // ASCII: every run reads and decodes the bundle before V8 takes its code from the cache, and
  // a bundle with one non-ASCII character (a comment's ellipsis) is a two-byte string of twice
  // the size. 1.74 MB -> 1.20 MB; a one-file run ~20 ms faster (interleaved, medians of 15).
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
  loader: { '.md': 'text' },
  logLevel: 'warning',
};

const cli = [
  { in: 'src/cli/cli.ts', out: 'vtaplint' },
  { in: 'src/cli/worker.ts', out: 'worker' },
].filter((e) => existsSync(e.in));
await build({
  ...common,
  entryPoints: cli,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // The sources are ES modules; in the CommonJS bundle import.meta.url is the bundle's own URL.
  define: { 'import.meta.url': '__vtaplintBundleUrl' },
  banner: { js: "const __vtaplintBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
for (const e of cli) {
  const file = `dist/${e.out}.cjs`;
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, `${text}// vtaplint-build ${createHash('sha256').update(text).digest('hex').slice(0, 32)}\n`);
}

// The YAML parser, loaded only by a Bicep file that calls loadYamlContent() (src/bicep/yaml.ts):
// a bundle of its own beside the CLI, the worker and the Action, so that their start stays small.
await build({
  ...common,
  entryPoints: [{ in: 'src/bicep/yaml-bundle.ts', out: 'yaml' }],
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
});

if (existsSync('src/action/main.ts')) {
  await build({
    ...common,
    entryPoints: [{ in: 'src/action/main.ts', out: 'action' }],
    format: 'esm',
    outExtension: { '.js': '.js' },
    // Some bundled CommonJS dependencies call require(); give ESM output a require().
    banner: { js: "import { createRequire as __vtaplintCreateRequire } from 'node:module'; const require = __vtaplintCreateRequire(import.meta.url);" },
  });
}
