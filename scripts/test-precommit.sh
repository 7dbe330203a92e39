#!/usr/bin/env bash
# The pre-commit hook end to end, installed the way pre-commit installs it: a temporary git
# repository whose .pre-commit-config.yaml points at this checkout at HEAD (pre-commit clones it,
# runs `npm install` and `npm pack`, then installs the tarball globally in its own environment, with
# this machine's node: no node download). A bad template makes the hook fail with its finding; once
# fixed, the hook passes. Needs the checkout committed (HEAD is what pre-commit installs).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "test-precommit: installing Debian's pre-commit"
  apt-get update -qq && apt-get install -y -qq pre-commit >/dev/null
fi

sha="$(git -C "$repo" rev-parse HEAD)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/cache"
project="$tmp/project"
mkdir -p "$project"
cd "$project"
git init -q
git config user.email test@example.invalid
git config user.name test

# Our own copies of the region fixtures (the fixtures themselves change with the rules).
fixtures="$repo/test/integration/templates"
cp "$fixtures/pass-supported.json" good.json
# The bad template takes its region from a parameters file beside it: the hook must read it from disk.
sed 's/"location": "westeurope"/"location": "[parameters('"'"'tapLocation'"'"')]"/; s/"resources": \[/"parameters": { "tapLocation": { "type": "string" } },\n  "resources": [/' "$fixtures/fail-unsupported.json" > bad.json
cat > bad.parameters.json <<'JSON'
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "tapLocation": { "value": "westeurope" } }
}
JSON
# Only the rule these templates are about, so the test does not change as rules are added.
echo '{ "tags": { "vtap": "off" }, "rules": { "vtap-supported-region": "error" } }' > vtaplint.config.json
cat > .pre-commit-config.yaml <<YAML
default_language_version:
  node: system
repos:
  - repo: $repo
    rev: $sha
    hooks:
      - id: vtaplint
YAML
git add .
git commit -q -m initial --no-verify

echo "test-precommit: bad template (expect failure)"
if pre-commit run --all-files >"$tmp/out1.txt" 2>&1; then
  cat "$tmp/out1.txt"
  echo "test-precommit: FAIL: the hook passed on a bad template" >&2
  exit 1
fi
cat "$tmp/out1.txt"
grep -q "vtap-supported-region" "$tmp/out1.txt" || { echo "test-precommit: FAIL: no vtap-supported-region finding in the output" >&2; exit 1; }
grep -q "bad.json" "$tmp/out1.txt" || { echo "test-precommit: FAIL: the finding does not name bad.json" >&2; exit 1; }

echo "test-precommit: only the good file passed (expect success: no error-level finding there)"
pre-commit run --files good.json

echo "test-precommit: only the parameters file (expect failure: its template is judged with its values)"
if pre-commit run --files bad.parameters.json >"$tmp/out2.txt" 2>&1; then
  cat "$tmp/out2.txt"
  echo "test-precommit: FAIL: the hook passed on a parameters file that moves its template to an unsupported region" >&2
  exit 1
fi
cat "$tmp/out2.txt"
grep -q "bad.json" "$tmp/out2.txt" || { echo "test-precommit: FAIL: the finding does not name bad.json" >&2; exit 1; }

echo "test-precommit: six bad files staged at once (expect failure, reported by one run)"
# pre-commit splits more than 4 files into a run per CPU unless the hook is require_serial; each
# run analyses the whole repository, so the findings came in several reports, each with its summary.
for i in 1 2 3 4 5 6; do cp bad.json "bad copy $i.json"; cp bad.parameters.json "bad copy $i.parameters.json"; done
git add .
if pre-commit run --files bad\ copy\ ?.json >"$tmp/out3.txt" 2>&1; then
  cat "$tmp/out3.txt"
  echo "test-precommit: FAIL: the hook passed on six bad files" >&2
  exit 1
fi
cat "$tmp/out3.txt"
[ "$(grep -c 'problems\? (' "$tmp/out3.txt")" = 1 ] || { echo "test-precommit: FAIL: not one summary line (the hook ran in several processes)" >&2; exit 1; }
grep -q '6 problems' "$tmp/out3.txt" || { echo "test-precommit: FAIL: the summary does not count the 6 findings" >&2; exit 1; }
git rm -q -f bad\ copy\ *

echo "test-precommit: fixed parameters file (expect success)"
sed -i "s/westeurope/eastus/" bad.parameters.json
git add bad.parameters.json
pre-commit run --all-files

