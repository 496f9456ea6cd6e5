#!/usr/bin/env bash
# Runs the compiled library against each older Nest major: the unit tests, the in-memory
# conformance suite, the sample, and the packed package compiled and run by a consumer of that
# major (Nest 12, the devDependencies, is what `npm test` runs).
#
#   bash scripts/nest-majors.sh            # Nest 10 and 11
#   NEST_MAJORS=10 bash scripts/nest-majors.sh
#
# How another major is really loaded: each major's exact versions are pinned with their
# lockfile in scripts/nest-majors/<major>/ and installed once (`npm ci`, reused while the
# lockfile is unchanged) into .nest-majors/<major>/node_modules. The build is copied to
# .nest-majors/<major>/build, so every `require('@nestjs/...')` from it finds that major first
# (Node looks in the nearest node_modules); everything else (drivers, the test helpers' deps)
# resolves further up, from the repository's node_modules. NODE_PATH cannot do this: it is
# consulted only after every node_modules above the file. The first unit test of each run
# prints the version and path of the @nestjs/microservices it loaded, and fails when it is
# not the major being tested (NEST_MAJOR).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
MAJORS="${NEST_MAJORS:-10 11}"
export KAFKAJS_NO_PARTITIONER_WARNING=1

# peerDependencies must promise exactly the majors tested: these plus the devDependencies' one.
node -e '
  const pkg = require("./package.json");
  const tested = [...process.argv[1].split(" "), pkg.devDependencies["@nestjs/microservices"].replace(/^\D*/, "").split(".")[0]];
  for (const name of ["@nestjs/common", "@nestjs/core", "@nestjs/microservices"]) {
    const promised = pkg.peerDependencies[name].split("||").map((r) => r.trim().replace(/^\D*/, "").split(".")[0]);
    if (promised.sort().join() !== [...new Set(tested)].sort().join()) {
      console.error(`peerDependencies ${name} "${pkg.peerDependencies[name]}" promises majors ${promised}, CI tests ${tested}`);
      process.exit(1);
    }
  }
  // The optional terminus peer: each pinned major brings the terminus it is tested with.
  const major = (range) => range.replace(/^\D*/, "").split(".")[0];
  const terminusTested = [...process.argv[1].split(" ").map((m) => major(require(`./scripts/nest-majors/${m}/package.json`).dependencies["@nestjs/terminus"] ?? "none")), major(pkg.devDependencies["@nestjs/terminus"])];
  const terminusPromised = pkg.peerDependencies["@nestjs/terminus"].split("||").map((r) => major(r.trim()));
  if (terminusPromised.sort().join() !== [...new Set(terminusTested)].sort().join()) {
    console.error(`peerDependencies @nestjs/terminus "${pkg.peerDependencies["@nestjs/terminus"]}" promises majors ${terminusPromised}, CI tests ${terminusTested}`);
    process.exit(1);
  }' "$MAJORS"

npm run --silent build:test

started=$(date +%s)
# The packaging test reruns two of its modes per major (a default Nest 10/11 project: module commonjs,
# classic node resolution, TypeScript 5; and an ESM consumer): one tarball and one TypeScript 5 for all.
mkdir -p .nest-majors
rm -f .nest-majors/nestjs-ack-*.tgz
npm pack --silent --pack-destination .nest-majors > /dev/null
tarball="$ROOT/$(ls .nest-majors/nestjs-ack-*.tgz)"
ts5_stamp="$(sha1sum < test/packaging/typescript-5/package-lock.json | cut -d' ' -f1)"
if [ "$(cat .packaging/typescript-5/.installed 2>/dev/null)" != "$ts5_stamp" ]; then
  rm -rf .packaging/typescript-5 && mkdir -p .packaging/typescript-5
  cp test/packaging/typescript-5/package.json test/packaging/typescript-5/package-lock.json .packaging/typescript-5/
  npm ci --prefix .packaging/typescript-5 --ignore-scripts --no-audit --no-fund --loglevel=error
  printf '%s' "$ts5_stamp" > .packaging/typescript-5/.installed
fi

pids=()
for major in $MAJORS; do
  pins="scripts/nest-majors/$major"
  dir=".nest-majors/$major"
  [ -f "$pins/package-lock.json" ] || { echo "no pinned versions for Nest $major in $pins" >&2; exit 1; }
  stamp="$(cat "$pins/package.json" "$pins/package-lock.json" | sha1sum | cut -d' ' -f1)"
  if [ "$(cat "$dir/.installed" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    cp "$pins/package.json" "$pins/package-lock.json" "$dir/"
    npm ci --prefix "$dir" --ignore-scripts --no-audit --no-fund --loglevel=error
    echo "$stamp" > "$dir/.installed"
  fi
  rm -rf "$dir/build" && cp -a build "$dir/build"
  # Tests that read sources next to the build (lib/postgres/schema.sql, ...) find them through links.
  for source in lib test sample; do ln -sfn "$ROOT/$source" "$dir/$source"; done
  # Both majors run at once (in-memory only, no shared broker); each log is printed whole below.
  (cd "$dir" && NEST_MAJOR="$major" NESTJS_ACK_TRANSPORTS=in-memory \
    PACKAGING_NEST_MODULES="$ROOT/$dir/node_modules" PACKAGING_TARBALL="$tarball" PACKAGING_MODES=node10-cjs-ts5,nodenext-esm-ts7 \
    node "$ROOT/scripts/run-tests.mjs" \
    build/test/unit build/test/conformance/transports.conformance.test.js build/test/conformance/in-memory.tracing.test.js build/test/smoke/sample.test.js build/test/packaging \
    > test-output.log 2>&1) &
  pids+=("$!")
done

failed=()
i=0
for major in $MAJORS; do
  if ! wait "${pids[$i]}"; then failed+=("$major"); fi
  i=$((i + 1))
  echo "=============== Nest $major ==============="
  cat ".nest-majors/$major/test-output.log"
done
echo "Nest majors [$MAJORS]: $(( $(date +%s) - started )) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED on Nest ${failed[*]}" >&2
  exit 1
fi
