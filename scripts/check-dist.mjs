// Fails when the committed bundles in dist/ are stale: rebuilds them from the committed sources
// (an export of HEAD in a temporary folder, so uncommitted edits in the checkout do not matter)
// and compares them byte for byte with the dist/ files committed at HEAD. The GitHub Action runs
// dist/action.js as committed, and pre-commit installs the CLI from the repository: both must be
// what the sources say. Fix: `node scripts/check-dist.mjs --update` (builds from HEAD into dist/,
// whatever else the checkout holds uncommitted) and commit dist/.
import { execFileSync, execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const update = process.argv.includes('--update');
const ref = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'HEAD';
const git = (args, opts = {}) => execFileSync('git', args, { cwd: repo, maxBuffer: 512 * 1024 * 1024, ...opts });

const tmp = mkdtempSync(path.join(tmpdir(), 'vtaplint-check-dist-'));
try {
  execSync(`git archive --format=tar ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(tmp)}`, { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(path.join(tmp, 'dist'), { recursive: true, force: true });
  // The build reads dependencies from the checkout's node_modules (build.mjs preserves the
  // symlink's path, so the bundles' path comments are the same as in a normal build).
  symlinkSync(path.join(repo, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: tmp, stdio: 'inherit' });

  const built = readdirSync(path.join(tmp, 'dist')).sort();
  if (update) {
    const dist = path.join(repo, 'dist');
    rmSync(dist, { recursive: true, force: true });
    mkdirSync(dist);
    for (const f of built) copyFileSync(path.join(tmp, 'dist', f), path.join(dist, f));
    console.log(`check-dist: dist/ rebuilt from ${ref} (${built.join(', ')}); commit it`);
  } else compare(built);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function compare(built) {
  let listing = '';
  try {
    listing = git(['ls-tree', '--name-only', `${ref}:dist`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    // No dist/ at that commit: every built file is reported below.
  }
  const committed = listing.split('\n').filter(Boolean).sort();
  const problems = [];
  for (const f of built) {
    if (!committed.includes(f)) {
      problems.push(`dist/${f} is built but not committed`);
      continue;
    }
    const want = readFileSync(path.join(tmp, 'dist', f));
    const have = git(['show', `${ref}:dist/${f}`]);
    if (!want.equals(have)) problems.push(`dist/${f} differs from a fresh build of the sources`);
  }
  for (const f of committed) if (!built.includes(f)) problems.push(`dist/${f} is committed but no longer built`);
  if (problems.length) {
    console.error(`check-dist: the committed bundles are stale (${ref}):\n  ${problems.join('\n  ')}\nRun \`node scripts/check-dist.mjs --update\` and commit dist/.`);
    process.exitCode = 1;
  } else {
    console.log(`check-dist: dist/ (${built.join(', ')}) matches the sources at ${ref}`);
  }
}