echo "test-precommit: the hook's own result cache (expect failure, the same report from the cache, then success)"
# The hook runs with --cache: the earlier runs made .vtaplintcache, which git must not see (its own
# .gitignore), with no line in the project's .gitignore.
[ -s .vtaplintcache/results ] || { echo "test-precommit: FAIL: the hook wrote no .vtaplintcache/results" >&2; exit 1; }
untracked="$(git status --porcelain --untracked-files=all | grep '^??' || true)"
[ -z "$untracked" ] || { echo "test-precommit: FAIL: git sees the cache: $untracked" >&2; exit 1; }
sed -i "s/eastus/westeurope/" bad.parameters.json
git add .
for n in 4 5; do
  if pre-commit run --files bad.parameters.json >"$tmp/out$n.txt" 2>&1; then
    cat "$tmp/out$n.txt"
    echo "test-precommit: FAIL: the hook passed (from its cache) on a parameters file that moves its template to an unsupported region" >&2
    exit 1
  fi
done
cat "$tmp/out5.txt"
cmp -s "$tmp/out4.txt" "$tmp/out5.txt" || { echo "test-precommit: FAIL: the run from the cache printed another report" >&2; diff "$tmp/out4.txt" "$tmp/out5.txt" >&2; exit 1; }
grep -q "bad.json" "$tmp/out5.txt" || { echo "test-precommit: FAIL: the finding does not name bad.json" >&2; exit 1; }

echo "test-precommit: args: [--no-cache] (expect failure, the same report, no cache written)"
cp .pre-commit-config.yaml "$tmp/config.yaml"
sed -i 's/      - id: vtaplint/      - id: vtaplint\n        args: [--no-cache]/' .pre-commit-config.yaml
git add .pre-commit-config.yaml
rm -rf .vtaplintcache
if pre-commit run --files bad.parameters.json >"$tmp/out6.txt" 2>&1; then
  cat "$tmp/out6.txt"
  echo "test-precommit: FAIL: the hook with --no-cache passed on a parameters file that moves its template to an unsupported region" >&2
  exit 1
fi
cmp -s "$tmp/out4.txt" "$tmp/out6.txt" || { echo "test-precommit: FAIL: --no-cache printed another report" >&2; diff "$tmp/out4.txt" "$tmp/out6.txt" >&2; exit 1; }
[ ! -e .vtaplintcache ] || { echo "test-precommit: FAIL: the hook with --no-cache wrote .vtaplintcache" >&2; exit 1; }
cp "$tmp/config.yaml" .pre-commit-config.yaml
git add .pre-commit-config.yaml
# The hook with its cache again: it makes the cache anew, keeping the failing result.
if pre-commit run --files bad.parameters.json >"$tmp/out7.txt" 2>&1; then
  cat "$tmp/out7.txt"
  echo "test-precommit: FAIL: the hook passed on a parameters file that moves its template to an unsupported region" >&2
  exit 1
fi
[ -s .vtaplintcache/results ] || { echo "test-precommit: FAIL: the hook wrote no .vtaplintcache/results" >&2; exit 1; }

echo "test-precommit: fixed again (expect success: the template's kept result read the parameters file)"
sed -i "s/westeurope/eastus/" bad.parameters.json
git add bad.parameters.json
pre-commit run --files bad.parameters.json

echo "test-precommit: a module renamed away from under the file that deploys it (expect failure naming main.bicep)"
# pre-commit passes only the new name; the hook's --staged-deletions finds the old one in the index.
mkdir -p modules
printf "param location string = 'eastus'\n" > modules/net.bicep
printf "module net 'modules/net.bicep' = {\n  name: 'net'\n}\n" > main.bicep
git add .
git commit -q -m module --no-verify
git mv modules/net.bicep modules/net2.bicep
if pre-commit run >"$tmp/out8.txt" 2>&1; then
  cat "$tmp/out8.txt"
  echo "test-precommit: FAIL: the hook passed a rename that leaves main.bicep deploying a module that does not exist" >&2
  exit 1
fi
cat "$tmp/out8.txt"
grep -q "main.bicep" "$tmp/out8.txt" && grep -q "modules/net.bicep' does not exist" "$tmp/out8.txt" || { echo "test-precommit: FAIL: the finding does not name main.bicep's module" >&2; exit 1; }
echo "test-precommit: the deployer follows the rename (expect success)"
sed -i "s#modules/net.bicep#modules/net2.bicep#" main.bicep
git add main.bicep
pre-commit run
echo "test-precommit: OK"
