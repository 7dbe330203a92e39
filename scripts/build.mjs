// Bundles the CLI (and the GitHub Action entry) into dist/ with esbuild: one file each, so
// start-up loads one module instead of hundreds (see README, "Performance").
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'src/cli/cli.ts', out: 'vtaplint' },
  { in: 'src/cli/worker.ts', out: 'worker' },
  { in: 'src/action/main.ts', out: 'action' },
].filter((e) => existsSync(e.in));

await build({
  entryPoints: entries.map((e) => ({ in: e.in, out: e.out })),
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  // jsonc-parser's "main" is a UMD build esbuild cannot follow; its ESM build is under "module".
  mainFields: ['module', 'main'],
  // Keep node_modules paths as seen from the project (scripts/check-dist.mjs builds in a temporary
  // export with a symlinked node_modules and must produce the same bytes).
  preserveSymlinks: true,
  format: 'esm',
  target: 'node20',
  outExtension: { '.js': '.js' },
  sourcemap: false,
  legalComments: 'none',
  loader: { '.md': 'text' },
  logLevel: 'warning',
  // Some bundled CommonJS dependencies call require(); give ESM output a require().
  banner: { js: "import { createRequire as __vtaplintCreateRequire } from 'node:module'; const require = __vtaplintCreateRequire(import.meta.url);" },
});
