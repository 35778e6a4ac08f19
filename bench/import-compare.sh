#!/usr/bin/env bash
# The archive import's speed, this checkout against another commit, on the same machine in one run: compiles that
# commit in a folder of its own and copies this checkout's compiled classes (so a build here meanwhile changes
# nothing), then runs bench/import.sh (durable mode unless DURABLE=0) on each in turn, ROUNDS times, alternating,
# so a change in the machine's load falls on both alike. Prints each run's posts per second.
#
#   bench/import-compare.sh main~1            # 10,000 posts, 2 rounds
#   POSTS=2000 ROUNDS=3 bench/import-compare.sh 437a674
#
# Settings (environment): those of bench/import.sh, and ROUNDS (2). Figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: bench/import-compare.sh COMMIT}
ROUNDS=${ROUNDS:-2}
export POSTS=${POSTS:-10000} DURABLE=${DURABLE:-1}
BENCH_DIR=${BENCH_DIR:-./data/bench-import}
mkdir -p "$BENCH_DIR"
export BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
SHA=$(git rev-parse --short "$BASE")
BASE_DIR="$BENCH_DIR/base-$SHA"
if [[ ! -d "$BASE_DIR/target/classes" ]]; then
  rm -rf "$BASE_DIR" && mkdir -p "$BASE_DIR"
  git archive "$SHA" | tar -x -C "$BASE_DIR"
  (cd "$BASE_DIR" && ./mvnw -B -q -o -Dspotless.check.skip=true compile)
fi
./mvnw -B -q -o -Dspotless.check.skip=true compile dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$BENCH_DIR/classpath.txt"

BRANCH_DIR="$BENCH_DIR/branch"
rm -rf "$BRANCH_DIR" && mkdir -p "$BRANCH_DIR/target"
cp -r target/classes "$BRANCH_DIR/target/classes"

RESULTS="$BENCH_DIR/compare-$SHA-$POSTS.txt"
: > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for side in base branch; do
    app="$BRANCH_DIR"
    [[ $side == base ]] && app="$BASE_DIR"
    echo "== round $round, $side ($(uptime | sed 's/.*load/load/'))"
    APP="$app" bench/import.sh > "$BENCH_DIR/run.txt" 2>&1 || { cat "$BENCH_DIR/run.txt"; exit 1; }
    line=$(grep -E "^Imported" "$BENCH_DIR/run.txt")
    echo "$line"
    echo "$round $side $(echo "$line" | grep -oE 'in [0-9.]+ s \([0-9]+ items/s\)')" >> "$RESULTS"
  done
done
echo
echo "round side time (posts/s), $POSTS posts, durable $DURABLE:"
cat "$RESULTS"
