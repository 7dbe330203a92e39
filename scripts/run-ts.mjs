// Runs a TypeScript script of this repository (corpus checks, conformance, bench helpers):
// bundles it with esbuild into node_modules/.cache/vtaplint-scripts/ and imports it, passing
// the remaining arguments through process.argv.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs SCRIPT.ts [args...]');
  process.exit(2);
}
const outdir = path.resolve('node_modules/.cache/vtaplint-scripts');
mkdirSync(outdir, { recursive: true });
const outfile = path.join(outdir, path.basename(entry).replace(/\.ts$/, '.mjs'));
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  // jsonc-parser's "main" is a UMD build esbuild cannot follow; its ESM build is under "module".
  mainFields: ['module', 'main'],
  format: 'esm',
  target: 'node20',
  packages: 'external',
  loader: { '.md': 'text' },
  logLevel: 'warning',
});
process.argv = [process.argv[0], path.resolve(entry), ...rest];
await import(pathToFileURL(outfile).href);
