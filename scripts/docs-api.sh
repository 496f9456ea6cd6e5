#!/usr/bin/env bash
# Writes the API reference, docs/api/ (generated, not committed), from the TSDoc of every subpath's
# index.ts (typedoc.json), and fails on any TypeDoc warning.
#
# TypeDoc 0.28 runs on TypeScript <= 6.0 while the repository builds with 7, so TypeDoc and its
# TypeScript are pinned apart in scripts/typedoc/ and installed once (`npm ci`, reused while the
# lockfile is unchanged) under ~/.cache/nestjs-ack/typedoc-<hash>.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp="$(cat scripts/typedoc/package.json scripts/typedoc/package-lock.json | sha1sum | cut -c1-12)"
tools="$HOME/.cache/nestjs-ack/typedoc-$stamp"
if [ ! -f "$tools/.installed" ]; then
  rm -rf "$tools" && mkdir -p "$tools"
  cp scripts/typedoc/package.json scripts/typedoc/package-lock.json "$tools/"
  npm ci --prefix "$tools" --ignore-scripts --no-audit --no-fund --loglevel=error
  touch "$tools/.installed"
fi
node "$tools/node_modules/typedoc/bin/typedoc" --options typedoc.json "$@"
