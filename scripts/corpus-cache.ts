// Corpus check of the result cache (--cache): on the shared corpus (default: quickstart and the
// Bicep compiler's samples), a run with a warm cache prints byte for byte the JSON report of a run
// without it, and so does a run after files changed: in a copy of each folder, every 40th file
// (in path order) is cut to half its length or deleted, and the cache made before is used. Fails
// on any difference, naming the first line that differs.
//   node scripts/run-ts.mjs scripts/corpus-cache.ts [folder ...]
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../src/cli/main.js';

const args = process.argv.slice(2);
const folders = (args.length ? args : ['../shared/corpus/quickstart', '../shared/corpus/bicep-baselines']).map((f) => path.resolve(f));

async function report(dir: string, cache: string | undefined): Promise<string> {
  let out = '';
  await runCli(['-j', '1', '-f', 'json', ...(cache ? ['--cache-location', cache] : []), '.'], { stdout: (s) => (out += s), stderr: () => undefined, cwd: dir, isTTY: false, env: {} });
  return out;
}

function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const i = x.findIndex((l, n) => l !== y[n]);
  return `line ${i + 1}: ${JSON.stringify(x[i]?.slice(0, 200))} / ${JSON.stringify(y[i]?.slice(0, 200))}`;
}

let failed = 0;
const check = (what: string, cached: string, fresh: string) => {
  if (cached === fresh) console.log(`  ${what}: identical (${fresh.length} characters)`);
  else {
    failed++;
    console.log(`  ${what}: DIFFERENT, ${firstDifference(cached, fresh)}`);
  }
};

for (const folder of folders) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'vtaplint-corpus-cache-'));
  try {
    const copy = path.join(scratch, path.basename(folder));
    cpSync(folder, copy, { recursive: true });
    const cache = path.join(scratch, 'cache');
    const t0 = Date.now();
    const fresh = await report(copy, undefined);
    const made = await report(copy, cache);
    const t1 = Date.now();
    const again = await report(copy, cache);
    const t2 = Date.now();
    console.log(`${path.relative(process.cwd(), folder)}: fresh + cache made ${((t1 - t0) / 1000).toFixed(1)} s, from the cache ${((t2 - t1) / 1000).toFixed(1)} s`);
    check('the run that made the cache', made, fresh);
    check('a run from the cache', again, fresh);
    const files = readdirSync(copy, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(json|jsonc|bicep|bicepparam)$/i.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    const changed = files.filter((_, i) => i % 40 === 0);
    changed.forEach((f, i) => {
      if (i % 2) rmSync(f);
      else {
        const text = readFileSync(f);
        writeFileSync(f, text.subarray(0, text.length >> 1));
      }
    });
    check(`${changed.length} files cut or deleted, from the cache`, await report(copy, cache), await report(copy, undefined));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
if (failed) {
  console.error(`corpus-cache: ${failed} report(s) differ from a run without the cache`);
  process.exit(1);
}
